'use server';

import { refresh } from 'next/cache';
import { staffAction } from '@/lib/auth/guards';
import { deleteViewSchema, saveViewSchema } from './schemas';
import { deleteView, saveView } from './service';

// Saved views belong to the signed-in staff member: the owner is the session's user, never a submitted field.

export const saveViewAction = staffAction(
  saveViewSchema,
  async (input, ctx) => {
    const view = await saveView(ctx.user.id, input);
    refresh();
    return view;
  },
  { successMessage: (view) => `View “${view.name}” saved.` },
);

export const deleteViewAction = staffAction(
  deleteViewSchema,
  async (input, ctx) => {
    await deleteView(ctx.user.id, input.id);
    refresh();
    return null;
  },
  { successMessage: 'View deleted.' },
);
