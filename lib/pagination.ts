import { z } from 'zod';

/** ?page=N from a search param: a positive integer, anything else is page 1. */
export const pageParamSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

export type Page<T> = { items: T[]; page: number; pageCount: number; total: number };

export function pageCountOf(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}
