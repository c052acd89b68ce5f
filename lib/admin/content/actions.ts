'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { actorOf } from '@/lib/admin/actor';
import { adminAction } from '@/lib/auth/guards';
import { invalidateContent } from '@/lib/store/content/cache';
import { contentPageIdSchema, contentPageSchema, homePageSchema, menuItemIdSchema, menuItemMoveSchema, menuItemSchema, noInputSchema } from '@/lib/store/content/schemas';
import { addMenuItem, deleteContentPage, deleteMenuItem, installStandardPages, moveMenuItem, saveContentPage, saveHomePage } from '@/lib/store/content/service';
import { db } from '@/db/client';

// The online store's content (admins): pages, menus, the home page. After each commit the content cache and every
// cached storefront page are purged (the footer menu is on all of them), so shoppers see the edit at once.

function purgeAndRefresh() {
  invalidateContent();
  revalidatePath('/admin/pages');
  revalidatePath('/admin/menus');
}

export const saveContentPageAction = adminAction(contentPageSchema, async (input, ctx) => {
  const saved = await saveContentPage(actorOf(ctx), input);
  purgeAndRefresh();
  revalidatePath(`/admin/pages/${saved.id}`);
  // A new page continues in its own editor.
  if (!input.id) redirect(`/admin/pages/${saved.id}?created=1`);
  return { slug: saved.slug };
}, { successMessage: 'Page saved. The storefront shows it now.' });

export const deleteContentPageAction = adminAction(contentPageIdSchema, async (input, ctx) => {
  await deleteContentPage(actorOf(ctx), input.id);
  purgeAndRefresh();
  redirect('/admin/pages?deleted=1');
});

export const installStandardPagesAction = adminAction(noInputSchema, async (_input, ctx) => {
  const added = await installStandardPages(db, actorOf(ctx));
  purgeAndRefresh();
  return { added };
}, { successMessage: ({ added }) => (added === 0 ? 'The standard pages are all here already.' : `Added ${added} page${added === 1 ? '' : 's'}: edit them to fit your shop.`) });

export const addMenuItemAction = adminAction(menuItemSchema, async (input, ctx) => {
  const id = await addMenuItem(actorOf(ctx), input);
  purgeAndRefresh();
  return id;
}, { successMessage: 'Added.' });

export const moveMenuItemAction = adminAction(menuItemMoveSchema, async (input, ctx) => {
  await moveMenuItem(actorOf(ctx), input.id, input.direction);
  purgeAndRefresh();
  return null;
}, { successMessage: 'Moved.' });

export const deleteMenuItemAction = adminAction(menuItemIdSchema, async (input, ctx) => {
  await deleteMenuItem(actorOf(ctx), input.id);
  purgeAndRefresh();
  return null;
}, { successMessage: 'Removed.' });

export const saveHomePageAction = adminAction(homePageSchema, async (input, ctx) => {
  await saveHomePage(actorOf(ctx), input);
  purgeAndRefresh();
  revalidatePath('/admin/home');
  return null;
}, { successMessage: 'Home page saved. The storefront shows it now.' });
