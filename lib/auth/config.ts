import 'server-only';
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { env } from '@/lib/env';
import { authSecret } from './secret';
import { credentialsSchema } from './schemas';
import { authenticateCredentials, type AuthenticatedUser, resolveTicketUser } from './service';
import { verifySecondFactor } from './two-factor';
import { readSignInTicket } from './two-factor-crypto';

// next-auth v5 with email + password, plus a TOTP or recovery code for accounts with two-factor on: the provider
// itself refuses such an account without a valid code, so posting email + password straight to the callback
// endpoint gets no session either. The sign-in form checks the password once and carries a short-lived signed
// ticket (two-factor-crypto.ts) to the code step. Sessions are JWTs carrying the user id and the user's sessionVersion;
// lib/auth/session.ts checks both against the database on every request, so ending sessions needs no token list.

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET ?? (env.NODE_ENV === 'production' ? undefined : authSecret()),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 14 * 24 * 3600 },
  useSecureCookies: env.SITE_URL.startsWith('https:'),
  pages: { signIn: '/account/sign-in' },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' }, code: { label: 'Code' } },
      authorize: async (raw) => {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        let user: AuthenticatedUser | null;
        if ('ticket' in parsed.data) {
          const ticket = readSignInTicket(parsed.data.ticket);
          user = ticket ? await resolveTicketUser(ticket.userId, ticket.sessionVersion) : null;
        } else {
          user = await authenticateCredentials(parsed.data.email, parsed.data.password);
        }
        if (!user) return null;
        if (user.twoFactorEnabled) {
          const code = parsed.data.code;
          if (!code || !(await verifySecondFactor(user.id, code))) return null;
        }
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } as {
          id: string;
          email: string;
          name: string;
        };
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 1;
      }
      return token;
    },
    session: ({ session, token }) => {
      // Only the id and version travel; role and status are read fresh from the database per request.
      return { ...session, userId: token.sub, sessionVersion: token.sv } as typeof session;
    },
  },
});
