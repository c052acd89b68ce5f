import { NotFoundMessage } from '@/components/layout/not-found-message';

export const metadata = { title: 'Page not found' };

export default function NotFound() {
  return <NotFoundMessage />;
}
