import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { EmptyState } from '@/components/admin/people/pager';
import { addGroupMemberAction, removeGroupMemberAction, saveCustomerGroupAction } from '@/lib/admin/promotions/actions';
import { requireStaffPage } from '@/lib/admin/guard';
import { listCustomerGroups, listGroupMembers } from '@/lib/promotions/queries';

export const metadata = { title: 'Customer groups' };

export default async function CustomerGroupsPage() {
  await requireStaffPage('admin', '/admin/customer-groups');
  const groups = await listCustomerGroups();
  const members = await Promise.all(groups.map((group) => listGroupMembers(group.id)));
  return (
    <div className="max-w-3xl space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight">Customer groups</h1>
        <p className="text-sm text-zinc-600">
          A <Link href="/admin/promotions" className="underline">promotion</Link> can be kept for the members of a group (they must be signed in to get it).
        </p>
      </div>
      <section aria-labelledby="new-group-heading" className="rounded-lg border border-zinc-200 bg-white p-5">
        <h2 id="new-group-heading" className="mb-3 text-lg font-semibold">
          New group
        </h2>
        <ActionForm action={saveCustomerGroupAction} label="New customer group" idPrefix="new-group" fields={[{ name: 'name', label: 'Name' }]} submitLabel="Create group" pendingLabel="Creating…" layout="inline" />
      </section>
      {groups.length === 0 ? <EmptyState>No customer groups yet.</EmptyState> : null}
      {groups.map((group, i) => (
        <section key={group.id} aria-labelledby={`group-${group.id}`} className="space-y-3 rounded-lg border border-zinc-200 bg-white p-5">
          <h2 id={`group-${group.id}`} className="text-lg font-semibold wrap-anywhere">
            {group.name} <span className="text-sm font-normal text-zinc-600">({group.memberCount} {group.memberCount === 1 ? 'customer' : 'customers'})</span>
          </h2>
          <ActionForm
            action={addGroupMemberAction}
            label={`Add a customer to ${group.name}`}
            idPrefix={`add-${group.id}`}
            fields={[
              { name: 'groupId', label: '', type: 'hidden', defaultValue: group.id },
              { name: 'emails', label: 'Customer emails', hint: 'One or more, separated by commas or spaces: a column pasted from a CSV file works.' },
            ]}
            submitLabel="Add customers"
            pendingLabel="Adding…"
          />
          {members[i]!.length > 0 ? (
            <ul aria-label={`Members of ${group.name}`} className="divide-y divide-zinc-100 text-sm">
              {members[i]!.map((member) => (
                <li key={member.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span className="min-w-0 wrap-anywhere">
                    {member.email}
                    {member.name ? <span className="text-zinc-600"> ({member.name})</span> : null}
                  </span>
                  <ActionForm
                    action={removeGroupMemberAction}
                    label={`Remove ${member.email} from ${group.name}`}
                    idPrefix={`remove-${group.id}-${member.userId}`}
                    fields={[
                      { name: 'groupId', label: '', type: 'hidden', defaultValue: group.id },
                      { name: 'userId', label: '', type: 'hidden', defaultValue: member.userId },
                    ]}
                    submitLabel="Remove"
                    pendingLabel="Removing…"
                    variant="secondary"
                    layout="inline"
                  />
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-zinc-600">No customers in this group yet.</p>
          )}
        </section>
      ))}
    </div>
  );
}
