import { formatSpecError, resolvePlatform } from "@cloudlab/model";
import { buildMeshGraph, meshDot, meshHtml, meshMermaid } from "@cloudlab/render";
import type { Io } from "../io.ts";
import { loadPlatform } from "../load-platform.ts";
import { UserError } from "../user-error.ts";

/** The formats of `cloudlab graph`. */
export const GRAPH_FORMATS = ["mermaid", "dot", "html"] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/** Options of `cloudlab graph`. */
export interface GraphOptions {
  /** The platform directory. */
  readonly platform: string;
  /** Only these environments, in report order (empty: all). */
  readonly environments: readonly string[];
  /**
   * The picture's format.
   * @default "mermaid"
   */
  readonly format?: string;
}

/** Checks the raw `--format` value (a usage error). */
export function parseGraphFormat(format: string | undefined): GraphFormat {
  const value = format ?? "mermaid";
  if (!(GRAPH_FORMATS as readonly string[]).includes(value)) throw new UserError(`--format ${value}: graph formats are ${GRAPH_FORMATS.join(", ")}`);
  return value as GraphFormat;
}

/**
 * `cloudlab graph`: the mesh of each environment (services grouped by tenant, the declared calls with what each callee
 * accepts, ingress hosts, versions) as a Mermaid flowchart, a Graphviz digraph or a self-contained HTML page, on
 * stdout. Exit 0, 1 when the specs have errors, 2 on a usage error.
 */
export async function graphCommand(options: GraphOptions, io: Io): Promise<number> {
  const format = parseGraphFormat(options.format);
  const definition = await loadPlatform(options.platform, io.cwd);
  const resolution = resolvePlatform(definition);
  if (resolution.errors.length > 0) {
    for (const error of resolution.errors) io.stderr.write(`${formatSpecError(error)}\n`);
    io.stderr.write(`graph: ${resolution.errors.length} error${resolution.errors.length === 1 ? "" : "s"} in the specs; nothing drawn\n`);
    return 1;
  }
  const known = resolution.models.map((m) => m.environment.name);
  const unknown = options.environments.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new UserError(`--env ${unknown[0]}: no such environment (environments: ${known.join(", ")})`);
  const models = options.environments.length === 0 ? resolution.models : resolution.models.filter((m) => options.environments.includes(m.environment.name));
  const graphs = models.map(buildMeshGraph);
  io.stdout.write(format === "html" ? meshHtml(graphs) : format === "dot" ? meshDot(graphs) : meshMermaid(graphs));
  return 0;
}
