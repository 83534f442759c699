import { formatPath } from "./field-path.ts";
import { compareFindings, type Finding, type Severity } from "./finding.ts";
import { manifestObject, resourceName, type ManifestObject } from "./manifest-object.ts";
import { parseSource, type ManifestSource, type ParsedDocument } from "./parse/parse-source.ts";
import { isConfigurable, isSemantic, suppressionAnnotation, type GroupProblem, type GroupRule, type ObjectRule, type Rule, type RuleContext, type RuleMeta, type RuleProblem, type SourceRule } from "./rule.ts";
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
  /**
   * Whether the files are everything the cluster will hold. In a complete group a reference to an object that is
   * not there is the rule's own finding; in a partial one (files picked out of a larger whole) it is a warning that
   * the target is not among the validated files, and policy findings are warnings too (the platform's policy judges
   * whole environments; a file checked on its own is judged by what the apiserver would accept).
   * @default true when `environment` is set (a rendered environment folder), else false
   */
  readonly complete?: boolean;
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
    const rule = rules.find((r) => r.id === id) ?? rules.find((r) => r.code === id);
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

/** Said of an unresolved reference in a partial group. */
const NOT_AMONG_VALIDATED = "; the target is not among the validated files (it may live elsewhere: validate the whole environment, or pass --complete, to make this an error)";

class Collector {
  readonly findings: Finding[] = [];

  public constructor(private readonly options: ValidateOptions) {}

  /** The severity a rule reports at, or `off` (`complete`: whether the group is a whole environment). */
  public level(rule: RuleMeta, complete = true): RuleLevel {
    const levels = this.options.levels;
    const configured = isConfigurable(rule) ? (levels?.[rule.id] ?? (rule.code === undefined ? undefined : levels?.[rule.code])) : undefined;
    let level = configured ?? rule.severity;
    if (level === "error" && !complete && rule.category === "policy") level = "warning";
    return level === "warning" && this.options.strict === true ? "error" : level;
  }

  /** Records a rule's problems in one object; returns whether any was recorded (suppressed ones are not). */
  public addObjectProblems(rule: RuleMeta, object: ManifestObject, problems: readonly (RuleProblem | GroupProblem)[], complete = true): boolean {
    if (problems.length === 0) return false;
    const ruleLevel = this.level(rule, complete);
    if (ruleLevel === "off") return false;
    const suppressed = waiverOf(rule, object);
    if (suppressed === "reason") return false;
    const note = suppressed === "empty" ? ` (the ${suppressionAnnotation(rule.id)} annotation gives no reason, so it does not apply)` : "";
    for (const problem of problems) {
      const { line, column } = object.locate(problem.path);
      const partial = !complete && "unresolved" in problem && problem.unresolved === true;
      const level = partial && this.options.strict !== true ? "warning" : ruleLevel;
      this.findings.push({
        ruleId: rule.id,
        severity: level,
        file: object.file,
        line,
        column,
        ...(object.environment === undefined ? {} : { environment: object.environment }),
        resource: object.kind === "" ? "" : resourceName(object),
        path: formatPath(problem.path),
        message: problem.message + (partial ? NOT_AMONG_VALIDATED : "") + note,
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
    if (semanticStopped && isSemantic(rule)) continue;
    const problems = rule.check(object, context);
    collector.addObjectProblems(rule, object, problems, context.complete);
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
    const complete = group.complete ?? group.environment !== undefined;
    // The object rules this group runs: those not turned off (levels are read once per group, not per object).
    const activeObjectRules = objectRules.filter((rule) => collector.level(rule, complete) !== "off");
    // Per kind, the active rules that look at it, in order (see `ObjectRule.kinds`).
    const rulesByKind = new Map<string, ObjectRule[]>();
    const rulesFor = (kind: string): ObjectRule[] => {
      let list = rulesByKind.get(kind);
      if (list === undefined) {
        list = activeObjectRules.filter((rule) => rule.kinds === undefined || rule.kinds.has(kind));
        rulesByKind.set(kind, list);
      }
      return list;
    };
    const context: RuleContext = { versions: group.versions ?? DEFAULT_TARGET_VERSIONS, kinds: registry, complete };
    const analysable: ManifestObject[] = [];
    for (const source of group.sources) {
      files++;
      const parsed = parseSource(source);
      runSourceRules(sourceRules, parsed, group.environment, collector);
      for (const document of parsed.documents) {
        for (const object of objectsOf(source.file, group.environment, document)) {
          resources++;
          if (runObjectRules(rulesFor(object.kind), object, context, collector)) analysable.push(object);
        }
      }
    }
    for (const rule of groupRules) {
      if (collector.level(rule, complete) === "off") continue;
      const byObject = new Map<ManifestObject, GroupProblem[]>();
      for (const problem of rule.check(analysable, context)) {
        byObject.set(problem.object, [...(byObject.get(problem.object) ?? []), problem]);
      }
      for (const [object, problems] of byObject) collector.addObjectProblems(rule, object, problems, complete);
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
