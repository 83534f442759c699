import type { CallGraphChange } from "../call-graph-diff.ts";
import { countChanges, type PlatformDiff } from "../object-change.ts";
import { callGraphMarkdown } from "./call-graph-markdown.ts";
import { costMarkdownLines } from "./cost-section.ts";
import { PLAIN } from "./painter.ts";
import { changeLines, countsText, summaryText, type ReportSubject } from "./report-text.ts";

/** GitHub's limit on the body of an issue or pull-request comment, in characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** The hidden first line of the comment: the PR workflow finds its previous comment by it and updates it. */
export const MARKDOWN_MARKER = "<!-- cloudlab-diff -->";

/** Options of {@link formatMarkdown}. */
export interface MarkdownOptions {
  /**
   * The most characters the comment may have; what does not fit is cut, with a note saying so.
   * @default GITHUB_COMMENT_LIMIT
   */
  readonly maxLength?: number;
  /**
   * The calls each environment gains or loses (`diffCallGraph`), drawn as a Mermaid diagram after the summary table.
   * @default no call-graph section
   */
  readonly callGraph?: readonly CallGraphChange[];
}

/** Text safe in a table cell or a line of Markdown: no HTML, no emphasis, no pipes, no math (GitHub reads `$…$` as math). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#$]/g, (c) => `\\${c}`);
}

/** A code span holding `text`, with a fence longer than any run of backticks in it. */
function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return longest > 0 ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/** A fenced code block's fence: longer than any run of backticks inside. */
function blockFence(lines: readonly string[]): string {
  const longest = Math.max(0, ...lines.flatMap((line) => [...line.matchAll(/`+/g)].map((m) => m[0].length)));
  return "`".repeat(Math.max(3, longest + 1));
}

interface Section {
  /** The `<details>` opening, the blank line and the code fence. */
  readonly open: readonly string[];
  readonly body: readonly string[];
  /** The code fence, the blank line and `</details>`. */
  readonly close: readonly string[];
}

/** What a cut left out. */
interface Cut {
  risks: number;
  lines: number;
  environments: Set<string>;
}

/** `65536` → `65 536`. */
function groupDigits(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+$)/g, " ");
}

function length(lines: readonly string[]): number {
  return lines.reduce((sum, line) => sum + line.length + 1, 0);
}

/**
 * The pull-request comment: a hidden marker, the heading, the risk flags as a table, the monthly cost delta (when the
 * diff has one) as a table, a summary table of every
 * environment, then a collapsible `<details>` section per changed environment holding its changes as a `diff` code
 * block. A comment longer than `maxLength` is cut (risk rows first kept, then sections line by line) and says what it
 * left out.
 */
export function formatMarkdown(diff: PlatformDiff, subject: ReportSubject, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? GITHUB_COMMENT_LIMIT;
  const head = [MARKDOWN_MARKER, "### cloudlab diff", "", `${escapeMarkdown(subject.base)} → ${escapeMarkdown(subject.head)}: ${escapeMarkdown(summaryText(diff))}`, ""];
  const changed = diff.environments.filter((e) => e.changes.length > 0);
  if (changed.length === 0) return `${head.join("\n")}`;

  const riskHead =
    diff.risks.length === 0
      ? ["**Risks:** none", ""]
      : [`**Risks (${diff.risks.length})**`, "", "| environment | object | reason | rule |", "| --- | --- | --- | --- |"];
  const riskRows = diff.risks.map(
    (flag) => `| ${escapeMarkdown(flag.environment)} | ${flag.object === undefined ? "" : code(flag.object)} | ${escapeMarkdown(flag.reason)} | ${code(flag.rule)} |`,
  );
  const table = [
    ...(diff.cost === undefined ? [] : [...costMarkdownLines(diff.cost, escapeMarkdown), ""]),
    "| environment | added | removed | changed |",
    "| --- | ---: | ---: | ---: |",
    ...diff.environments.map((e) => {
      const counts = countChanges(e);
      return `| ${escapeMarkdown(e.environment.name)} | ${counts.added} | ${counts.removed} | ${counts.changed} |`;
    }),
    "",
    ...callGraphMarkdown(options.callGraph ?? []),
  ];
  const sections: Section[] = changed.map((environment) => {
    const body = changeLines(environment, PLAIN);
    const fence = blockFence(body);
    return {
      open: [`<details><summary><b>${escapeMarkdown(environment.environment.name)}</b>: ${countsText(countChanges(environment))}</summary>`, "", `${fence}diff`],
      body,
      close: [fence, "", "</details>", ""],
    };
  });

  const assemble = (risks: readonly string[], bodies: readonly (readonly string[] | undefined)[], note: readonly string[]) => {
    const lines = [...head, ...note, ...riskHead, ...risks, ...(diff.risks.length > 0 ? [""] : []), ...table];
    for (const [i, section] of sections.entries()) {
      const body = bodies[i];
      if (body !== undefined) lines.push(...section.open, ...body, ...section.close);
    }
    return lines.join("\n");
  };

  const full = assemble(riskRows, sections.map((s) => s.body), []);
  if (full.length <= maxLength) return full;

  // Too long: keep the fixed parts, then as many risk rows and section lines as fit, and say what was cut.
  const noteFor = (cut: Cut) => {
    const parts = [
      ...(cut.risks > 0 ? [`${cut.risks} risk flag${cut.risks === 1 ? "" : "s"}`] : []),
      ...(cut.lines > 0 ? [`${cut.lines} line${cut.lines === 1 ? "" : "s"} of changes (${[...cut.environments].join(", ")})`] : []),
    ];
    return [
      "> [!WARNING]",
      `> Cut to fit the comment limit (${groupDigits(maxLength)} characters): ${parts.join(" and ")} not shown. ` +
        "Run `npx cloudlab diff` for the whole diff.",
      "",
    ];
  };
  const worstNote = noteFor({ risks: diff.risks.length, lines: sections.reduce((n, s) => n + s.body.length, 0), environments: new Set(changed.map((e) => e.environment.name)) });
  let budget = maxLength - length([...head, ...worstNote, ...riskHead, "", ...table]);
  const cut: Cut = { risks: 0, lines: 0, environments: new Set() };
  const risks: string[] = [];
  for (const row of riskRows) {
    if (row.length + 1 <= budget) {
      risks.push(row);
      budget -= row.length + 1;
    } else cut.risks++;
  }
  const CUT_LINE = "… (cut)";
  const cutCost = CUT_LINE.length + 1;
  const bodies = sections.map((section, i) => {
    const name = changed[i]!.environment.name;
    const frame = length(section.open) + length(section.close);
    // A section is shown only if its frame, its first line and the cut marker fit.
    if (frame + cutCost + section.body[0]!.length + 1 > budget) {
      cut.lines += section.body.length;
      cut.environments.add(name);
      return undefined;
    }
    budget -= frame;
    const kept: string[] = [];
    for (const [j, line] of section.body.entries()) {
      // Room is kept for the cut marker after every line but the last.
      const needed = line.length + 1 + (j === section.body.length - 1 ? 0 : cutCost);
      if (needed > budget) {
        cut.lines += section.body.length - j;
        cut.environments.add(name);
        kept.push(CUT_LINE);
        budget -= cutCost;
        break;
      }
      kept.push(line);
      budget -= line.length + 1;
    }
    return kept;
  });
  return assemble(risks, bodies, noteFor(cut));
}
