import { CreateSynonymGroupForm, SynonymGroupRow } from '@/components/admin/catalog/synonym-forms';
import { requireStaffPage } from '@/lib/admin/guard';
import { listSynonymGroups } from '@/lib/catalog/synonyms/queries';

export const metadata = { title: 'Search synonyms' };

export default async function AdminSearchPage() {
  await requireStaffPage('staff', '/admin/search');
  const groups = await listSynonymGroups();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold tracking-tight">Search synonyms</h1>
      <section aria-labelledby="groups-heading" className="rounded-md border border-zinc-200 bg-white p-4">
        <h2 id="groups-heading" className="mb-2 text-lg font-semibold">Synonym groups</h2>
        <p className="mb-3 text-sm text-zinc-600">
          A search for any term of a group also finds what the other terms find: with “sneakers, trainers, running
          shoes”, shoppers who type “trainers” or “running shoes” see the Sneakers. A term of up to three words is
          matched as a phrase. Plurals and British or American spellings are matched already.
        </p>
        {groups.length === 0 ? (
          <p className="text-sm text-zinc-600">No synonyms yet: add the first group below.</p>
        ) : (
          <ul>
            {groups.map((group) => (
              <SynonymGroupRow key={group.id} group={{ id: group.id, terms: group.terms }} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-heading" className="rounded-md border border-zinc-200 bg-white p-4">
        <h2 id="new-heading" className="mb-2 text-lg font-semibold">New group</h2>
        <CreateSynonymGroupForm />
      </section>
    </div>
  );
}
