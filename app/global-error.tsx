'use client';

// Replaces the root layout when the layout itself fails (e.g. the database is down), so it carries its own shell.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', display: 'grid', placeItems: 'center', minHeight: '100vh', margin: 0 }}>
        <main role="alert" style={{ maxWidth: 420, textAlign: 'center', padding: 24 }}>
          <h1 style={{ fontSize: 28 }}>The shop is temporarily unavailable</h1>
          <p style={{ color: '#52525b' }}>Please try again in a moment.</p>
          {error.digest ? <p style={{ color: '#71717a', fontSize: 12 }}>Reference: {error.digest}</p> : null}
          <button type="button" onClick={reset} style={{ marginTop: 16, padding: '8px 16px', cursor: 'pointer' }}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
