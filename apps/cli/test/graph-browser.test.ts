import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { resolvePlatform } from "@cloudlab/model";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPlatform } from "../src/load-platform.ts";
import { run } from "./helpers.ts";

/** The repository root, from this file's location (apps/cli/test). */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
/** Debian's `chromium` package (CI installs it with apt-get); CHROMIUM_PATH points elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Where the page and the screenshots are left for a reviewer (git-ignored). */
const OUT = join(REPO_ROOT, "dist/mesh-graph");
/** Chromium without anything that reaches the network or a profile of the machine's. */
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const available = existsSync(CHROMIUM);
if (!available) console.warn(`graph-browser.test.ts skipped: no Chromium at ${CHROMIUM} (install Debian's chromium package, or set CHROMIUM_PATH)`);

describe.skipIf(!available)("cloudlab graph --format html in a real headless Chromium", () => {
  let context: BrowserContext;
  let profile: string;
  let page: string;
  let servicesByEnvironment: Map<string, string[]>;

  beforeAll(async () => {
    const result = await run(REPO_ROOT, ["graph", "--platform", "apps/platform", "--format", "html"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    mkdirSync(OUT, { recursive: true });
    page = join(OUT, "mesh.html");
    writeFileSync(page, result.stdout);
    const resolution = resolvePlatform(await loadPlatform("apps/platform", REPO_ROOT));
    servicesByEnvironment = new Map(resolution.models.map((m) => [m.environment.name, m.services.map((s) => `${s.tenant}/${s.name}`).sort()]));
    profile = mkdtempSync(join(tmpdir(), "cloudlab-chromium-"));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, viewport: { width: 1400, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
  });

  it("loads without console errors or any request but the page itself, and shows a box for every service of every environment", async () => {
    const tab = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    tab.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(`${message.type()}: ${message.text()}`);
    });
    tab.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    tab.on("request", (request) => requests.push(request.url()));
    const url = pathToFileURL(page).href;
    await tab.goto(url, { waitUntil: "load" });

    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await tab.locator("section[data-environment]").evaluateAll((sections) => sections.map((s) => s.getAttribute("data-environment")))).toEqual([
      ...servicesByEnvironment.keys(),
    ]);
    for (const [environment, services] of servicesByEnvironment) {
      const section = tab.locator(`section[data-environment="${environment}"]`);
      const drawn = await section.locator("svg [data-service]").evaluateAll((nodes) =>
        nodes.map((node) => {
          // Runs in the page: the DOM types are not in this project's lib.
          const box = (node as unknown as { getBBox(): { width: number; height: number } }).getBBox();
          return { id: node.getAttribute("data-service"), visible: box.width > 0 && box.height > 0 };
        }),
      );
      expect(drawn.map((d) => d.id).sort()).toEqual(services);
      expect(drawn.filter((d) => !d.visible)).toEqual([]);
      await section.screenshot({ path: join(OUT, `${environment}.png`) });
      expect(existsSync(join(OUT, `${environment}.png`))).toBe(true);
    }
    await tab.close();
  }, 120_000);
});
