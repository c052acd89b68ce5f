import 'server-only';
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { env } from '@/lib/env';
import { authSecret } from './secret';
import { signInSchema } from './schemas';
import { authenticateCredentials } from './service';

// next-auth v5 with email + password only. Sessions are JWTs carrying the user id and the user's sessionVersion;
// lib/auth/session.ts checks both against the database on every request, so ending sessions needs no token list.

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET ?? (env.NODE_ENV === 'production' ? undefined : authSecret()),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 14 * 24 * 3600 },
  useSecureCookies: env.SITE_URL.startsWith('https:'),
  pages: { signIn: '/account/sign-in' },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      authorize: async (raw) => {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await authenticateCredentials(parsed.data.email, parsed.data.password);
        if (!user) return null;
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
