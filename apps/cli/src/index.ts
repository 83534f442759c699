export { main, USAGE } from "./main.ts";
export type { Io } from "./io.ts";
export { loadPlatform } from "./load-platform.ts";
