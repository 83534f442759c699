import { App } from "cdk8s";
import { describe, expect, it } from "vitest";
import { EnvironmentChart, INFRA_FOLDER, infraObjects, KubeObject, ResourceGroup } from "../../src/index.ts";
import { modelOf } from "../fixtures.ts";
import { documentOf, EKS_ENVIRONMENTS, gkeModel } from "./helpers.ts";

function kindsIn(objects: ReturnType<typeof infraObjects>): string[] {
  return objects.map((o) => `${documentOf(o).kind}/${documentOf(o).metadata.name}`);
}

describe("infraObjects", () => {
  it("is the eksctl ClusterConfig on EKS, and in the DR environment the Restore templates after it", () => {
    expect(kindsIn(infraObjects(modelOf("dev")))).toEqual(["ClusterConfig/dev-us-west-2"]);
    expect(kindsIn(infraObjects(modelOf("prod-us-west-2")))).toEqual(["ClusterConfig/prod-us-west-2"]);
    expect(kindsIn(infraObjects(modelOf("prod-us-east-1")))).toEqual(["ClusterConfig/prod-us-east-1", "Restore/shop-from-prod-us-west-2"]);
  });

  it("is a Config Connector cluster and node pool on GKE", () => {
    expect(kindsIn(infraObjects(gkeModel("prod-us-central1")))).toEqual(["ContainerCluster/prod-us-central1", "ContainerNodePool/prod-us-central1-workers"]);
    expect(kindsIn(infraObjects(gkeModel("prod-us-east4")))).toEqual([
      "ContainerCluster/prod-us-east4",
      "ContainerNodePool/prod-us-east4-workers",
      "Restore/shop-from-prod-us-central1",
    ]);
  });
});

describe("InfraResources in the environment chart", () => {
  it("puts the cluster definition and restores into _infra/, attributed to the environment's file", () => {
    for (const environment of EKS_ENVIRONMENTS) {
      const model = modelOf(environment);
      const chart = new EnvironmentChart(new App(), environment, { model });
      const infra = chart.node.findAll().filter((c): c is KubeObject => c instanceof KubeObject && ResourceGroup.of(c)?.folder === INFRA_FOLDER);
      expect(infra.map((o) => (o.toJson() as { kind: string }).kind).sort(), environment).toEqual(
        environment === "prod-us-east-1" ? ["ClusterConfig", "Restore"] : ["ClusterConfig"],
      );
      expect(new Set(infra.map((o) => ResourceGroup.of(o)!.sourceFile))).toEqual(new Set([model.environment.file]));
    }
    expect(INFRA_FOLDER).toBe("_infra");
  });
});
