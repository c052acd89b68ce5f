'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { SessionUser } from '@/lib/auth/session-types';
import { adminAction, type ActionContext } from '@/lib/http/action';
import { invalidateContent } from '@/lib/store/content/cache';
import { contentPageIdSchema, contentPageSchema, homePageSchema, menuItemIdSchema, menuItemMoveSchema, menuItemSchema, noInputSchema } from '@/lib/store/content/schemas';
import { addMenuItem, deleteContentPage, deleteMenuItem, installStandardPages, moveMenuItem, saveContentPage, saveHomePage } from '@/lib/store/content/service';
import { db } from '@/db/client';

// The online store's content (admins): pages, menus, the home page. After each commit the content cache and every
// cached storefront page are purged (the footer menu is on all of them), so shoppers see the edit at once.

function actor(ctx: ActionContext<SessionUser>) {
  return { user: ctx.user, requestId: ctx.requestId, ip: ctx.ip };
}

function refresh() {
  invalidateContent();
  revalidatePath('/admin/pages');
  revalidatePath('/admin/menus');
}

export const saveContentPageAction = adminAction(contentPageSchema, async (input, ctx) => {
  const saved = await saveContentPage(actor(ctx), input);
  refresh();
  revalidatePath(`/admin/pages/${saved.id}`);
  // A new page continues in its own editor.
  if (!input.id) redirect(`/admin/pages/${saved.id}?created=1`);
  return { slug: saved.slug };
});

export const deleteContentPageAction = adminAction(contentPageIdSchema, async (input, ctx) => {
  await deleteContentPage(actor(ctx), input.id);
  refresh();
  redirect('/admin/pages?deleted=1');
});

export const installStandardPagesAction = adminAction(noInputSchema, async (_input, ctx) => {
  const added = await installStandardPages(db, actor(ctx));
  refresh();
  return { added };
});

export const addMenuItemAction = adminAction(menuItemSchema, async (input, ctx) => {
  const id = await addMenuItem(actor(ctx), input);
  refresh();
  return id;
});

export const moveMenuItemAction = adminAction(menuItemMoveSchema, async (input, ctx) => {
  await moveMenuItem(actor(ctx), input.id, input.direction);
  refresh();
  return null;
});

export const deleteMenuItemAction = adminAction(menuItemIdSchema, async (input, ctx) => {
  await deleteMenuItem(actor(ctx), input.id);
  refresh();
  return null;
});

export const saveHomePageAction = adminAction(homePageSchema, async (input, ctx) => {
  await saveHomePage(actor(ctx), input);
  refresh();
  revalidatePath('/admin/home');
  return null;
});
