'use client';

import { useActionState, useRef } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ImportReport } from '@/lib/catalog/products/csv-import';

type Outcome =
  | { status: 'idle' }
  | { status: 'error'; message: string }
  | { status: 'done'; mode: 'dry-run' | 'apply'; report: Omit<ImportReport, 'slugs'> };

/** Upload → dry run (nothing written, every row checked) → apply (all or nothing). */
export function ImportForm() {
  const fileRef = useRef<HTMLInputElement>(null);
  const [state, action, pending] = useActionState(async (_prev: Outcome, formData: FormData): Promise<Outcome> => {
    const mode = formData.get('mode') === 'apply' ? 'apply' : 'dry-run';
    try {
      const response = await fetch('/api/admin/import/products', { method: 'POST', body: formData });
      const body = (await response.json().catch(() => null)) as (Omit<ImportReport, 'slugs'> & { error?: { message: string } }) | null;
      if (!response.ok || !body) return { status: 'error', message: body?.error?.message ?? 'The import failed. Please try again.' };
      return { status: 'done', mode, report: body };
    } catch {
      return { status: 'error', message: 'The import failed: check your connection and try again.' };
    }
  }, { status: 'idle' });
  const report = state.status === 'done' ? state.report : null;
  return (
    <div className="space-y-4">
      <form action={action} aria-label="Import products" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="import-file" className="block text-sm font-medium">CSV file</label>
          <input ref={fileRef} id="import-file" name="file" type="file" accept=".csv,text/csv" className="mt-1 block text-sm" />
        </div>
        <SubmitButton variant="secondary" name="mode" value="dry-run" pendingLabel="Working…" pending={pending}>Check file (dry run)</SubmitButton>
        <SubmitButton name="mode" value="apply" pendingLabel="Working…" pending={pending}>Import</SubmitButton>
      </form>
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
