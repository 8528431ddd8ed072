/**
 * The Content-Security-Policy for one response (proxy.ts makes a fresh nonce per request; Next puts
 * it on its own scripts when it finds it in the request's CSP header). Scripts run only with the
 * nonce, or when loaded by a script that has it ('strict-dynamic'). Styles allow 'unsafe-inline'
 * because React `style={…}` attributes cannot carry a nonce; CSS cannot run code. In development
 * React needs eval for its debugging aids, and nothing else changes.
 */
export function contentSecurityPolicy(nonce: string, { dev = false }: { dev?: boolean } = {}): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "blob:", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** 128 random bits, base64: a nonce an attacker cannot guess for the page they are injecting into. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
