import { NotFoundMessage } from '@/components/layout/not-found-message';

export default function AdminNotFound() {
  return <NotFoundMessage homeHref="/admin" homeLabel="Back to the dashboard" />;
}
