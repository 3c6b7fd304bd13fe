/**
 * Names shared by the server and the browser that carry no schema: the web app's first page imports this module
 * alone (no zod), see apps/web/src/api/session.ts.
 */
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'motcua_session';
/**
 * Readable by the page and worth nothing as a credential: "a session cookie was set". Without it the page knows the
 * visitor is anonymous and skips the session request (and the code that parses it) on its first load.
 */
export const SESSION_HINT_COOKIE = 'motcua_signed_in';
