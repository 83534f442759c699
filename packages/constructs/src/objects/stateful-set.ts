import type { ResolvedService, ResolvedVersion } from "@cloudlab/model";
import { StatefulSet } from "kubernetes-models/apps/v1/StatefulSet";
import { serviceLabels, versionSelector } from "../labels.ts";
import { headlessServiceName } from "./kube-service.ts";
import { buildPodTemplate } from "./pod-template.ts";
import { DATA_VOLUME } from "./writable-volumes.ts";

/** A stateful service's StatefulSet: stable identities through the headless Service, one volume claim per replica. */
export function buildStatefulSet(service: ResolvedService, version: ResolvedVersion = service.versions[0]!): StatefulSet {
  const storage = service.storage!;
  return new StatefulSet({
    metadata: { name: version.workloadName, namespace: service.tenant, labels: { ...serviceLabels(service), version: version.name } },
    spec: {
      replicas: service.scaling.kind === "fixed" ? service.scaling.replicas : service.scaling.minReplicas,
      serviceName: headlessServiceName(service),
      podManagementPolicy: "OrderedReady",
      updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 0 } },
      revisionHistoryLimit: 5,
      selector: { matchLabels: versionSelector(service, version.name) },
      template: buildPodTemplate(service, version),
      volumeClaimTemplates: [
        {
          metadata: { name: DATA_VOLUME, labels: serviceLabels(service) },
          spec: {
            accessModes: ["ReadWriteOnce"],
            storageClassName: storage.storageClass,
            resources: { requests: { storage: storage.size } },
          },
        },
      ],
    },
  });
}
