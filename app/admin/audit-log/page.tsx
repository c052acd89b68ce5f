import Link from 'next/link';
import { Suspense } from 'react';
import { AuditFilters } from '@/components/admin/audit/audit-filters';
import { EmptyState, formatDateTime, Pager } from '@/components/admin/people/pager';
import { describeAuditAction, describeAuditChanges, describeEntityType, type AuditChange } from '@/lib/audit/diff';
import { describeAuditEntities } from '@/lib/audit/entities';
import { auditLogFilterSchema } from '@/lib/audit/schemas';
import { listAuditEntries, listAuditFacets } from '@/lib/audit/queries';
import { requireStaffPage } from '@/lib/admin/guard';
import { getStoreInfo } from '@/lib/store/settings';

export const metadata = { title: 'Audit log' };

function Changes({ changes }: { changes: AuditChange[] }) {
  if (changes.length === 0) return null;
  return (
    <ul aria-label="Changes" className="mt-2 space-y-1 text-sm">
      {changes.map((change, i) => (
        <li key={i} className="break-words">
          <span className="font-medium">{change.label}</span>{' '}
          {change.from !== null && change.to !== null ? (
            <>
              <span className="text-zinc-600 line-through decoration-zinc-400">{change.from}</span> → {change.to}
            </>
          ) : change.to !== null ? (
            <>{change.to}</>
          ) : (
            <>
              <span className="text-zinc-600 line-through decoration-zinc-400">{change.from}</span> <span className="text-zinc-600">(removed)</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaffPage('admin', '/admin/audit-log');
  const filter = auditLogFilterSchema.parse(await searchParams);
  const [result, facets, store] = await Promise.all([listAuditEntries(filter), listAuditFacets(), getStoreInfo()]);
  const entities = await describeAuditEntities(result.items);
  const filtered = Boolean(filter.actor || filter.action || filter.entityType || filter.from || filter.to);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">Audit log</h1>
      <Suspense>
        <AuditFilters
          actors={facets.actors.map((email) => ({ value: email, label: email }))}
          actions={facets.actions.map((action) => ({ value: action, label: describeAuditAction(action) }))}
          entityTypes={facets.entityTypes.map((type) => ({ value: type, label: describeEntityType(type) }))}
        />
      </Suspense>
      {result.items.length === 0 ? (
        <EmptyState>{filtered ? 'No entries match these filters.' : 'Nothing has been recorded yet.'}</EmptyState>
      ) : (
        <>
          <p className="text-sm text-zinc-600">
            {result.total} {result.total === 1 ? 'entry' : 'entries'}, newest first
          </p>
          <ol aria-label="Audit entries" className="divide-y divide-zinc-100 rounded-md border border-zinc-200 bg-white">
            {result.items.map((entry) => {
              const entity = entities.get(`${entry.entityType}:${entry.entityId}`)!;
              const changes = describeAuditChanges(entry.before, entry.after, store.currency);
              const name = entity.name ?? (entry.entityId ? `${entry.entityId.slice(0, 8)}… (no longer exists)` : null);
              return (
                <li key={entry.id} className="p-3">
                  <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
                    <span className="font-semibold">{describeAuditAction(entry.action)}</span>
                    <span className="text-sm">
                      {entity.typeLabel}
                      {name ? ' ' : null}
                      {name && entity.href ? (
                        <Link href={entity.href} className="font-medium break-all underline">
                          {name}
                        </Link>
                      ) : (
                        <span className="break-all">{name}</span>
                      )}
                    </span>
                  </div>
                  <p className="mt-0.5 text-xs text-zinc-600">
                    <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time> · <span className="break-all">{entry.actorEmail ?? 'unknown'}</span>
                    {entry.ip ? <> · {entry.ip}</> : null} · <code>{entry.action}</code>
                  </p>
                  <Changes changes={changes} />
                </li>
              );
            })}
          </ol>
        </>
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
