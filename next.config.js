/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and Wasm-backed server packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "@prisma/client", "pg"],
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
};
export default nextConfig;
