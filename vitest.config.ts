import { defineConfig } from "vitest/config";
import path from "node:path";

// Two projects: fast pure unit tests, and integration tests that talk to real databases.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The marker package throws outside Next's server bundles; tests run server code directly.
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "i18n/**/*.test.ts"],
          exclude: ["**/node_modules/**", "lib/generated/**"],
          // Some unit tests build the whole seed bank (a few seconds on a loaded 2-core machine). Speed
          // is measured by the bench scripts; a timeout here only catches a test that hangs.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup-file.ts"],
          // One database per run, shared by every file (so each file uses lesson slugs and emails of its
          // own); files run one at a time to keep the machine's 2 cores free.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
