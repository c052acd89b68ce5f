import Link from 'next/link';

/** A settings section's heading with the way back to the settings index. */
export function SettingsHeader({ title, intro }: { title: string; intro?: string }) {
  return (
    <header className="space-y-2">
      <p className="text-sm">
        <Link href="/admin/settings" className="text-zinc-600 underline">
          Settings
        </Link>
      </p>
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      {intro ? <p className="max-w-2xl text-sm text-zinc-600">{intro}</p> : null}
    </header>
  );
}
