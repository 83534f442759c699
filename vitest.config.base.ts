import { defineConfig } from "vitest/config";

/** Shared test settings: every project extends this one (see each project's vitest.config.ts). */
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
