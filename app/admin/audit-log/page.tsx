import { EmptyState, formatDateTime, Pager } from '@/components/admin/people/pager';
import { auditLogFilterSchema } from '@/lib/audit/schemas';
import { listAuditEntries, listAuditFacets } from '@/lib/audit/queries';
import { requireStaffPage } from '@/lib/admin/guard';

export const metadata = { title: 'Audit log' };

function Changes({ before, after }: { before: Record<string, unknown> | null; after: Record<string, unknown> | null }) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  if (keys.length === 0) return <span className="text-zinc-500">—</span>;
  const show = (value: unknown) => (value === undefined ? '∅' : JSON.stringify(value));
  return (
    <ul className="space-y-0.5 font-mono text-xs">
      {keys.map((key) => {
        const from = before?.[key];
        const to = after?.[key];
        if (before && after && JSON.stringify(from) === JSON.stringify(to)) return null;
        return (
          <li key={key}>
            {key}: {before ? <>{show(from)} → </> : null}
            {after ? show(to) : <span className="text-zinc-500">(removed)</span>}
          </li>
        );
      })}
    </ul>
  );
}

const input = 'mt-1 rounded-md border border-zinc-300 px-2 py-1.5 text-sm';

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaffPage('admin', '/admin/audit-log');
  const filter = auditLogFilterSchema.parse(await searchParams);
  const [result, facets] = await Promise.all([listAuditEntries(filter), listAuditFacets()]);
  const filtered = Boolean(filter.actor || filter.action || filter.entityType || filter.from || filter.to);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">Audit log</h1>
      <form role="search" aria-label="Filter the audit log" className="flex flex-wrap items-end gap-3 text-sm">
        <div>
          <label htmlFor="audit-actor" className="block font-medium">Actor email</label>
          <input id="audit-actor" name="actor" type="search" defaultValue={filter.actor} className={input} />
        </div>
        <div>
          <label htmlFor="audit-action" className="block font-medium">Action</label>
          <select id="audit-action" name="action" defaultValue={filter.action ?? ''} className={input}>
            <option value="">Any</option>
            {facets.actions.map((action) => (
              <option key={action} value={action}>{action}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-entity" className="block font-medium">Entity type</label>
          <select id="audit-entity" name="entityType" defaultValue={filter.entityType ?? ''} className={input}>
            <option value="">Any</option>
            {facets.entityTypes.map((type) => (
              <option key={type} value={type}>{type}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-from" className="block font-medium">From (UTC)</label>
          <input id="audit-from" name="from" type="date" defaultValue={filter.from} className={input} />
        </div>
        <div>
          <label htmlFor="audit-to" className="block font-medium">To (UTC)</label>
          <input id="audit-to" name="to" type="date" defaultValue={filter.to} className={input} />
        </div>
        <button type="submit" className="rounded-md border border-zinc-300 px-3 py-1.5 font-medium hover:bg-zinc-50">
          Filter
        </button>
      </form>
      {result.items.length === 0 ? (
        <EmptyState>{filtered ? 'No entries match these filters.' : 'Nothing has been recorded yet.'}</EmptyState>
      ) : (
        <table className="w-full bg-white text-sm">
          <caption className="sr-only">Audit entries, newest first ({result.total} in all)</caption>
          <thead>
            <tr className="border-b border-zinc-200 text-left">
              <th scope="col" className="p-2">When</th>
              <th scope="col" className="p-2">Who</th>
              <th scope="col" className="p-2">Action</th>
              <th scope="col" className="p-2">Entity</th>
              <th scope="col" className="p-2">Before → after</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((entry) => (
              <tr key={entry.id} className="border-b border-zinc-100 align-top">
                <td className="p-2 whitespace-nowrap">{formatDateTime(entry.createdAt)}</td>
                <td className="p-2">{entry.actorEmail ?? '—'}</td>
                <td className="p-2 font-mono text-xs">{entry.action}</td>
                <td className="p-2">
                  {entry.entityType}
                  {entry.entityId ? <span className="block font-mono text-xs text-zinc-500">{entry.entityId}</span> : null}
                </td>
                <td className="p-2">
                  <Changes before={entry.before} after={entry.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager
        basePath="/admin/audit-log"
        params={{ actor: filter.actor, action: filter.action, entityType: filter.entityType, from: filter.from, to: filter.to }}
        page={result.page}
        pageCount={result.pageCount}
        label="Audit log pages"
      />
    </div>
  );
}
