/** The signed-in user as the rest of the app sees it: no hash, no secrets. */
export type SessionUser = { id: string; email: string; name: string; role: 'customer' | 'staff' | 'admin' };
