import { Construct } from "constructs";

/**
 * A folder of rendered files: every object created under it is written to `<environment>/<folder>/`. Groups make
 * each file attributable to one service, one tenant or the cluster (for reviews and CODEOWNERS).
 */
export class ResourceGroup extends Construct {
  /** The folder, relative to the environment's folder, e.g. `boutique/frontend`, `boutique/_tenant`, `_cluster`. */
  public readonly folder: string;

  /** The spec file the group's objects come from (for error messages and ownership). */
  public readonly sourceFile: string;

  public constructor(scope: Construct, id: string, folder: string, sourceFile: string) {
    super(scope, id);
    this.folder = folder;
    this.sourceFile = sourceFile;
  }

  /** The group a construct belongs to: its nearest ResourceGroup ancestor. */
  public static of(construct: Construct): ResourceGroup | undefined {
    return construct.node.scopes.reverse().find((c): c is ResourceGroup => c instanceof ResourceGroup);
  }
}

/** The folder of cluster-scoped objects that belong to no tenant. */
export const CLUSTER_FOLDER = "_cluster";
/** The folder, inside a tenant's, of objects that belong to the whole tenant. */
export const TENANT_FOLDER = "_tenant";

// The render units live in their own file (no construct imported): an incremental synth computes its cache keys without
// loading the constructs.
export { ENVIRONMENT_UNIT, serviceUnit } from "./render-unit.ts";
