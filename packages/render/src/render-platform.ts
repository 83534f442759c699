import type { EnvironmentModel } from "@cloudlab/model";
import { renderEnvironment } from "./render-environment.ts";
import type { RenderedFile, RenderProblem } from "./rendered-file.ts";

/** Every rendered file of a platform, or the problems that stop it from being written. */
export interface PlatformRender {
  /** Sorted by path. */
  readonly files: readonly RenderedFile[];
  readonly problems: readonly RenderProblem[];
  /** The environments rendered, in report order; the writer owns exactly these folders. */
  readonly environments: readonly string[];
}

/** Renders the given environment models (all of a platform's, or a selection). Pure. */
export function renderPlatform(models: readonly EnvironmentModel[]): PlatformRender {
  const renders = models.map((model) => renderEnvironment(model));
  return {
    files: renders.flatMap((r) => r.files).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    problems: renders.flatMap((r) => r.problems),
    environments: models.map((m) => m.environment.name),
  };
}
