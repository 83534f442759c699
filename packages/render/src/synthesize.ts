import { environmentCapacity, type EnvironmentCapacity, type PlatformDefinition, type SpecError } from "@cloudlab/model";
import { renderPlatform } from "./render-platform.ts";
import type { RenderedFile, RenderProblem } from "./rendered-file.ts";
import { planSynthesis, type SynthesisPlan, type SynthesizeOptions } from "./synthesis-plan.ts";

// The plan (check, resolve, pick the environments) is in its own file, which imports no construct: a synth whose
// environments are all unchanged since its last run checks the platform without loading the renderer.
export { planSynthesis, type SynthesisPlan, type SynthesizeOptions } from "./synthesis-plan.ts";

/** The outcome of {@link synthesize}: files to write, or the reasons nothing may be written. */
export interface Synthesis {
  /** Spec errors; when any, nothing is rendered. */
  readonly specErrors: readonly SpecError[];
  /** Rendered objects that failed validation; when any, nothing may be written. */
  readonly renderProblems: readonly RenderProblem[];
  /** Requested environment names the platform does not declare. */
  readonly unknownEnvironments: readonly string[];
  /** Every environment the platform declares, in report order. */
  readonly declaredEnvironments: readonly string[];
  /** The environments rendered, in report order. */
  readonly environments: readonly string[];
  /** The rendered files, sorted by path (empty when there are errors). */
  readonly files: readonly RenderedFile[];
  /** What each rendered environment's pods request at min and max replicas (sidecars included). */
  readonly capacity: readonly EnvironmentCapacity[];
}

/** A synthesis with nothing rendered (spec errors or unknown environments). */
export function unrenderedSynthesis(plan: SynthesisPlan): Synthesis {
  const { specErrors, unknownEnvironments, declaredEnvironments } = plan;
  return { specErrors, unknownEnvironments, declaredEnvironments, renderProblems: [], files: [], capacity: [], environments: [] };
}

/** Spec → checked model → rendered files, the whole pipeline, pure. */
export function synthesize(definition: PlatformDefinition, options: SynthesizeOptions = {}): Synthesis {
  const plan = planSynthesis(definition, options);
  if (plan.models.length === 0 || plan.specErrors.length > 0) return unrenderedSynthesis(plan);
  const render = renderPlatform(plan.models);
  return {
    ...unrenderedSynthesis(plan),
    renderProblems: render.problems,
    environments: render.environments,
    files: render.problems.length > 0 ? [] : render.files,
    // Capacity is computed from checked objects only: a render problem may be a malformed quantity.
    capacity: render.problems.length > 0 ? [] : plan.models.map(environmentCapacity),
  };
}
