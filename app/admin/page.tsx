import { requireStaffPage } from '@/lib/admin/guard';

export const metadata = { title: 'Dashboard' };

export default async function AdminDashboardPage() {
  await requireStaffPage('staff', '/admin');
  return <h1 className="text-2xl font-bold tracking-tight">Dashboard</h1>;
}
