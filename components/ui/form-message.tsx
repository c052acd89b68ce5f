/**
 * The outcome of a form submission, announced to screen readers. `announce={false}` keeps the line (and its role) but
 * not the announcement, for when a toast already says the same.
 */
export function FormMessage({ status, message, id, announce = true }: { status: 'success' | 'error'; message: string; id?: string; announce?: boolean }) {
  return (
    <p
      id={id}
      role={status === 'error' ? 'alert' : 'status'}
      aria-live={announce ? undefined : 'off'}
      className={status === 'error' ? 'text-sm text-red-700' : 'text-sm text-green-800'}
    >
      {message}
    </p>
  );
}

/** Field errors under an input; the input points at this id with aria-describedby. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors || errors.length === 0) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {errors.join(' ')}
    </p>
  );
}
