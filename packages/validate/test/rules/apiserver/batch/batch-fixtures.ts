import { podSpec, tweak, type Json } from "../../../fixtures.ts";

/** A Job `migrate` in namespace `shop`, restartPolicy Never. */
export function job(change?: (j: Json) => void): Json {
  return tweak(
    {
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: { name: "migrate", namespace: "shop" },
      spec: { backoffLimit: 2, template: { metadata: { labels: { app: "migrate" } }, spec: { ...podSpec(), restartPolicy: "Never" } } },
    },
    change,
  );
}

/** A CronJob `report` in namespace `shop`, every night at 02:00. */
export function cronJob(change?: (c: Json) => void): Json {
  return tweak(
    {
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: { name: "report", namespace: "shop" },
      spec: {
        schedule: "0 2 * * *",
        jobTemplate: { spec: { template: { metadata: { labels: { app: "report" } }, spec: { ...podSpec(), restartPolicy: "OnFailure" } } } },
      },
    },
    change,
  );
}
