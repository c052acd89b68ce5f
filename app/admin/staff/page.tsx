import { ScrollRegion } from '@/components/ui/scroll-region';
import { ActionForm } from '@/components/ui/action-form';
import { EmptyState, formatDateTime } from '@/components/admin/people/pager';
import { requireStaffPage } from '@/lib/admin/guard';
import { changeStaffRoleAction, createStaffAction, setStaffStatusAction } from '@/lib/admin/staff/actions';
import { listStaff } from '@/lib/auth/staff/service';

export const metadata = { title: 'Staff' };

export default async function StaffPage() {
  const me = await requireStaffPage('admin', '/admin/staff');
  const staff = await listStaff();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold tracking-tight">Staff</h1>
      <section aria-labelledby="staff-list-heading">
        <h2 id="staff-list-heading" className="mb-2 text-lg font-semibold">
          Team
        </h2>
        {staff.length === 0 ? (
          <EmptyState>No staff accounts yet.</EmptyState>
        ) : (
          <ScrollRegion label="Staff accounts, table">
            <table className="w-full bg-white text-sm">
              <thead>
                <tr className="border-b border-zinc-200 text-left">
                  <th scope="col" className="p-2">Person</th>
                  <th scope="col" className="p-2">Status</th>
                  <th scope="col" className="p-2">Two-factor</th>
                  <th scope="col" className="p-2">Last sign-in</th>
                  <th scope="col" className="p-2">Role</th>
                  <th scope="col" className="p-2">Access</th>
                </tr>
              </thead>
              <tbody>
                {staff.map((member, index) => (
                  <tr key={member.id} className="border-b border-zinc-100 align-top">
                    <th scope="row" className="p-2 text-left font-normal">
                      <span className="font-medium">{member.name || member.email}</span>
                      <br />
                      {member.email}
                      {member.id === me.id ? <span className="text-zinc-500"> (you)</span> : null}
                    </th>
                    <td className="p-2 capitalize">{member.status}</td>
                    <td className="p-2">{member.twoFactor ? 'On' : 'Off'}</td>
                    <td className="p-2">{formatDateTime(member.lastSignInAt)}</td>
                    <td className="p-2">
                      <ActionForm
                        action={changeStaffRoleAction}
                        label={`Role of ${member.email}`}
                        idPrefix={`role-${index}`}
                        layout="inline"
                        variant="secondary"
                        fields={[
                          { name: 'id', label: '', type: 'hidden', defaultValue: member.id },
                          {
                            name: 'role',
                            label: 'Role',
                            type: 'select',
                            defaultValue: member.role,
                            options: [
                              { value: 'staff', label: 'Staff' },
                              { value: 'admin', label: 'Admin' },
                              { value: 'customer', label: 'Not staff (customer)' },
                            ],
                          },
                        ]}
                        submitLabel="Change role"
                        pendingLabel="Saving…"
                        successMessage="Role changed."
                      />
                    </td>
                    <td className="p-2">
                      <ActionForm
                        action={setStaffStatusAction}
                        label={`Access of ${member.email}`}
                        idPrefix={`status-${index}`}
                        variant="secondary"
                        fields={[
                          { name: 'id', label: '', type: 'hidden', defaultValue: member.id },
                          { name: 'status', label: '', type: 'hidden', defaultValue: member.status === 'active' ? 'disabled' : 'active' },
                        ]}
                        submitLabel={member.status === 'active' ? 'Disable' : 'Enable'}
                        pendingLabel="Saving…"
                        successMessage={member.status === 'active' ? 'Disabled; their sessions have ended.' : 'Enabled.'}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
      <section aria-labelledby="staff-create-heading" className="rounded-lg border border-zinc-200 bg-white p-5">
        <h2 id="staff-create-heading" className="mb-3 text-lg font-semibold">
          Add a staff member
        </h2>
        <ActionForm
          action={createStaffAction}
          label="Add a staff member"
          idPrefix="new-staff"
          fields={[
            { name: 'email', label: 'Email', type: 'email', autoComplete: 'off' },
            { name: 'name', label: 'Name', autoComplete: 'off' },
            {
              name: 'role',
              label: 'Role',
              type: 'select',
              defaultValue: 'staff',
              options: [
                { value: 'staff', label: 'Staff' },
                { value: 'admin', label: 'Admin' },
              ],
            },
            {
              name: 'password',
              label: 'Initial password',
              type: 'password',
              autoComplete: 'new-password',
              required: false,
              hint: 'Leave empty to email them a link to choose their own password. Weak or common passwords are refused.',
            },
          ]}
          submitLabel="Add staff member"
          pendingLabel="Adding…"
          successMessage="Staff member added."
        />
      </section>
    </div>
  );
}
