/** One rendered file, path relative to the output folder (`environments/`). */
export interface RenderedFile {
  /** e.g. `dev/boutique/frontend/deployment-frontend.yaml`. */
  readonly path: string;
  /** The exact bytes to write, as UTF-8 text. */
  readonly content: string;
}

/** Something wrong with a rendered object, found before anything is written. */
export interface RenderProblem {
  /** The environment being rendered. */
  readonly environment: string;
  /** The spec file the object comes from. */
  readonly file: string;
  /** The object, as `Kind/namespace/name` (or `Kind/name` when cluster-scoped). */
  readonly object: string;
  /** What is wrong, starting with the field's path. */
  readonly message: string;
}

/** The one-line form of a render problem. */
export function formatRenderProblem(problem: RenderProblem): string {
  return `${problem.file}: ${problem.environment}: ${problem.object}: ${problem.message}`;
}
