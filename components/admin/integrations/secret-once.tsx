/** A secret shown once, right after it was made: selectable, labelled, with the warning that it will not be shown again. */
export function SecretOnce({ id, label, secret }: { id: string; label: string; secret: string }) {
  return (
    <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3">
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <input
        id={id}
        readOnly
        value={secret}
        aria-describedby={`${id}-hint`}
        className="mt-1 w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-sm"
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-700">
        Copy it now: it is shown only this once. The store keeps no readable copy.
      </p>
    </div>
  );
}
