import type { Tree } from "nx/src/devkit-exports";
import { checkName, GeneratorError, literal, PLATFORM_ROOT, writeNewFiles, type GeneratedFile } from "../generated-files.ts";

const STAGES = ["dev", "staging", "prod"] as const;
const PROVIDERS = ["eks", "gke"] as const;

/** The options of `nx g @cloudlab/platform:environment` (schema.json). */
export interface EnvironmentGeneratorOptions {
  /** The environment's name: its folder under environments/ (a DNS label). */
  readonly name: string;
  /** dev, staging or prod: the stage's defaults (sizes, autoscaling, spreading) apply. */
  readonly stage: (typeof STAGES)[number];
  /** The cloud region, e.g. `eu-west-1`. */
  readonly region: string;
  /**
   * The managed Kubernetes service.
   * @default "eks"
   */
  readonly provider?: (typeof PROVIDERS)[number];
  /**
   * The cluster's name.
   * @default the environment's name
   */
  readonly cluster?: string;
  /**
   * The GCP project of a GKE cluster.
   * @default none (required with provider gke)
   */
  readonly gcpProject?: string;
}

/** The environment's spec file. A prod environment takes its role (primary or DR) from lib/failover.ts. */
export function environmentFiles(options: EnvironmentGeneratorOptions): GeneratedFile[] {
  const name = checkName("name", options.name);
  if (!(STAGES as readonly string[]).includes(options.stage)) throw new GeneratorError(`--stage ${String(options.stage)}: must be one of ${STAGES.join(", ")}`);
  const region = checkName("region", options.region);
  const provider = options.provider ?? "eks";
  if (!(PROVIDERS as readonly string[]).includes(provider)) throw new GeneratorError(`--provider ${String(provider)}: must be one of ${PROVIDERS.join(", ")}`);
  if (provider === "gke" && options.gcpProject === undefined) throw new GeneratorError("--gcpProject: required with --provider gke");
  const cluster = options.cluster === undefined ? name : checkName("cluster", options.cluster);
  const prod = options.stage === "prod";
  const clusterFields = [
    `name: ${literal(cluster)}`,
    `provider: ${literal(provider)}`,
    `region: ${literal(region)}`,
    ...(prod ? [`role: prodRole(${literal(region)})`, `network: ${literal(`network-${region}`)}`] : []),
    ...(options.gcpProject === undefined ? [] : [`gcpProject: ${literal(options.gcpProject)}`]),
  ];
  const content = [
    'import { defineEnvironment } from "@cloudlab/model";',
    ...(prod ? ['import { prodRole } from "../lib/failover.ts";'] : []),
    "",
    `// Made by \`nx g @cloudlab/platform:environment ${name} --stage ${options.stage} --region ${region}\`. See`,
    "// docs/adding-an-environment.md: per-environment host names and overrides go in `overrides`.",
    "export default defineEnvironment({",
    `  name: ${literal(name)},`,
    `  stage: ${literal(options.stage)},`,
    `  cluster: { ${clusterFields.join(", ")} },`,
    "});",
    "",
  ].join("\n");
  return [{ path: `${PLATFORM_ROOT}/environments/${name}.ts`, content }];
}

/** `nx g @cloudlab/platform:environment <name> --stage <stage> --region <region> [--provider eks|gke]`. */
export default function environmentGenerator(tree: Tree, options: EnvironmentGeneratorOptions): void {
  writeNewFiles(tree, environmentFiles(options));
}
