'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ImportReport } from '@/lib/catalog/products/csv-import';

type Outcome =
  | { status: 'idle' }
  | { status: 'error'; message: string; checked: File | null }
  | { status: 'done'; mode: 'dry-run' | 'apply'; report: Omit<ImportReport, 'slugs'>; checked: File | null };

const chosen = (value: FormDataEntryValue | null): File | null => (value instanceof File && value.name !== '' ? value : null);

/**
 * Upload → dry run (nothing written, every row checked) → apply (all or nothing). The file of a clean dry run is
 * kept in this page (never stored on the server), so "Import" sends the same file again without choosing it anew;
 * choosing another file, or a dry run that found problems, forgets it.
 */
export function ImportForm() {
  const [state, action, pending] = useActionState(async (prev: Outcome, formData: FormData): Promise<Outcome> => {
    const mode = formData.get('mode') === 'apply' ? 'apply' : 'dry-run';
    const kept = prev.status === 'done' && prev.mode === 'dry-run' && prev.report.errors.length === 0 ? prev.checked : null;
    const file = chosen(formData.get('file')) ?? (mode === 'apply' ? kept : null);
    if (!file) return { status: 'error', message: 'Choose a CSV file.', checked: null };
    const body = new FormData();
    body.set('mode', mode);
    body.set('file', file);
    try {
      const response = await fetch('/api/admin/import/products', { method: 'POST', body });
      const answer = (await response.json().catch(() => null)) as (Omit<ImportReport, 'slugs'> & { error?: { message: string } }) | null;
      if (!response.ok || !answer) return { status: 'error', message: answer?.error?.message ?? 'The import failed. Please try again.', checked: kept };
      return { status: 'done', mode, report: answer, checked: mode === 'dry-run' && answer.errors.length === 0 ? file : null };
    } catch {
      return { status: 'error', message: 'The import failed: check your connection and try again.', checked: kept };
    }
  }, { status: 'idle' });
  const ready = state.status === 'done' && state.mode === 'dry-run' && state.report.errors.length === 0 ? state.checked : null;
  const report = state.status === 'done' ? state.report : null;
  return (
    <div className="space-y-4">
      <form action={action} aria-label="Import products" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="import-file" className="block text-sm font-medium">CSV file</label>
          <input id="import-file" name="file" type="file" accept=".csv,text/csv" className="mt-1 block text-sm file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-zinc-50" />
        </div>
        <SubmitButton variant="secondary" name="mode" value="dry-run" pendingLabel="Working…" pending={pending}>Check file (dry run)</SubmitButton>
        <SubmitButton name="mode" value="apply" pendingLabel="Working…" pending={pending}>{ready ? `Import ${ready.name}` : 'Import'}</SubmitButton>
      </form>
      {ready ? (
        <p className="text-sm text-zinc-600">
          {ready.name} passed the dry run: “Import {ready.name}” imports it without choosing it again. Choose another file to check that one instead.
        </p>
      ) : null}
      <div aria-live="polite">
        {state.status === 'error' ? <FormMessage status="error" message={state.message} /> : null}
        {report && state.status === 'done' ? (
          <div className="space-y-3">
            {report.errors.length > 0 ? (
              <FormMessage
                status="error"
                message={`${report.errors.length} problem${report.errors.length === 1 ? '' : 's'} found: nothing was ${state.mode === 'apply' ? 'imported' : 'written'}. Fix the rows below and try again.`}
              />
            ) : state.mode === 'apply' && report.applied ? (
              <FormMessage status="success" message={`Imported ${report.products} product${report.products === 1 ? '' : 's'} (${report.created} new, ${report.updated} updated, ${report.variants} variants).`} />
            ) : (
              <FormMessage status="success" message={`Dry run: no problems. Importing would create ${report.created} and update ${report.updated} product${report.updated === 1 ? '' : 's'} (${report.variants} variants). Nothing has been written yet.`} />
            )}
            {report.errors.length > 0 ? (
              <table className="w-full border-collapse bg-white text-sm">
                <caption className="text-left font-semibold">Problems by row</caption>
                <thead>
                  <tr className="border-b border-zinc-200 text-left">
                    <th scope="col" className="p-2">Row</th>
                    <th scope="col" className="p-2">Column</th>
                    <th scope="col" className="p-2">Problem</th>
                  </tr>
                </thead>
                <tbody>
                  {report.errors.map((e, i) => (
                    <tr key={i} className="border-b border-zinc-100">
                      <td className="p-2">{e.row}</td>
                      <td className="p-2 font-mono">{e.column ?? '—'}</td>
                      <td className="p-2">{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : report.preview.length > 0 ? (
              <details>
                <summary className="cursor-pointer text-sm underline">Rows ({report.preview.length})</summary>
                <table className="mt-2 w-full border-collapse bg-white text-sm">
                  <thead>
                    <tr className="border-b border-zinc-200 text-left">
                      <th scope="col" className="p-2">Row</th>
                      <th scope="col" className="p-2">Handle</th>
                      <th scope="col" className="p-2">SKU</th>
                      <th scope="col" className="p-2">Product</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.preview.slice(0, 500).map((line) => (
                      <tr key={line.row} className="border-b border-zinc-100">
                        <td className="p-2">{line.row}</td>
                        <td className="p-2">{line.handle}</td>
                        <td className="p-2 font-mono">{line.sku}</td>
                        <td className="p-2">{line.action === 'create' ? 'New' : 'Update'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
