import { describe, expect, it } from "vitest";
import {
  ANSI,
  formatJson,
  formatMarkdown,
  formatText,
  GITHUB_COMMENT_LIMIT,
  MARKDOWN_MARKER,
  PLAIN,
  type PlatformDiff,
} from "../src/index.ts";
import { baseline, deployment, diff, hpa, rendered, replace, without } from "./fixtures.ts";

/**
 * The three report formats of one diff, against golden files under test/golden/ (regenerate with `npx vitest run -u`
 * after an intended change and review them), and of no change at all, inline.
 *
 * The diff: staging runs web 1.1.0; prod-us-west-2 jumps to 1.2.0 (not in staging) and lowers replicas; the DR
 * cluster loses web's HPA.
 */
const base = baseline();
const head = without(
  replace(
    base,
    rendered("staging", deployment("web", { image: "registry.example/shop/web:1.1.0" })),
    rendered("prod-us-west-2", deployment("web", { replicas: 2, image: "registry.example/shop/web:1.2.0" })),
  ),
  "prod-us-east-1",
  "HorizontalPodAutoscaler",
  "web",
);
const changes = diff(base, head);
const unchanged = diff(base, base);
const SUBJECT = { base: "main (1a2b3c4)", head: "working tree" };

describe("the diff the reports show", () => {
  it("has three risk flags, shown first, in environment order", () => {
    expect(changes.risks.map((r) => `${r.environment} ${r.rule}`)).toEqual([
      "prod-us-west-2 prod-availability-lowered",
      "prod-us-west-2 image-not-in-staging",
      "prod-us-east-1 prod-object-deleted",
    ]);
  });
});

describe("formatText", () => {
  it("plain: matches golden/report.txt", async () => {
    await expect(formatText(changes, SUBJECT, PLAIN)).toMatchFileSnapshot("./golden/report.txt");
  });

  it("coloured: matches golden/report.ansi.txt, and is the plain text once the colours are stripped", async () => {
    const coloured = formatText(changes, SUBJECT, ANSI);
    await expect(coloured).toMatchFileSnapshot("./golden/report.ansi.txt");
    expect(coloured).toContain("\u001b[31m");
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, "")).toBe(formatText(changes, SUBJECT, PLAIN));
  });

  it("no changes: every environment on one line", () => {
    expect(formatText(unchanged, SUBJECT, PLAIN)).toBe(
      [
        "cloudlab diff: main (1a2b3c4) → working tree",
        "",
        "Risks: none",
        "",
        "dev: no changes",
        "staging: no changes",
        "prod-us-west-2: no changes",
        "prod-us-east-1: no changes",
        "",
        "No changes in 4 environments.",
        "",
      ].join("\n"),
    );
  });
});

describe("formatMarkdown", () => {
  it("matches golden/report.md: marker, summary, risk table, environment table, a <details> per changed environment", async () => {
    const markdown = formatMarkdown(changes, SUBJECT);
    await expect(markdown).toMatchFileSnapshot("./golden/report.md");
    expect(markdown.startsWith(`${MARKDOWN_MARKER}\n`)).toBe(true);
    expect(markdown.match(/<details>/g)).toHaveLength(3);
    expect(markdown).not.toContain("Cut to fit");
  });

  it("cut to a limit: matches golden/report.cut.md, fits, keeps the risks, and says what it left out", async () => {
    const markdown = formatMarkdown(changes, SUBJECT, { maxLength: 1200 });
    await expect(markdown).toMatchFileSnapshot("./golden/report.cut.md");
    expect(markdown.length).toBeLessThanOrEqual(1200);
    expect(markdown).toContain("> Cut to fit the comment limit (1 200 characters): ");
    expect(markdown).toContain("| prod-us-east-1 | `HorizontalPodAutoscaler/shop/web` | deleted from production | `prod-object-deleted` |");
  });

  it("cuts inside a section line by line, closing its code block and <details>", () => {
    const many: PlatformDiff = diff(
      base,
      base.map((o) => (o.key.kind === "Deployment" && o.key.environment === "dev" ? rendered("dev", deployment("web", { env: Array.from({ length: 400 }, (_, i) => ({ name: `VAR_${i}`, value: `${i}` })) })) : o)),
    );
    const markdown = formatMarkdown(many, SUBJECT, { maxLength: 4000 });
    expect(markdown.length).toBeLessThanOrEqual(4000);
    expect(markdown).toMatch(/\n {4}spec\.template\.spec\.containers\[server\]\.env\[VAR_\d+\]: \(none\) → \{"name":"VAR_\d+","value":"\d+"\}\n… \(cut\)\n```\n\n<\/details>\n$/);
    const shown = markdown.match(/env\[VAR_/g)!.length;
    expect(markdown).toContain(`: ${400 - shown} lines of changes (dev) not shown.`);
  });

  it("stays within GitHub's limit by default", () => {
    const huge = diff(
      base,
      base.map((o) => (o.key.kind === "Deployment" ? rendered(o.key.environment, deployment("web", { env: Array.from({ length: 1000 }, (_, i) => ({ name: `VAR_${i}`, value: "x".repeat(20) })) })) : o)),
    );
    const markdown = formatMarkdown(huge, SUBJECT);
    expect(formatText(huge, SUBJECT, PLAIN).length).toBeGreaterThan(GITHUB_COMMENT_LIMIT);
    expect(markdown.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(markdown).toContain("Cut to fit the comment limit (65 536 characters)");
  });

  it("no changes: the marker, the heading and one line", () => {
    expect(formatMarkdown(unchanged, SUBJECT)).toBe(
      `${MARKDOWN_MARKER}\n### cloudlab diff\n\nmain (1a2b3c4) → working tree: No changes in 4 environments.\n`,
    );
  });

  it("escapes Markdown in names and reasons", () => {
    const tricky = diff([], [rendered("dev", hpa("web", 1))]);
    const markdown = formatMarkdown(tricky, { base: "feature/*x*_|<b>", head: "working tree" });
    expect(markdown).toContain("feature/\\*x\\*\\_\\|\\<b\\> → working tree");
  });
});

describe("formatJson", () => {
  it("matches golden/report.json and round-trips", async () => {
    const json = formatJson(changes, SUBJECT);
    await expect(json).toMatchFileSnapshot("./golden/report.json");
    const parsed = JSON.parse(json);
    expect(parsed.changed).toBe(true);
    expect(parsed.summary).toEqual({ environments: 4, changedEnvironments: 3, added: 0, removed: 1, changed: 2, risks: 3 });
  });

  it("no changes", () => {
    const parsed = JSON.parse(formatJson(unchanged, SUBJECT));
    expect(parsed).toMatchObject({ changed: false, risks: [], summary: { changedEnvironments: 0 } });
    expect(parsed.environments.map((e: { name: string; changes: unknown[] }) => [e.name, e.changes.length])).toEqual([
      ["dev", 0],
      ["staging", 0],
      ["prod-us-west-2", 0],
      ["prod-us-east-1", 0],
    ]);
  });
});
