import { environmentCost, type EnvironmentCost } from "@cloudlab/constructs";
import { compareStrings, environmentCapacity, type PlatformDefinition } from "@cloudlab/model";
import { planSynthesis, type RenderedFile, type RenderProblem, type Synthesis, type SynthesizeOptions } from "@cloudlab/render";
import { compareFindings, type Finding } from "@cloudlab/validate";
import type { EnvironmentRecord } from "./incremental/environment-record.ts";
import type { EnvironmentOutput } from "./incremental/gated-environment.ts";
import { unchangedEnvironment } from "./incremental/unchanged-environment.ts";
import { renderUnitKeys, unkeyedRenderUnits } from "./incremental/unit-keys.ts";

/**
 * A render of a platform and the PR gate's findings over it, environment by environment: a `Synthesis` whose files
 * are given per environment (`outputs`), complete only for environments rendered in full.
 */
export interface GatedSynthesis extends Omit<Synthesis, "files" | "environments"> {
  /** Every finding of the gate (all severities), sorted; empty when nothing was rendered. */
  readonly findings: readonly Finding[];
  /** Objects the gate validated. */
  readonly resources: number;
  /** Each rendered environment, in report order (empty when there are problems). */
  readonly outputs: readonly EnvironmentOutput[];
  /** Each rendered environment's monthly cost at min and max replicas, in report order (empty when there are problems or a gate error). */
  readonly cost: readonly EnvironmentCost[];
}

/** Options of {@link synthesizeAndGate}. */
export interface GatedSynthesisOptions extends SynthesizeOptions {
  /** The output folder as files are named in findings (`<out>/<env>/…`). */
  readonly out: string;
  /**
   * The generator's fingerprint, recorded with each environment's render.
   * @default "" (records from another run are then never reused)
   */
  readonly fingerprint?: string;
  /**
   * Trusted records of the last render of some environments: only what changed since is rebuilt.
   * @default none: every environment rendered in full
   */
  readonly previous?: ReadonlyMap<string, EnvironmentRecord>;
  /**
   * Whether each environment's output carries its record (see `EnvironmentOutput.record`).
   * @default true
   */
  readonly records?: boolean;
}

/**
 * The environment names a definition declares, read without checking it (a spec without a string name is the
 * checker's to report): enough to split or look up environments before the platform is resolved.
 */
export function declaredEnvironmentNames(definition: PlatformDefinition): string[] {
  return definition.environments.map((e) => (e.spec as { name?: unknown } | null)?.name).filter((n): n is string => typeof n === "string");
}

/** Every file's path of a gated synthesis, sorted. */
export function synthesisPaths(synthesis: GatedSynthesis): string[] {
  return synthesis.outputs.flatMap((o) => o.paths).sort();
}

/** Every file with its bytes: only complete for environments rendered in full (`mode: "full"`). */
export function synthesisFiles(synthesis: GatedSynthesis): RenderedFile[] {
  return synthesis.outputs.flatMap((o) => o.files).sort((a, b) => compareStrings(a.path, b.path));
}

/** The renderer and the gate, imported on first need. */
const gatedEnvironmentModule = () => import("./incremental/gated-environment.ts");

/**
 * Starts loading the renderer and the gate without waiting for them: for a caller that is waiting on something else
 * (esbuild compiling an edited spec) and will most likely render next. A failure is left to the import that needs it.
 */
export function preloadRenderer(): void {
  gatedEnvironmentModule().catch(() => undefined);
}

/**
 * Renders and gates a platform one environment at a time: each environment is rendered, validated from the objects
 * its files were written from (no YAML is parsed again), and then only its text is kept, so memory holds one
 * environment's objects at a time. With records of earlier renders only what changed is rebuilt. The files and
 * findings are the same as rendering everything and then validating the files. The renderer and the gate (cdk8s, the
 * constructs, the rules) are loaded only when an environment has a unit to rebuild: a synth with nothing changed
 * checks the platform, computes its units' keys and reads everything else from the records.
 */
export async function synthesizeAndGate(definition: PlatformDefinition, options: GatedSynthesisOptions): Promise<GatedSynthesis> {
  const plan = planSynthesis(definition, options);
  const none = { renderProblems: [], findings: [], resources: 0, capacity: [], outputs: [], cost: [] };
  const { specErrors, unknownEnvironments, declaredEnvironments } = plan;
  if (plan.models.length === 0 || plan.specErrors.length > 0) return { specErrors, unknownEnvironments, declaredEnvironments, ...none };
  const outputs: EnvironmentOutput[] = [];
  const problems: RenderProblem[] = [];
  for (const model of plan.models) {
    const previous = options.previous?.get(model.environment.name);
    const environmentOptions = {
      out: options.out,
      fingerprint: options.fingerprint ?? "",
      ...(previous === undefined ? {} : { previous }),
      ...(options.records === false ? { record: false } : {}),
    };
    const keys = options.records === false ? unkeyedRenderUnits(model) : renderUnitKeys(model, environmentOptions.fingerprint);
    const output =
      unchangedEnvironment(model, keys, environmentOptions) ?? (await gatedEnvironmentModule()).gatedEnvironment(model, { ...environmentOptions, keys });
    problems.push(...output.problems);
    // Once an environment has render problems nothing is written: rendering the rest would only add noise.
    if (problems.length > 0) break;
    outputs.push(output);
  }
  if (problems.length > 0) return { specErrors, unknownEnvironments, declaredEnvironments, ...none, renderProblems: problems };
  const findings = outputs.flatMap((o) => o.findings).sort(compareFindings);
  // Capacity and cost read the objects' quantities, which only a clean gate vouches for (the render leaves the schema
  // of catalogued kinds to the gate): with a gate error nothing is written and neither is reported.
  const gateClean = !findings.some((finding) => finding.severity === "error");
  return {
    specErrors,
    unknownEnvironments,
    declaredEnvironments,
    renderProblems: [],
    findings,
    resources: outputs.reduce((n, o) => n + o.resources, 0),
    capacity: gateClean ? plan.models.map(environmentCapacity) : [],
    outputs,
    cost: gateClean ? plan.models.map((model) => environmentCost(model)) : [],
  };
}
