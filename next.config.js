import createNextIntlPlugin from "next-intl/plugin";
import { SECURITY_HEADERS } from "./lib/security-headers.js";

// next-intl without i18n routing: i18n/request.ts picks each request's locale (decisions/0025).
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and Wasm-backed server packages are loaded by Node at run time, not bundled.
  serverExternalPackages: [
    "better-sqlite3",
    "@node-rs/argon2",
    "@prisma/client",
    "pg",
    // The document pipeline (instructors' uploads, lib/quizgen): a native tokenizer and the readers.
    "@node-rs/jieba",
    "compromise",
    "@microsoft/recognizers-text-suite",
    "mammoth",
    "unpdf",
    // The FSRS optimizer (lib/review/fsrs-binding.ts), a native addon.
    "@open-spaced-repetition/binding-linux-x64-gnu",
  ],
  poweredByHeader: false,
  // Every page's <title> in the first bytes, not streamed in after the body: a screen reader (and
  // axe) meets a page that already has its name (decisions/0044).
  htmlLimitedBots: /.*/,
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: {
    authInterrupts: true,
    // Document uploads (app/instructor/documents): 10 MB per file (MAX_UPLOAD_FILE_BYTES) plus the form's fields.
    serverActions: { bodySizeLimit: "11mb" },
  },
  // On every response, pages and files alike (lib/security-headers.js, which the server around Next
  // also sends with the lesson pages it answers itself). The Content-Security-Policy needs a fresh
  // nonce per request, so proxy.ts sets it.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: SECURITY_HEADERS,
      },
    ];
  },
};
export default withNextIntl(nextConfig);
