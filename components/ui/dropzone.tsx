'use client';

import { type DragEvent, useId, useRef, useState } from 'react';

type DropzoneProps = {
  /** What the zone is for, e.g. "Add images": names the zone and its file input. */
  label: string;
  /** Accepted types, as for <input accept>, e.g. "image/jpeg,image/png". Files of other types are handed over all the same (the server decides). */
  accept?: string;
  multiple?: boolean;
  hint?: string;
  disabled?: boolean;
  onFiles: (files: File[]) => void;
};

/**
 * Files dropped on the zone or chosen with its "Choose files" button (a real button, so the keyboard and screen
 * readers have the same way in as the mouse). The input it opens stays in the page, labelled, so automation and
 * assistive tools can set files on it directly.
 */
export function Dropzone({ label, accept, multiple = true, hint, disabled = false, onFiles }: DropzoneProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const id = useId();
  // dragenter/dragleave fire for every child crossed: count them, so the highlight ends only when the pointer leaves.
  const depth = useRef(0);

  const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
  const hand = (list: FileList | null | undefined) => {
    const files = Array.from(list ?? []);
    if (files.length > 0 && !disabled) onFiles(multiple ? files : files.slice(0, 1));
  };

  return (
    <div
      role="group"
      aria-labelledby={`${id}-label`}
      aria-describedby={hint ? `${id}-hint` : undefined}
      data-dragging={over || undefined}
      onDragEnter={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        depth.current += 1;
        setOver(true);
      }}
      onDragOver={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        depth.current = 0;
        setOver(false);
        hand(event.dataTransfer?.files);
      }}
      className={`flex flex-col items-center gap-2 rounded-lg border-2 border-dashed px-4 py-6 text-center transition-colors ${
        over ? 'border-brand-600 bg-brand-50' : 'border-zinc-300 bg-zinc-50'
      } ${disabled ? 'opacity-60' : ''}`}
    >
      <p id={`${id}-label`} className="text-sm font-medium text-zinc-900">
        {label}
      </p>
      <p className="text-sm text-zinc-600">{over ? 'Drop to upload' : multiple ? 'Drag files here, or' : 'Drag a file here, or'}</p>
      <button
        type="button"
        disabled={disabled}
        onClick={() => input.current?.click()}
        className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:opacity-60"
      >
        Choose files
      </button>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-600">
          {hint}
        </p>
      ) : null}
      <input
        ref={input}
        type="file"
        accept={accept}
        multiple={multiple}
        aria-label={`Choose files to ${label.charAt(0).toLowerCase()}${label.slice(1)}`}
        tabIndex={-1}
        disabled={disabled}
        className="sr-only"
        onChange={(event) => {
          hand(event.target.files);
          // The same file chosen again is a new choice.
          event.target.value = '';
        }}
      />
    </div>
  );
}
