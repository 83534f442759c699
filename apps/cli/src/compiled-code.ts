/**
 * Whether this code runs compiled (the bundle in `apps/cli/dist/` that `npm ci` builds with `scripts/build.mjs`) or
 * as its TypeScript sources through a loader (tsx, vitest). A compiled module's URL ends in `.js`.
 */
export const COMPILED: boolean = import.meta.url.endsWith(".js");
