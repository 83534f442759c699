import type { Tree } from "nx/src/devkit-exports";
import { checkName, literal, PLATFORM_ROOT, writeNewFiles, type GeneratedFile } from "../generated-files.ts";

/** The options of `nx g @cloudlab/platform:tenant` (schema.json). */
export interface TenantGeneratorOptions {
  /** The tenant's name: its namespace (a DNS label). */
  readonly name: string;
  /**
   * The owning team: it reviews the tenant's files.
   * @default the tenant's name
   */
  readonly team?: string;
}

/** The tenant's spec file. */
export function tenantFiles(options: TenantGeneratorOptions): GeneratedFile[] {
  const name = checkName("name", options.name);
  const team = options.team === undefined ? name : checkName("team", options.team);
  const content = [
    'import { defineTenant } from "@cloudlab/model";',
    "",
    `// Made by \`nx g @cloudlab/platform:tenant ${name} --team ${team}\`. Add services with`,
    `// \`nx g @cloudlab/platform:service <name> --tenant ${name} --port <port>\` (docs/adding-a-service.md).`,
    "export default defineTenant({",
    `  name: ${literal(name)},`,
    `  team: ${literal(team)},`,
    `  description: ${literal(`The ${team} team's services.`)},`,
    "  // Room for three generated services at their prod maximum (20 pods of 100m/128Mi requested, 500m/256Mi limits,",
    "  // each with its 100m/128Mi, 200m/256Mi sidecar). `npm run synth` checks that every service fits at max replicas",
    "  // and prints the figures: raise the quota as services grow.",
    '  quota: { requestsCpu: "12", requestsMemory: "24Gi", limitsCpu: "42", limitsMemory: "48Gi" },',
    "});",
    "",
  ].join("\n");
  return [{ path: `${PLATFORM_ROOT}/tenants/${name}.ts`, content }];
}

/** `nx g @cloudlab/platform:tenant <name> [--team <team>]`. */
export default function tenantGenerator(tree: Tree, options: TenantGeneratorOptions): void {
  writeNewFiles(tree, tenantFiles(options));
}
