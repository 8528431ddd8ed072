// Not server-only: the server around Next reads the session cookie too (lib/lesson-fast-path.ts).

/**
 * Whether the site is served over https, from NEXTAUTH_URL (the public address; `npm start` sets
 * it to http://localhost:PORT only when it is not given). Then session cookies get the Secure flag
 * and the __Secure- name, and only that name is read back, so a cookie planted over plain http
 * cannot stand in for it.
 */
export function servedOverHttps(env: { NEXTAUTH_URL?: string } = process.env): boolean {
  return (env.NEXTAUTH_URL ?? "").trim().toLowerCase().startsWith("https://");
}

export function sessionCookieName(env: { NEXTAUTH_URL?: string } = process.env): string {
  return servedOverHttps(env) ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}
