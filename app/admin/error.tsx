'use client';

import { ErrorMessage } from '@/components/layout/error-message';

export default function AdminErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorMessage {...props} homeHref="/admin" homeLabel="Back to the dashboard" />;
}
