import { readFileSync, statSync } from "node:fs";
import { basename, dirname, relative, resolve, sep } from "node:path";
import { DEFAULT_ISTIO_VERSION, DEFAULT_KUBERNETES_VERSION } from "@cloudlab/model";
import { isMinorVersion, ruleLevelProblems, type RuleLevel, type TargetVersions, type ValidationGroup } from "@cloudlab/validate";
import { FINDINGS_FORMATS, formatFindings, type FindingsFormat } from "../findings/format-findings.ts";
import { summarize, summaryText } from "../findings/summary.ts";
import type { Io } from "../io.ts";
import { loadPlatform } from "../load-platform.ts";
import { listManifestFiles } from "../manifest-files.ts";
import { listEnvironmentFolders } from "../output-tree.ts";
import { validateInParallel } from "../parallel-validate.ts";
import { UserError } from "../user-error.ts";

/** Options of `cloudlab validate`. */
export interface ValidateCommandOptions {
  /** Files and folders to validate (empty: every rendered environment under `out`). */
  readonly paths: readonly string[];
  /** The platform directory, for each environment's target versions. */
  readonly platform: string;
  /** The rendered output folder. */
  readonly out: string;
  /**
   * `human`, `json`, `github` or `sarif`.
   * @default "human"
   */
  readonly format?: string;
  /** Warnings fail the gate too. */
  readonly strict: boolean;
  /** The Kubernetes minor version for every path (default: the environment's, else 1.28). */
  readonly kubernetesVersion?: string;
  /** The Istio minor version for every path (default: the environment's, else 1.20). */
  readonly istioVersion?: string;
  /** `rule-id=error|warning|off` settings for analysis and policy rules (an istioctl code such as `IST0101` names every rule with that code). */
  readonly rules: readonly string[];
  /**
   * The paths given are everything the cluster will hold: a reference whose target is not among them is an error, not
   * a warning, and policy findings keep their severity. Rendered environment folders are always complete.
   * @default false
   */
  readonly complete?: boolean;
}

function parseFormat(format: string | undefined): FindingsFormat {
  const value = format ?? "human";
  if (!(FINDINGS_FORMATS as readonly string[]).includes(value)) throw new UserError(`--format must be one of ${FINDINGS_FORMATS.join(", ")}, not "${value}"`);
  return value as FindingsFormat;
}

function checkVersionFlag(flag: string, value: string | undefined): void {
  if (value !== undefined && !isMinorVersion(value)) throw new UserError(`--${flag} takes a minor version such as 1.28, not "${value}"`);
}

function parseLevels(settings: readonly string[]): Record<string, RuleLevel> {
  const levels: Record<string, RuleLevel> = {};
  for (const setting of settings) {
    const match = /^([A-Za-z0-9-]+)=(error|warning|off)$/.exec(setting);
    if (match === null) throw new UserError(`--rule takes RULE=error|warning|off, not "${setting}"`);
    levels[match[1]!] = match[2] as RuleLevel;
  }
  const problems = ruleLevelProblems(levels);
  if (problems.length > 0) throw new UserError(`--rule: ${problems.join("; ")}`);
  return levels;
}

/** A path as findings show it: relative to the working directory, with `/`. */
function displayPath(cwd: string, path: string): string {
  const relativePath = relative(cwd, path);
  return (relativePath === "" ? "." : relativePath).split(sep).join("/");
}

function readSources(cwd: string, files: readonly string[]) {
  return files.map((file) => ({ file: displayPath(cwd, file), content: readFileSync(file, "utf8") }));
}

/** The target versions of each declared environment, when the platform directory is there. */
async function environmentVersions(options: ValidateCommandOptions, io: Io): Promise<Map<string, Partial<TargetVersions>>> {
  const versions = new Map<string, Partial<TargetVersions>>();
  const platformDir = resolve(io.cwd, options.platform);
  if (!statSync(platformDir, { throwIfNoEntry: false })?.isDirectory()) return versions;
  const definition = await loadPlatform(options.platform, io.cwd);
  for (const { spec } of definition.environments) {
    if (typeof spec?.name === "string") versions.set(spec.name, { ...(spec.versions ?? {}) });
  }
  return versions;
}

/**
 * The groups to validate: each rendered environment folder on its own (with its versions), and every other path
 * together as one group, so cross-resource analysis sees all of them.
 */
async function validationGroups(options: ValidateCommandOptions, io: Io): Promise<ValidationGroup[]> {
  const outDir = resolve(io.cwd, options.out);
  const environments = () => listEnvironmentFolders(outDir).map((e) => resolve(outDir, e));
  // The output folder named as a path stands for its environment folders, as by default: each is one cluster, and
  // validated together they would clash (the same Sidecar in every environment's namespace).
  const expand = (path: string): string[] => {
    const found = path === outDir ? environments() : [];
    return found.length > 0 ? found : [path];
  };
  const paths = options.paths.length > 0 ? [...new Set(options.paths.flatMap((p) => expand(resolve(io.cwd, p))))] : environments();
  if (paths.length === 0) throw new UserError(`nothing to validate: ${options.out}/ holds no rendered environment; name files or folders to validate`);
  const environmentPaths = paths.filter((p) => dirname(p) === outDir && statSync(p, { throwIfNoEntry: false })?.isDirectory() === true);
  const declared = environmentPaths.length > 0 ? await environmentVersions(options, io) : new Map<string, Partial<TargetVersions>>();
  const versionsOf = (environment: string | undefined): TargetVersions => ({
    kubernetes: options.kubernetesVersion ?? (environment === undefined ? undefined : declared.get(environment)?.kubernetes) ?? DEFAULT_KUBERNETES_VERSION,
    istio: options.istioVersion ?? (environment === undefined ? undefined : declared.get(environment)?.istio) ?? DEFAULT_ISTIO_VERSION,
  });
  const groups: ValidationGroup[] = [];
  const plain: string[] = [];
  for (const path of paths) {
    const files = listManifestFiles(path);
    if (files === undefined) throw new UserError(`no such file or folder: ${displayPath(io.cwd, path)}`);
    if (environmentPaths.includes(path)) {
      const environment = basename(path);
      groups.push({ environment, complete: true, versions: versionsOf(environment), sources: readSources(io.cwd, files) });
    } else plain.push(...files);
  }
  if (plain.length > 0) groups.push({ complete: options.complete === true, versions: versionsOf(undefined), sources: readSources(io.cwd, [...new Set(plain)]) });
  return groups;
}

/**
 * `cloudlab validate [PATH…]`: the PR gate over rendered environments or any YAML. Exit 0 clean, 1 when a finding is
 * an error (with `--strict`, a warning too), 2 for usage errors.
 */
export async function validateCommand(options: ValidateCommandOptions, io: Io): Promise<number> {
  const format = parseFormat(options.format);
  checkVersionFlag("kubernetes-version", options.kubernetesVersion);
  checkVersionFlag("istio-version", options.istioVersion);
  const levels = parseLevels(options.rules);
  const groups = await validationGroups(options, io);
  const started = performance.now();
  const report = await validateInParallel(groups, { strict: options.strict, levels });
  const seconds = (performance.now() - started) / 1000;
  const summary = summarize(report.findings, report.files, report.resources);
  io.stdout.write(formatFindings(format, report.findings, summary));
  const rate = report.resources / Math.max(seconds, 1e-6);
  io.stderr.write(`validate: ${summaryText(summary)}; ${seconds.toFixed(2)} s, ${Math.round(rate)} resources/s\n`);
  return summary.errors > 0 ? 1 : 0;
}
