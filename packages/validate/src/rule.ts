import type { FieldPath } from "./field-path.ts";
import type { Severity } from "./finding.ts";
import type { ManifestObject } from "./manifest-object.ts";
import type { ParsedSource, Position } from "./parse/parse-source.ts";
import type { KindRegistry } from "./schema/kind-catalog.ts";
import type { TargetVersions } from "./versions/target-versions.ts";

/** The layers of the gate, in the order they run. */
export const RULE_CATEGORIES = ["syntax", "schema", "api-version", "apiserver", "webhook", "analysis", "policy"] as const;

/** Which layer a rule belongs to. */
export type RuleCategory = (typeof RULE_CATEGORIES)[number];

/** What every rule declares about itself (the registry, `docs/rules.md` and SARIF read it). */
export interface RuleMeta {
  /** Kebab-case, unique, and the rule's file name: `src/rules/<layer>[/<area>]/<id>.rule.ts`. */
  readonly id: string;
  readonly category: RuleCategory;
  /**
   * The upstream tool's code for the problem, when it has one: istioctl analyze's message code (`IST0101`). Shown in
   * docs/rules.md and SARIF, and accepted by `--rule` in place of the id.
   * @default none
   */
  readonly code?: string;
  /** The default severity. Analysis and policy rules can be reconfigured; the others cannot. */
  readonly severity: Severity;
  /** One sentence: what the rule requires. */
  readonly description: string;
  /** The kube-apiserver's (or istioctl's) own message for this problem, when it has one. */
  readonly upstreamMessage?: string;
  /**
   * What a problem found by this rule stops for the object: `rest` — every later rule (the object is not an object
   * of a served kind); `semantic` — the apiserver, analysis and policy rules (its fields do not have their types).
   */
  readonly stops?: "rest" | "semantic";
}

/** A problem in one object: the field and what is wrong with it. */
export interface RuleProblem {
  readonly path: FieldPath;
  readonly message: string;
}

/** A problem found by comparing objects: which object it is in. */
export interface GroupProblem extends RuleProblem {
  readonly object: ManifestObject;
  /**
   * The problem is a reference whose target was not found among the objects. In a complete set (a whole rendered
   * environment) that is the rule's own severity; in a partial one (files given on their own) the target may live
   * elsewhere, so it is reported as a warning saying so.
   * @default false
   */
  readonly unresolved?: boolean;
}

/** A problem in a file's text. */
export interface SourceProblem extends Position {
  readonly message: string;
}

/** What rules may consult besides the objects. */
export interface RuleContext {
  /** The versions objects must be served by. */
  readonly versions: TargetVersions;
  /** The kind catalog and the model validators. */
  readonly kinds: KindRegistry;
  /**
   * Whether the objects are everything the cluster will hold (a whole rendered environment, or `--complete`). When
   * false, a missing reference target may live outside the validated files.
   */
  readonly complete: boolean;
}

/** A rule over one file's text. */
export interface SourceRule extends RuleMeta {
  readonly scope: "source";
  check(source: ParsedSource): readonly SourceProblem[];
}

/** A rule over one object at a time. */
export interface ObjectRule extends RuleMeta {
  readonly scope: "object";
  /**
   * The only kinds (`kind`, any API version) in whose objects the rule can find anything: the gate does not give it
   * objects of other kinds (most rules look at one or a few kinds, and each object meets every rule). The rule still
   * checks the API group itself. A table test relabels each invalid case's objects as every other catalogued kind and
   * expects nothing.
   * @default every kind
   */
  readonly kinds?: ReadonlySet<string>;
  check(object: ManifestObject, context: RuleContext): readonly RuleProblem[];
}

/** A rule over every object of one environment (or of one set of paths) together. */
export interface GroupRule extends RuleMeta {
  readonly scope: "group";
  check(objects: readonly ManifestObject[], context: RuleContext): readonly GroupProblem[];
}

export type Rule = SourceRule | ObjectRule | GroupRule;

/** Whether a rule's severity may be changed (`--rule id=level`): analysis and policy rules only. */
export function isConfigurable(rule: RuleMeta): boolean {
  return rule.category === "analysis" || rule.category === "policy";
}

/** The layers whose rules judge an object's meaning; a `semantic` stop skips them. */
export function isSemantic(rule: RuleMeta): boolean {
  return rule.category === "apiserver" || rule.category === "webhook" || rule.category === "policy";
}

/** Whether a rule can be silenced on one object by a `cloudlab.io/allow-<rule-id>` annotation with a reason. */
export function isSuppressible(rule: RuleMeta): boolean {
  return rule.category === "policy";
}

/** The annotation that silences a policy rule on one object; its value must give the reason. */
export function suppressionAnnotation(ruleId: string): string {
  return `cloudlab.io/allow-${ruleId}`;
}
