import { z } from 'zod';
import { AppError } from '@/lib/errors';

/** ?page=N from a search param: a positive integer, anything else is page 1. */
export const pageParamSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

export type Page<T> = { items: T[]; page: number; pageCount: number; total: number };

export function pageCountOf(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

// Cursor pagination for the Admin API. A cursor is opaque to clients: the sort key of the last item of a page
// (its creation time and id, so items created meanwhile neither shift nor repeat pages), base64url-encoded.

export const CURSOR_LIMIT_DEFAULT = 50;
export const CURSOR_LIMIT_MAX = 100;

export const cursorQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(CURSOR_LIMIT_MAX).default(CURSOR_LIMIT_DEFAULT),
  cursor: z.string().max(200).optional(),
});

export type CursorPage<T> = { data: T[]; nextCursor: string | null };

export type CursorPosition = { at: Date; id: string };

export function encodeCursor(position: { at: Date | string; id: string }): string {
  const at = typeof position.at === 'string' ? position.at : position.at.toISOString();
  return Buffer.from(JSON.stringify([at, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorPosition | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    if (Number.isNaN(date.getTime()) || typeof id !== 'string' || !z.uuid().safeParse(id).success) throw new Error('bad cursor');
    return { at: date, id };
  } catch {
    throw new AppError('bad_request', 'The cursor is not one this API gave out.');
  }
}

/** Builds a page from `limit + 1` rows fetched in order: the extra row only says there is a next page. */
export function pageOf<T>(rows: T[], limit: number, position: (item: T) => { at: Date | string; id: string }): CursorPage<T> {
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return { data, nextCursor: rows.length > limit && last ? encodeCursor(position(last)) : null };
}
