'use client';

import { type InputHTMLAttributes, type KeyboardEvent, type ReactNode, useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';

// A text input with a popup list of suggestions: the WAI-ARIA 1.2 combobox pattern ("editable combobox with list
// autocomplete", APG). Focus stays in the input; the active option is conveyed with aria-activedescendant; the list
// is grouped (role="group" with a label). Keys: ↓/↑ move through the options (and open the list), Enter picks the
// active option or, with none, submits the surrounding form as typed; Escape closes the list, and a second Escape
// clears the text; Tab leaves. A pointer press on the list does not blur the input.
//
// The popup is positioned against the input in the viewport (fixed): on a phone it spans the screen's width
// under the header, on a wide screen it drops from the input.

export type ComboboxOption = { id: string; content: ReactNode; textValue: string };
export type ComboboxSection = { id: string; label: string; options: ComboboxOption[] };

type ComboboxProps = {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  sections: ComboboxSection[];
  onPick: (option: ComboboxOption) => void;
  /** Announced to screen readers when the list changes, e.g. "6 suggestions". */
  status: string;
  inputProps?: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'role'>;
  /** Shown under the options, inside the popup (e.g. "See all results"). */
  footer?: ReactNode;
};

type Placement = { top: number; left: number; width: number };

function placementFor(input: HTMLInputElement): Placement {
  const rect = input.getBoundingClientRect();
  const viewport = document.documentElement.clientWidth;
  const margin = 8;
  if (viewport < 640) return { top: rect.bottom + 6, left: margin, width: viewport - margin * 2 };
  const width = Math.min(Math.max(rect.width, 384), viewport - margin * 2);
  return { top: rect.bottom + 6, left: Math.min(rect.left, viewport - width - margin), width };
}

export function Combobox({ label, value, onValueChange, sections, onPick, status, inputProps, footer }: ComboboxProps) {
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  // Which option is active, for which list: new suggestions start with none active until the shopper moves into them.
  const [activeState, setActiveState] = useState({ list: '', index: -1 });
  const [placement, setPlacement] = useState<Placement | null>(null);
  const options = sections.flatMap((section) => section.options);
  const optionIds = options.map((option) => option.id).join('\n');
  const activeIndex = activeState.list === optionIds ? activeState.index : -1;
  const setActiveIndex = (update: number | ((index: number) => number)) =>
    setActiveState({ list: optionIds, index: typeof update === 'function' ? update(activeIndex) : update });
  const hasOptions = options.length > 0;
  const expanded = open && hasOptions;
  const optionDomId = (option: ComboboxOption) => `${listId}-${option.id}`;
  const active = expanded && activeIndex >= 0 ? options[activeIndex] : undefined;

  const place = useCallback(() => {
    if (inputRef.current) setPlacement(placementFor(inputRef.current));
  }, []);
  useLayoutEffect(() => {
    if (!expanded) return;
    place();
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, { passive: true });
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place);
    };
  }, [expanded, place]);

  useEffect(() => {
    if (!active) return;
    document.getElementById(optionDomId(active))?.scrollIntoView({ block: 'nearest' });
  });

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    inputProps?.onKeyDown?.(event);
    if (event.defaultPrevented) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!hasOptions) return;
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        if (!open) {
          setOpen(true);
          setActiveIndex(step === 1 ? 0 : options.length - 1);
          return;
        }
        // Past either end the text itself is active again (-1), then the list wraps round.
        setActiveIndex((index) => {
          const next = index + step;
          if (next >= options.length) return -1;
          if (next < -1) return options.length - 1;
          return next;
        });
        return;
      }
      case 'Enter':
        if (active) {
          event.preventDefault();
          setOpen(false);
          onPick(active);
        } else {
          setOpen(false);
        }
        return;
      case 'Escape':
        event.preventDefault();
        if (expanded) {
          setOpen(false);
          setActiveIndex(-1);
        } else {
          onValueChange('');
        }
        return;
      case 'Tab':
        setOpen(false);
        return;
    }
  };

  return (
    <>
      <label htmlFor={inputProps?.id} className="sr-only">
        {label}
      </label>
      <input
        {...inputProps}
        ref={inputRef}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={active ? optionDomId(active) : undefined}
        autoComplete="off"
        value={value}
        onChange={(event) => {
          onValueChange(event.target.value);
          setOpen(true);
        }}
        onFocus={(event) => {
          inputProps?.onFocus?.(event);
          setOpen(true);
        }}
        onBlur={(event) => {
          inputProps?.onBlur?.(event);
          setOpen(false);
        }}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      <div
        // Kept in the DOM (hidden when closed) so aria-controls always names an element.
        hidden={!expanded}
        onMouseDown={(event) => event.preventDefault()}
        style={placement ? { position: 'fixed', top: placement.top, left: placement.left, width: placement.width } : { position: 'fixed' }}
        className="z-50 max-h-[70vh] overflow-y-auto rounded-lg border border-zinc-200 bg-white py-2 text-left shadow-lg"
      >
        <div id={listId} role="listbox" aria-label={label}>
          {sections
            .filter((section) => section.options.length > 0)
            .map((section) => (
              <div key={section.id} role="group" aria-labelledby={`${listId}-${section.id}`} className="py-1">
                <div id={`${listId}-${section.id}`} role="presentation" className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-zinc-600">
                  {section.label}
                </div>
                {section.options.map((option) => {
                  const isActive = active?.id === option.id;
                  return (
                    <div
                      key={option.id}
                      id={optionDomId(option)}
                      role="option"
                      aria-selected={isActive}
                      onClick={() => {
                        setOpen(false);
                        onPick(option);
                      }}
                      onMouseMove={() => setActiveIndex(options.indexOf(option))}
                      className={`cursor-pointer px-3 py-2 text-sm ${isActive ? 'bg-zinc-100' : ''}`}
                    >
                      {option.content}
                    </div>
                  );
                })}
              </div>
            ))}
        </div>
        {footer ? <div className="border-t border-zinc-100 px-3 pt-2 text-sm">{footer}</div> : null}
      </div>
      <p role="status" className="sr-only">
        {expanded ? status : ''}
      </p>
    </>
  );
}
