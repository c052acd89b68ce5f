'use client';

import { ErrorMessage } from '@/components/layout/error-message';

export default function ErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorMessage {...props} />;
}
