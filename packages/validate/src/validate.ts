import { formatPath } from "./field-path.ts";
import { compareFindings, type Finding, type Severity } from "./finding.ts";
import { manifestObject, resourceName, type ManifestObject } from "./manifest-object.ts";
import { parseSource, type ManifestSource, type ParsedDocument } from "./parse/parse-source.ts";
import { isConfigurable, suppressionAnnotation, type GroupRule, type ObjectRule, type Rule, type RuleContext, type RuleMeta, type RuleProblem, type SourceRule } from "./rule.ts";
import { RULES } from "./rules/index.ts";
import { KindRegistry } from "./schema/kind-catalog.ts";
import { asString, isObject, type PlainObject } from "./support/values.ts";
import { DEFAULT_TARGET_VERSIONS, type TargetVersions } from "./versions/target-versions.ts";
import { waiverOf } from "./waiver.ts";

/** Files validated together: one environment folder, or the paths given on the command line. */
export interface ValidationGroup {
  /** The environment the files belong to, when they are one environment's rendered folder. */
  readonly environment?: string;
  readonly sources: readonly ManifestSource[];
  /**
   * The versions the objects must be served by.
   * @default Kubernetes 1.28, Istio 1.20
   */
  readonly versions?: TargetVersions;
}

/** A severity, or `off` to skip the rule. */
export type RuleLevel = Severity | "off";

/** How to validate. */
export interface ValidateOptions {
  /**
   * Report warnings as errors.
   * @default false
   */
  readonly strict?: boolean;
  /**
   * Severity per rule id, for analysis and policy rules (others are ignored: check with {@link ruleLevelProblems}).
   * @default each rule's own severity
   */
  readonly levels?: Readonly<Record<string, RuleLevel>>;
  /**
   * The rules to run.
   * @default every registered rule
   */
  readonly rules?: readonly Rule[];
}

/** The outcome of a validation. */
export interface ValidationReport {
  /** Sorted by file, line, column, rule. */
  readonly findings: readonly Finding[];
  /** Files read. */
  readonly files: number;
  /** Kubernetes objects validated (`List` items counted one by one; tool configuration such as kustomizations left out). */
  readonly resources: number;
}

/** The problems with a `levels` option, as messages (empty when every entry names a configurable rule). */
export function ruleLevelProblems(levels: Readonly<Record<string, RuleLevel>>, rules: readonly Rule[] = RULES): string[] {
  const problems: string[] = [];
  for (const [id, level] of Object.entries(levels)) {
    const rule = rules.find((r) => r.id === id);
    if (rule === undefined) problems.push(`unknown rule "${id}"`);
    else if (!isConfigurable(rule)) problems.push(`rule "${id}" is a ${rule.category} rule; only analysis and policy rules can be reconfigured`);
    else if (!["error", "warning", "off"].includes(level)) problems.push(`rule "${id}": level "${level}" is not error, warning or off`);
  }
  return problems;
}

/**
 * Configuration files of tools that share the Kubernetes object shape but never reach an apiserver: kustomize's
 * `Kustomization` and `Component`, eksctl's `ClusterConfig`.
 */
const TOOL_CONFIGURATION_GROUPS: ReadonlySet<string> = new Set(["kustomize.config.k8s.io", "eksctl.io"]);

function isToolConfiguration(document: PlainObject): boolean {
  const apiVersion = asString(document.apiVersion) ?? "";
  return TOOL_CONFIGURATION_GROUPS.has(apiVersion.slice(0, Math.max(apiVersion.indexOf("/"), 0)));
}

/** The objects of a document: itself, or the items of a `v1 List`. */
function objectsOf(file: string, environment: string | undefined, document: ParsedDocument): ManifestObject[] {
  const value = document.value;
  if (isObject(value) && isToolConfiguration(value)) return [];
  if (isObject(value) && value.apiVersion === "v1" && value.kind === "List" && Array.isArray(value.items)) {
    return value.items.map((item, index) => manifestObject(file, environment, item, (path) => document.locate(["items", index, ...path])));
  }
  return [manifestObject(file, environment, value, (path) => document.locate(path))];
}

/** How many Kubernetes objects a document holds, as the report counts them (List items one by one, tool configuration none). */
export function resourceCount(document: unknown): number {
  if (isObject(document) && isToolConfiguration(document)) return 0;
  if (isObject(document) && document.apiVersion === "v1" && document.kind === "List" && Array.isArray(document.items)) return document.items.length;
  return document === null || document === undefined ? 0 : 1;
}

class Collector {
  readonly findings: Finding[] = [];

  public constructor(private readonly options: ValidateOptions) {}

  /** The severity a rule reports at, or `off`. */
  public level(rule: RuleMeta): RuleLevel {
    const configured = isConfigurable(rule) ? this.options.levels?.[rule.id] : undefined;
    const level = configured ?? rule.severity;
    return level === "warning" && this.options.strict === true ? "error" : level;
  }

  /** Records a rule's problems in one object; returns whether any was recorded (suppressed ones are not). */
  public addObjectProblems(rule: RuleMeta, object: ManifestObject, problems: readonly RuleProblem[]): boolean {
    if (problems.length === 0) return false;
    const level = this.level(rule);
    if (level === "off") return false;
    const suppressed = waiverOf(rule, object);
    if (suppressed === "reason") return false;
    const note = suppressed === "empty" ? ` (the ${suppressionAnnotation(rule.id)} annotation gives no reason, so it does not apply)` : "";
    for (const problem of problems) {
      const { line, column } = object.locate(problem.path);
      this.findings.push({
        ruleId: rule.id,
        severity: level,
        file: object.file,
        line,
        column,
        ...(object.environment === undefined ? {} : { environment: object.environment }),
        resource: object.kind === "" ? "" : resourceName(object),
        path: formatPath(problem.path),
        message: problem.message + note,
      });
    }
    return true;
  }
}

function runSourceRules(rules: readonly SourceRule[], source: ReturnType<typeof parseSource>, environment: string | undefined, collector: Collector): void {
  for (const rule of rules) {
    const level = collector.level(rule);
    if (level === "off") continue;
    for (const problem of rule.check(source)) {
      collector.findings.push({
        ruleId: rule.id,
        severity: level,
        file: source.file,
        line: problem.line,
        column: problem.column,
        ...(environment === undefined ? {} : { environment }),
        resource: "",
        path: "",
        message: problem.message,
      });
    }
  }
}

/** Runs the object rules in order; returns whether the object may take part in cross-resource analysis. */
function runObjectRules(rules: readonly ObjectRule[], object: ManifestObject, context: RuleContext, collector: Collector): boolean {
  let semanticStopped = false;
  for (const rule of rules) {
    if (semanticStopped && (rule.category === "apiserver" || rule.category === "policy")) continue;
    if (collector.level(rule) === "off") continue;
    const problems = rule.check(object, context);
    collector.addObjectProblems(rule, object, problems);
    if (problems.length === 0) continue;
    if (rule.stops === "rest") return false;
    if (rule.stops === "semantic") semanticStopped = true;
  }
  return true;
}

/**
 * Validates groups of YAML files: syntax, schema, unknown fields, served API versions, apiserver rules, then the
 * cross-resource analysis and policy of each group. Pure: the files are given as text; nothing is printed or read.
 */
export function validateGroups(groups: readonly ValidationGroup[], options: ValidateOptions = {}, registry: KindRegistry = defaultRegistry()): ValidationReport {
  const rules = options.rules ?? RULES;
  const sourceRules = rules.filter((r): r is SourceRule => r.scope === "source");
  const objectRules = rules.filter((r): r is ObjectRule => r.scope === "object");
  const groupRules = rules.filter((r): r is GroupRule => r.scope === "group");
  const collector = new Collector(options);
  let files = 0;
  let resources = 0;
  for (const group of groups) {
    const context: RuleContext = { versions: group.versions ?? DEFAULT_TARGET_VERSIONS, kinds: registry };
    const analysable: ManifestObject[] = [];
    for (const source of group.sources) {
      files++;
      const parsed = parseSource(source);
      runSourceRules(sourceRules, parsed, group.environment, collector);
      for (const document of parsed.documents) {
        for (const object of objectsOf(source.file, group.environment, document)) {
          resources++;
          if (runObjectRules(objectRules, object, context, collector)) analysable.push(object);
        }
      }
    }
    for (const rule of groupRules) {
      if (collector.level(rule) === "off") continue;
      const byObject = new Map<ManifestObject, RuleProblem[]>();
      for (const problem of rule.check(analysable, context)) {
        byObject.set(problem.object, [...(byObject.get(problem.object) ?? []), problem]);
      }
      for (const [object, problems] of byObject) collector.addObjectProblems(rule, object, problems);
    }
  }
  return { findings: collector.findings.sort(compareFindings), files, resources };
}

/** Validates one group (see {@link validateGroups}). */
export function validateGroup(group: ValidationGroup, options: ValidateOptions = {}): ValidationReport {
  return validateGroups([group], options);
}

let registry: KindRegistry | undefined;

/** The registry over the generated catalog, made once (model classes are loaded as kinds are met). */
export function defaultRegistry(): KindRegistry {
  registry ??= new KindRegistry();
  return registry;
}
