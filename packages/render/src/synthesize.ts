import { environmentCapacity, resolvePlatform, type EnvironmentCapacity, type EnvironmentModel, type PlatformDefinition, type SpecError } from "@cloudlab/model";
import { renderPlatform } from "./render-platform.ts";
import type { RenderedFile, RenderProblem } from "./rendered-file.ts";

/** Options of {@link synthesize}. */
export interface SynthesizeOptions {
  /**
   * Render only these environments (by name); an unknown name is reported in `unknownEnvironments`.
   * @default every environment of the platform
   */
  readonly environments?: readonly string[];
}

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

/** What to render: the checked environment models, or the reasons there is nothing to render. */
export interface SynthesisPlan {
  /** Spec errors; when any, `models` is empty. */
  readonly specErrors: readonly SpecError[];
  /** Requested environment names the platform does not declare; when any, `models` is empty. */
  readonly unknownEnvironments: readonly string[];
  /** Every environment the platform declares, in report order. */
  readonly declaredEnvironments: readonly string[];
  /** The environments to render, in report order. */
  readonly models: readonly EnvironmentModel[];
}

/** The first step of {@link synthesize}: checks and resolves the platform, and picks the environments. Pure. */
export function planSynthesis(definition: PlatformDefinition, options: SynthesizeOptions = {}): SynthesisPlan {
  const resolution = resolvePlatform(definition);
  const declared = resolution.models.map((m) => m.environment.name);
  const none = { models: [], unknownEnvironments: [], declaredEnvironments: declared };
  if (resolution.errors.length > 0) return { ...none, specErrors: resolution.errors };
  const wanted = options.environments;
  const unknown = (wanted ?? []).filter((name) => !declared.includes(name));
  if (unknown.length > 0) return { ...none, specErrors: [], unknownEnvironments: unknown };
  const models = wanted === undefined ? resolution.models : resolution.models.filter((m) => wanted.includes(m.environment.name));
  return { ...none, specErrors: [], models };
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
