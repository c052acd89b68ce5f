// GET/POST /api/auth/* — next-auth's own endpoints (session, CSRF, callbacks).
export { GET, POST } from '@/lib/auth/handlers';
