'use server';

import { revalidatePath } from 'next/cache';
import { adminAction } from '@/lib/auth/guards';
import { emailMessageIdSchema } from '@/lib/email/schemas';
import { resendEmail } from '@/lib/email/service';
import { actorOf } from '@/lib/admin/actor';

// The Emails screen's one write: a message sent again, as a new message (the admin-writes budget applies, as to
// every admin write; the resend is audited by the service).

export const resendEmailAction = adminAction(emailMessageIdSchema, async (input, ctx) => {
  const copy = await resendEmail(actorOf(ctx), input.id);
  revalidatePath('/admin/emails');
  return copy;
});
