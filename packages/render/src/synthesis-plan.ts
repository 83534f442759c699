import { resolvePlatform, type EnvironmentModel, type PlatformDefinition, type SpecError } from "@cloudlab/model";

/** Options of `synthesize` and {@link planSynthesis}. */
export interface SynthesizeOptions {
  /**
   * Render only these environments (by name); an unknown name is reported in `unknownEnvironments`.
   * @default every environment of the platform
   */
  readonly environments?: readonly string[];
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

/** The first step of `synthesize`: checks and resolves the platform, and picks the environments. Pure. */
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

