'use client';

import * as RadixDialog from '@radix-ui/react-dialog';
import { Command } from 'cmdk';
import type { ReactNode } from 'react';

// A command palette on cmdk (keyboard list navigation, combobox semantics) inside a Radix dialog (focus trap, Escape,
// focus returns to the trigger). Data-free: the caller hands it the groups to show for what was typed.

export type PaletteItem = { id: string; label: string; detail?: string; onSelect: () => void };
export type PaletteGroup = { heading: string; items: PaletteItem[] };

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  placeholder: string;
  query: string;
  onQueryChange: (query: string) => void;
  groups: PaletteGroup[];
  /** Shown under the input while results load, or when something went wrong. */
  status?: ReactNode;
  empty: string;
};

export function CommandPalette({ open, onOpenChange, title, placeholder, query, onQueryChange, groups, status, empty }: Props) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-50 bg-black/40" />
        <RadixDialog.Content
          aria-describedby={undefined}
          className="fixed top-4 left-1/2 z-50 w-[calc(100vw-1rem)] max-w-xl -translate-x-1/2 overflow-hidden rounded-lg bg-white shadow-xl outline-none md:top-24"
        >
          <RadixDialog.Title className="sr-only">{title}</RadixDialog.Title>
          {/* Results are filtered by the caller (some come from the server), so cmdk's own filter is off. */}
          <Command shouldFilter={false} label={title} className="flex flex-col">
            <Command.Input
              value={query}
              onValueChange={onQueryChange}
              placeholder={placeholder}
              className="w-full border-b border-zinc-200 px-4 py-3 text-base outline-none placeholder:text-zinc-500"
            />
            {status ? (
              <div role="status" className="px-4 py-2 text-sm text-zinc-600">
                {status}
              </div>
            ) : null}
            <Command.List label="Results" className="max-h-[60vh] overflow-y-auto p-2">
              <Command.Empty className="px-2 py-3 text-sm text-zinc-600">{empty}</Command.Empty>
              {groups
                .filter((group) => group.items.length > 0)
                .map((group) => (
                  <Command.Group key={group.heading} heading={group.heading} className="mb-2 text-sm [&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:py-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:text-zinc-600">
                    {group.items.map((item) => (
                      <Command.Item
                        key={item.id}
                        value={item.id}
                        onSelect={item.onSelect}
                        className="flex cursor-pointer flex-col rounded-md px-2 py-2 data-[selected=true]:bg-zinc-900 data-[selected=true]:text-white"
                      >
                        <span className="font-medium [overflow-wrap:anywhere]">{item.label}</span>
                        {item.detail ? <span className="text-xs opacity-80 [overflow-wrap:anywhere]">{item.detail}</span> : null}
                      </Command.Item>
                    ))}
                  </Command.Group>
                ))}
            </Command.List>
          </Command>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
