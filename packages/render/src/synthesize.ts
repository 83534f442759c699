import { environmentCapacity, resolvePlatform, type EnvironmentCapacity, type PlatformDefinition, type SpecError } from "@cloudlab/model";
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

/** Spec → checked model → rendered files, the whole pipeline, pure. */
export function synthesize(definition: PlatformDefinition, options: SynthesizeOptions = {}): Synthesis {
  const resolution = resolvePlatform(definition);
  const declared = resolution.models.map((m) => m.environment.name);
  const empty = { renderProblems: [], files: [], capacity: [], environments: [], unknownEnvironments: [], declaredEnvironments: declared };
  if (resolution.errors.length > 0) return { ...empty, specErrors: resolution.errors };
  const wanted = options.environments;
  const unknown = (wanted ?? []).filter((name) => !declared.includes(name));
  if (unknown.length > 0) return { ...empty, specErrors: [], unknownEnvironments: unknown };
  const models = wanted === undefined ? resolution.models : resolution.models.filter((m) => wanted.includes(m.environment.name));
  const render = renderPlatform(models);
  return {
    specErrors: [],
    renderProblems: render.problems,
    unknownEnvironments: [],
    declaredEnvironments: declared,
    environments: render.environments,
    files: render.problems.length > 0 ? [] : render.files,
    // Capacity is computed from checked objects only: a render problem may be a malformed quantity.
    capacity: render.problems.length > 0 ? [] : models.map(environmentCapacity),
  };
}
