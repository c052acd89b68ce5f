'use client';

import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';

/** A formatting button: wraps the selection (or a placeholder) in Markdown so a merchant need not know the syntax. */
type Tool = { label: string; name: string; before: string; after: string; placeholder: string; line?: boolean; shortcut?: string };

const TOOLS: Tool[] = [
  { label: 'B', name: 'Bold', before: '**', after: '**', placeholder: 'bold text', shortcut: 'b' },
  { label: 'I', name: 'Italic', before: '_', after: '_', placeholder: 'italic text', shortcut: 'i' },
  { label: 'H', name: 'Heading', before: '### ', after: '', placeholder: 'Heading', line: true },
  { label: '•', name: 'Bulleted list', before: '- ', after: '', placeholder: 'List item', line: true },
  { label: '1.', name: 'Numbered list', before: '1. ', after: '', placeholder: 'List item', line: true },
  { label: '🔗', name: 'Link', before: '[', after: '](https://)', placeholder: 'link text', shortcut: 'k' },
];

type MarkdownEditorProps = {
  id: string;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown on the Preview tab: the caller renders the Markdown the way it is published. */
  preview: ReactNode;
  hint?: string;
  /** Ids of messages about the field (e.g. its error), besides the hint. */
  describedBy?: string;
  invalid?: boolean;
  rows?: number;
};

/**
 * A Markdown text area with a formatting toolbar (Ctrl/⌘+B, I and K too) and Write / Preview tabs. The text area stays
 * in the form on the Preview tab (hidden), so the value is submitted whichever tab is shown.
 */
export function MarkdownEditor({ id, name, label, value, onChange, preview, hint, describedBy, invalid, rows = 8 }: MarkdownEditorProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const base = useId();
  const hintId = `${id}-hint`;

  function apply(tool: Tool) {
    const element = area.current;
    if (!element) return;
    const { selectionStart: start, selectionEnd: end } = element;
    const selected = value.slice(start, end) || tool.placeholder;
    const prefix = tool.line && start > 0 && value[start - 1] !== '\n' ? '\n' : '';
    const inserted = `${prefix}${tool.before}${selected}${tool.after}`;
    onChange(value.slice(0, start) + inserted + value.slice(end));
    requestAnimationFrame(() => {
      element.focus();
      // The wrapped text stays selected, so typing replaces a placeholder at once.
      const from = start + prefix.length + tool.before.length;
      element.setSelectionRange(from, from + selected.length);
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    const tool = TOOLS.find((t) => t.shortcut === event.key.toLowerCase());
    if (!tool) return;
    event.preventDefault();
    apply(tool);
  }

  const tabButton = (key: 'write' | 'preview', text: string) => (
    <button
      type="button"
      role="tab"
      id={`${base}-${key}-tab`}
      aria-selected={tab === key}
      aria-controls={`${base}-${key}-panel`}
      tabIndex={tab === key ? 0 : -1}
      onClick={() => setTab(key)}
      onKeyDown={(event) => {
        if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
          const next = tab === 'write' ? 'preview' : 'write';
          setTab(next);
          document.getElementById(`${base}-${next}-tab`)?.focus();
        }
      }}
      className="rounded-t-md border border-b-0 border-zinc-300 px-3 py-1 text-sm font-medium aria-selected:bg-zinc-900 aria-selected:text-white"
    >
      {text}
    </button>
  );

  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <label htmlFor={id} className="block text-sm font-medium">
          {label}
        </label>
        <div role="tablist" aria-label={`${label}: write or preview`} className="flex gap-1">
          {tabButton('write', 'Write')}
          {tabButton('preview', 'Preview')}
        </div>
      </div>
      <div id={`${base}-write-panel`} role="tabpanel" aria-labelledby={`${base}-write-tab`} hidden={tab !== 'write'} className="rounded-md border border-zinc-300 bg-white">
        <div role="toolbar" aria-label={`Formatting, ${label}`} aria-controls={id} className="flex flex-wrap gap-1 border-b border-zinc-200 p-1">
          {TOOLS.map((tool) => (
            <button
              key={tool.name}
              type="button"
              onClick={() => apply(tool)}
              aria-keyshortcuts={tool.shortcut ? `Control+${tool.shortcut.toUpperCase()}` : undefined}
              title={tool.shortcut ? `${tool.name} (Ctrl+${tool.shortcut.toUpperCase()})` : tool.name}
              className="min-h-9 min-w-9 rounded px-2 text-sm font-semibold hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-brand-600"
            >
              <span aria-hidden>{tool.label}</span>
              <span className="sr-only">{tool.name}</span>
            </button>
          ))}
        </div>
        <textarea
          ref={area}
          id={id}
          name={name}
          rows={rows}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={onKeyDown}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={[hint ? hintId : null, describedBy].filter(Boolean).join(' ') || undefined}
          className="block w-full rounded-b-md px-3 py-2 font-mono text-sm"
        />
      </div>
      <div id={`${base}-preview-panel`} role="tabpanel" aria-labelledby={`${base}-preview-tab`} hidden={tab !== 'preview'} tabIndex={0} className="min-h-24 rounded-md border border-zinc-300 bg-white p-3">
        {tab === 'preview' ? preview : null}
      </div>
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-zinc-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
