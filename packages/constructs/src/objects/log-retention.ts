import type { ResolvedEnvironment } from "@cloudlab/model";
import { CronJob } from "kubernetes-models/batch/v1/CronJob";
import { logRetentionDays } from "../delivery/addons.ts";
import { PLATFORM_LABELS } from "./ingress-gateway.ts";

/** The Elasticsearch endpoint Fluent Bit writes to and Jaeger stores traces in. */
export const ELASTICSEARCH_URL = "http://elasticsearch-master.logging.svc.cluster.local:9200";

/**
 * Deletes daily log indices (`logs-YYYY.MM.DD`, written by Fluent Bit) older than the stage's retention: 90 days in
 * prod, 30 elsewhere. Runs daily as a restricted pod; the only thing it talks to is Elasticsearch.
 */
export function buildLogRetentionCronJob(environment: ResolvedEnvironment): CronJob {
  const days = logRetentionDays(environment);
  const script = [
    "set -eu",
    `cutoff=$(date -u -d "@$(( $(date +%s) - ${days} * 86400 ))" +%Y.%m.%d)`,
    `for index in $(curl -sf "${ELASTICSEARCH_URL}/_cat/indices/logs-*?h=index"); do`,
    '  day=${index#logs-}',
    `  if [ "$day" \\< "$cutoff" ]; then curl -sf -X DELETE "${ELASTICSEARCH_URL}/$index"; fi`,
    "done",
  ].join("\n");
  return new CronJob({
    metadata: { name: "log-retention", namespace: "logging", labels: { ...PLATFORM_LABELS, "app.kubernetes.io/name": "log-retention" } },
    spec: {
      schedule: "15 1 * * *",
      concurrencyPolicy: "Forbid",
      successfulJobsHistoryLimit: 1,
      failedJobsHistoryLimit: 3,
      jobTemplate: {
        spec: {
          backoffLimit: 2,
          template: {
            metadata: { labels: { "app.kubernetes.io/name": "log-retention" } },
            spec: {
              restartPolicy: "OnFailure",
              automountServiceAccountToken: false,
              securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, seccompProfile: { type: "RuntimeDefault" } },
              containers: [
                {
                  name: "prune",
                  image: "curlimages/curl:8.5.0",
                  command: ["/bin/sh", "-c", script],
                  env: [{ name: "RETENTION_DAYS", value: String(days) }],
                  resources: { requests: { cpu: "10m", memory: "16Mi" }, limits: { cpu: "100m", memory: "64Mi" } },
                  securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ["ALL"] } },
                },
              ],
            },
          },
        },
      },
    },
  });
}
