// The headers every response carries, pages and files alike: next.config.js sets them on each path
// Next answers, and the server around Next on the lesson pages it answers itself from the page cache
// (lib/lesson-fast-path.ts, docs/decisions/0049). Plain JavaScript so next.config.js can import it.
// The Content-Security-Policy is not here: it needs a fresh nonce per response (proxy.ts).

/** @type {{ key: string; value: string }[]} */
export const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
];
