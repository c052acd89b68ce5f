/** The outcome of a form submission, announced to screen readers. */
export function FormMessage({ status, message, id }: { status: 'success' | 'error'; message: string; id?: string }) {
  return (
    <p
      id={id}
      role={status === 'error' ? 'alert' : 'status'}
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
