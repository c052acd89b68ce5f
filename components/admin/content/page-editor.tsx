'use client';

import { useActionState, useRef, useState } from 'react';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { MarkdownPreview } from './markdown-preview';
import { deleteContentPageAction, saveContentPageAction } from '@/lib/admin/content/actions';
import { refusal } from '@/lib/http/action-result';
import type { ContentPageEdit } from '@/lib/store/content/types';

const input = 'mt-1 w-full rounded-md border border-zinc-300 px-3 py-2 text-sm';

/** Markdown shortcuts: wrap the selection (or insert a placeholder) so a merchant need not know the syntax. */
const TOOLS: { label: string; name: string; before: string; after: string; placeholder: string; line?: boolean }[] = [
  { label: 'B', name: 'Bold', before: '**', after: '**', placeholder: 'bold text' },
  { label: 'I', name: 'Italic', before: '_', after: '_', placeholder: 'italic text' },
  { label: 'H', name: 'Heading', before: '## ', after: '', placeholder: 'Heading', line: true },
  { label: '•', name: 'Bulleted list', before: '- ', after: '', placeholder: 'List item', line: true },
  { label: '🔗', name: 'Link', before: '[', after: '](/pages/contact)', placeholder: 'link text' },
];

function Field({ id, label, error, hint, optional, children }: { id: string; label: string; error?: string[]; hint?: string; optional?: boolean; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        {optional ? <span className="font-normal text-zinc-500"> (optional)</span> : null}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-600">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} errors={error} />
    </div>
  );
}

const describedBy = (id: string, error?: string[], hint?: boolean) => [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;

/** Creates (no page) or edits a content page, with a live preview of it as shoppers will see it. */
export function PageEditor({ page, savedHtml = '' }: { page: ContentPageEdit | null; savedHtml?: string }) {
  const [state, action, pending] = useActionState(saveContentPageAction, null);
  const { errors, values } = refusal(state);
  const value = (name: keyof ContentPageEdit) => values[name] ?? (page ? String(page[name] ?? '') : '');
  const body = useRef<HTMLTextAreaElement>(null);
  // Controlled, unlike the other fields: a page can be long, and a refused save must keep every character typed
  // (echoed values are cut at 500 characters) — React's reset after the action leaves controlled fields alone.
  const [bodyText, setBodyText] = useState(page?.body ?? '');
  // Followed for the preview only; the field itself stays uncontrolled like the others.
  const [titleText, setTitleText] = useState(page?.title ?? '');

  function applyTool(tool: (typeof TOOLS)[number]) {
    const area = body.current;
    if (!area) return;
    const { selectionStart: start, selectionEnd: end } = area;
    const selected = bodyText.slice(start, end) || tool.placeholder;
    const prefix = tool.line && start > 0 && bodyText[start - 1] !== '\n' ? '\n' : '';
    const inserted = `${prefix}${tool.before}${selected}${tool.after}`;
    setBodyText(bodyText.slice(0, start) + inserted + bodyText.slice(end));
    requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(start + inserted.length, start + inserted.length);
    });
  }

  return (
    <div className="grid items-start gap-8 xl:grid-cols-2">
      <form action={action} aria-label={page ? 'Edit page' : 'New page'} className="grid min-w-0 max-w-3xl gap-4" noValidate key={state && !state.ok ? 'refused' : 'ok'}>
        {page ? <input type="hidden" name="id" value={page.id} /> : null}
        <Field id="page-title" label="Title" error={errors.title}>
          <input id="page-title" name="title" required defaultValue={value('title')} onChange={(event) => setTitleText(event.target.value)} className={input} aria-invalid={errors.title ? true : undefined} aria-describedby={describedBy('page-title', errors.title)} />
        </Field>
        <Field id="page-slug" label="Address" optional error={errors.slug} hint="The page is at /pages/<address>. Leave empty to make it from the title.">
          <input id="page-slug" name="slug" defaultValue={value('slug')} className={input} aria-invalid={errors.slug ? true : undefined} aria-describedby={describedBy('page-slug', errors.slug, true)} />
        </Field>
        <Field id="page-body" label="Content" error={errors.body} hint="Markdown: ## heading, **bold**, _italic_, - list item, [link text](/pages/contact). Anything else is removed when the page is shown.">
          <div role="toolbar" aria-label="Formatting" aria-controls="page-body" className="mt-1 flex gap-1">
            {TOOLS.map((tool) => (
              <button key={tool.name} type="button" onClick={() => applyTool(tool)} className="min-w-9 rounded border border-zinc-300 px-2 py-1 text-sm font-semibold hover:bg-zinc-50">
                <span aria-hidden>{tool.label}</span>
                <span className="sr-only">{tool.name}</span>
              </button>
            ))}
          </div>
          <textarea
            ref={body}
            id="page-body"
            name="body"
            rows={18}
            value={bodyText}
            onChange={(event) => setBodyText(event.target.value)}
            className={`${input} font-mono`}
            aria-invalid={errors.body ? true : undefined}
            aria-describedby={describedBy('page-body', errors.body, true)}
          />
        </Field>
        <fieldset className="grid gap-4 rounded-md border border-zinc-200 p-4">
          <legend className="px-1 text-sm font-semibold">Search engines</legend>
          <Field id="page-seo-title" label="SEO title" optional error={errors.seoTitle} hint="Up to 70 characters; the page title is used when empty.">
            <input id="page-seo-title" name="seoTitle" defaultValue={value('seoTitle')} className={input} aria-describedby={describedBy('page-seo-title', errors.seoTitle, true)} />
          </Field>
          <Field id="page-seo-description" label="SEO description" optional error={errors.seoDescription} hint="Up to 160 characters; the start of the content is used when empty.">
            <textarea id="page-seo-description" name="seoDescription" rows={2} defaultValue={value('seoDescription')} className={input} aria-describedby={describedBy('page-seo-description', errors.seoDescription, true)} />
          </Field>
        </fieldset>
        <Field id="page-status" label="Visibility" error={errors.status}>
          <select id="page-status" name="status" defaultValue={value('status') || 'draft'} className={input}>
            <option value="draft">Draft (hidden from shoppers)</option>
            <option value="published">Published</option>
          </select>
        </Field>
        <div>
          <SubmitButton pendingLabel="Saving…" pending={pending}>
            {page ? 'Save page' : 'Create page'}
          </SubmitButton>
        </div>
        {state?.ok ? <FormMessage status="success" message={state.message ?? 'Saved.'} /> : null}
        {state && !state.ok ? <FormMessage status="error" message={state.message} /> : null}
      </form>
      <MarkdownPreview title={titleText} markdown={bodyText} initialHtml={savedHtml} />
    </div>
  );
}

export function DeletePageForm({ id, title }: { id: string; title: string }) {
  const [state, action, pending] = useActionState(deleteContentPageAction, null);
  return (
    <form
      action={action}
      aria-label={`Delete ${title}`}
      onSubmit={(event) => {
        if (!window.confirm(`Delete “${title}”? Menu links to it are removed too.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" pendingLabel="Deleting…" pending={pending}>
        Delete page
      </SubmitButton>
      {state && !state.ok ? <FormMessage status="error" message={state.message} /> : null}
    </form>
  );
}
