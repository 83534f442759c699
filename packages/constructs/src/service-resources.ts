import type { ResolvedService } from "@cloudlab/model";
import type { Construct } from "constructs";
import { KubeObject } from "./kube-object.ts";
import { buildDeployment } from "./objects/deployment.ts";
import { buildHorizontalPodAutoscaler } from "./objects/horizontal-pod-autoscaler.ts";
import { buildHeadlessService, buildService } from "./objects/kube-service.ts";
import { buildServiceAccount } from "./objects/service-account.ts";
import { buildStatefulSet } from "./objects/stateful-set.ts";
import { ResourceGroup } from "./resource-group.ts";

/** Props of {@link ServiceResources}. */
export interface ServiceResourcesProps {
  /** The service as it runs in this environment. */
  readonly service: ResolvedService;
}

/** Every object of one service in one environment, rendered into `<tenant>/<service>/`. */
export class ServiceResources extends ResourceGroup {
  public constructor(scope: Construct, id: string, props: ServiceResourcesProps) {
    const service = props.service;
    super(scope, id, `${service.tenant}/${service.name}`, service.file);
    new KubeObject(this, buildServiceAccount(service));
    if (service.workload === "stateful") {
      new KubeObject(this, buildStatefulSet(service));
      new KubeObject(this, buildHeadlessService(service));
    } else {
      new KubeObject(this, buildDeployment(service));
    }
    if (service.ports.length > 0) new KubeObject(this, buildService(service));
    const hpa = buildHorizontalPodAutoscaler(service);
    if (hpa !== undefined) new KubeObject(this, hpa);
  }
}
