/**
 * A message's two parts as its reader would get them. The HTML runs in a sandboxed frame (sandbox="": no script,
 * no forms, no navigating this page, its own opaque origin), from srcdoc, so nothing is fetched for it and the
 * panel's CSP still governs it; the plain-text part is shown as text.
 */
export function EmailParts({ label, html, text }: { label: string; html: string | null; text: string }) {
  return (
    <>
      <section aria-labelledby="html-heading" className="space-y-2">
        <h2 id="html-heading" className="text-lg font-semibold">
          HTML
        </h2>
        {html ? (
          <iframe title={`${label}: HTML part`} srcDoc={html} sandbox="" className="h-[720px] w-full rounded-md border border-zinc-200 bg-white" />
        ) : (
          <p className="text-sm text-zinc-600">This message has no HTML part.</p>
        )}
      </section>
      <section aria-labelledby="text-heading" className="space-y-2">
        <h2 id="text-heading" className="text-lg font-semibold">
          Plain text
        </h2>
        <pre className="overflow-x-auto rounded-md border border-zinc-200 bg-white p-4 text-xs whitespace-pre-wrap [overflow-wrap:anywhere]" data-testid="email-text">
          {text}
        </pre>
      </section>
    </>
  );
}
