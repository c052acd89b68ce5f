'use client';

import { useRef, useState } from 'react';

// Mirrors lib/storage/image-upload.ts (a client component cannot import its sharp pipeline); the server checks again.
const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
const ACCEPTED_TYPES = 'image/jpeg,image/png,image/webp,image/avif,image/gif';

type Props = {
  id: string;
  /** The form field that carries the image's path when the surrounding form is saved. */
  name: string;
  label: string;
  purpose: 'logo' | 'hero';
  value: string;
  onChange: (url: string) => void;
  hint: string;
  /** What the preview shows, for the alt text of the thumbnail. */
  previewAlt: string;
  previewClassName?: string;
};

type ErrorBody = { error?: { message?: string; fieldErrors?: Record<string, string[]> } } | null;

/**
 * An image the merchant uploads into a form (the logo, the hero): picked, uploaded at once to the store's media, and
 * previewed; replaced by picking another, or removed. The file itself never travels with the form — only the path of
 * the stored image does — so a refused file leaves every other field as it was, and the form saves as before.
 */
export function ImageUploadField({ id, name, label, purpose, value, onChange, hint, previewAlt, previewClassName = 'max-h-24 w-auto' }: Props) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  async function upload(file: File) {
    setError(null);
    setStatus(null);
    const done = () => {
      if (fileRef.current) fileRef.current.value = '';
    };
    if (file.size > MAX_UPLOAD_BYTES) {
      setError(`That file is ${(file.size / 1024 / 1024).toFixed(1)} MB: images may be at most 8 MB.`);
      done();
      return;
    }
    setUploading(true);
    try {
      const body = new FormData();
      body.append('purpose', purpose);
      body.append('file', file);
      const response = await fetch('/api/admin/store-images', { method: 'POST', body });
      const answer = (await response.json().catch(() => null)) as (ErrorBody & { url?: string }) | null;
      if (!response.ok || !answer?.url) {
        setError(answer?.error?.message ?? 'The upload failed. Please try again.');
        return;
      }
      onChange(answer.url);
      setStatus('Uploaded. Save to show it on the store.');
    } catch {
      setError('The upload failed: check your connection and try again.');
    } finally {
      setUploading(false);
      done();
    }
  }

  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div>
      <input type="hidden" name={name} value={value} />
      <label htmlFor={id} className="block text-sm font-medium">
        {label} <span className="font-normal text-zinc-500">(optional)</span>
      </label>
      <div className="mt-1 flex flex-wrap items-center gap-3">
        {value ? (
          // eslint-disable-next-line @next/next/no-img-element -- a preview of the stored file, as the storefront shows it
          <img src={value} alt={previewAlt} className={`rounded border border-zinc-200 bg-zinc-50 object-contain ${previewClassName}`} data-testid={`${id}-preview`} />
        ) : (
          <p className="text-sm text-zinc-600">No image yet.</p>
        )}
        {value ? (
          <button
            type="button"
            onClick={() => {
              onChange('');
              setError(null);
              setStatus('Removed. Save to take it off the store.');
            }}
            className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50"
          >
            Remove {label.toLowerCase()}
          </button>
        ) : null}
      </div>
      <input
        ref={fileRef}
        id={id}
        type="file"
        accept={ACCEPTED_TYPES}
        disabled={uploading}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void upload(file);
        }}
        className="mt-2 block max-w-full text-sm file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium"
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-600">
        {hint} JPEG, PNG, WebP, AVIF or GIF, up to 8 MB{value ? '; pick another file to replace it' : ''}.
      </p>
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <p aria-live="polite" className="mt-1 text-sm text-zinc-700">
        {uploading ? 'Uploading…' : (status ?? '')}
      </p>
    </div>
  );
}
