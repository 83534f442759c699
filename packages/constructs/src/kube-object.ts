import { ApiObject } from "cdk8s";
import type { Construct } from "constructs";
import { validationMessages, type ModelObject } from "./model-object.ts";

/**
 * A cdk8s ApiObject made from a typed model object. The model's `.validate()` runs as a construct validation, so
 * the renderer collects every failure (with the construct path) before anything is written.
 */
export class KubeObject extends ApiObject {
  /** The typed object this was made from. */
  public readonly model: ModelObject;

  /** The file name in its group's folder, when not the usual `<kind>-<name>.yaml` (e.g. a bootstrap `root.yaml`). */
  public readonly fileName: string | undefined;

  public constructor(scope: Construct, model: ModelObject, options: { readonly fileName?: string } = {}) {
    const json = model.toJSON() as { apiVersion: string; kind: string; metadata: { name: string } };
    super(scope, `${json.kind}-${json.metadata.name}`, json);
    this.model = model;
    this.fileName = options.fileName;
    this.node.addValidation({ validate: () => validationMessages(model) });
  }
}
