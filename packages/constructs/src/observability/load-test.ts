import { DEFAULT_LOAD_TEST_IMAGE, type ResolvedEnvironment, type ResolvedService } from "@cloudlab/model";
import { CronJob } from "kubernetes-models/batch/v1/CronJob";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { MANAGED_BY, TEAM_LABEL } from "../labels.ts";

/** The validate gate's waiver annotation of its `image-tag-pinned` policy (a reason is required). */
export const IMAGE_TAG_WAIVER = "cloudlab.io/allow-image-tag-pinned";

/** Why the default load-test image may use `latest`. */
export const DEFAULT_IMAGE_WAIVER_REASON = "the default hey image is published only as latest; set observability.loadTest.image to a pinned mirror";

/** The user the `hey` container runs as (a static binary: any non-root user). */
const LOAD_TEST_USER = 65532;
/** Time a run gets beyond its duration before Kubernetes stops it. */
const DEADLINE_MARGIN_SECONDS = 300;

/** The load test of an edge service: `loadtest-<service>`. */
export function loadTestName(service: ResolvedService): string {
  return `loadtest-${service.name}`;
}

/** What the load test requests: the edge service's first host name that is not a wildcard, at its path prefix. */
export function loadTestUrl(service: ResolvedService): string | undefined {
  const host = service.ingress?.hosts.find((h) => !h.startsWith("*."));
  return host === undefined ? undefined : `https://${host}${service.ingress!.pathPrefix}`;
}

/** Labels of the load test's objects and pods: its own name (never the service's, whose Service would select it). */
function loadTestLabels(service: ResolvedService): Record<string, string> {
  return {
    "app.kubernetes.io/name": loadTestName(service),
    "app.kubernetes.io/component": "load-test",
    "app.kubernetes.io/part-of": service.tenant,
    ...MANAGED_BY,
    [TEAM_LABEL]: service.team,
  };
}

function enabledFor(service: ResolvedService, environment: ResolvedEnvironment): boolean {
  return environment.observability.loadTest !== undefined && loadTestUrl(service) !== undefined;
}

/**
 * The source document's load test for an edge service, when the environment enables it: `hey` with 100 concurrent
 * users for 5 minutes against the service's public URL, from the service's namespace, through the load balancer,
 * the ingress gateway and the mesh like real users. A template: the CronJob is suspended and never runs by itself;
 * each run is `kubectl -n <tenant> create job --from=cronjob/loadtest-<service> loadtest-<service>-<n>` (a plain
 * Job would run on every sync and could not change once created). The pod has no sidecar (it is a client from
 * outside the mesh, and a sidecar would keep the Job from completing) and meets Pod Security "restricted".
 * `undefined` when the environment has no load test or the service no ingress host.
 */
export function buildLoadTestCronJob(service: ResolvedService, environment: ResolvedEnvironment): CronJob | undefined {
  const settings = environment.observability.loadTest;
  const url = loadTestUrl(service);
  if (settings === undefined || url === undefined) return undefined;
  const labels = loadTestLabels(service);
  return new CronJob({
    metadata: {
      name: loadTestName(service),
      namespace: service.tenant,
      labels,
      ...(settings.image === DEFAULT_LOAD_TEST_IMAGE ? { annotations: { [IMAGE_TAG_WAIVER]: DEFAULT_IMAGE_WAIVER_REASON } } : {}),
    },
    spec: {
      suspend: true,
      // Never reached while suspended; a valid schedule is required.
      schedule: "0 0 1 1 *",
      concurrencyPolicy: "Forbid",
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 3,
      jobTemplate: {
        metadata: { labels },
        spec: {
          backoffLimit: 0,
          activeDeadlineSeconds: settings.durationMinutes * 60 + DEADLINE_MARGIN_SECONDS,
          ttlSecondsAfterFinished: 86_400,
          template: {
            metadata: { labels: { ...labels, "sidecar.istio.io/inject": "false" } },
            spec: {
              restartPolicy: "Never",
              automountServiceAccountToken: false,
              enableServiceLinks: false,
              securityContext: {
                runAsNonRoot: true,
                runAsUser: LOAD_TEST_USER,
                runAsGroup: LOAD_TEST_USER,
                seccompProfile: { type: "RuntimeDefault" },
              },
              containers: [
                {
                  name: "hey",
                  image: settings.image,
                  args: ["-z", `${settings.durationMinutes}m`, "-c", String(settings.concurrency), url],
                  resources: { requests: { cpu: "500m", memory: "128Mi" }, limits: { cpu: "1", memory: "256Mi" } },
                  securityContext: {
                    allowPrivilegeEscalation: false,
                    privileged: false,
                    readOnlyRootFilesystem: true,
                    runAsNonRoot: true,
                    capabilities: { drop: ["ALL"] },
                  },
                },
              ],
            },
          },
        },
      },
    },
  });
}

/**
 * Lets the load test's pods reach the public load balancer on 443 (`loadtest-<service>`): the tenant denies all
 * egress by default, and the test goes out and back in through the ingress like real users. DNS is already allowed
 * for every pod of the tenant.
 */
export function buildLoadTestNetworkPolicy(service: ResolvedService, environment: ResolvedEnvironment): NetworkPolicy | undefined {
  if (!enabledFor(service, environment)) return undefined;
  return new NetworkPolicy({
    metadata: { name: loadTestName(service), namespace: service.tenant, labels: loadTestLabels(service) },
    spec: {
      podSelector: { matchLabels: { "app.kubernetes.io/name": loadTestName(service) } },
      policyTypes: ["Egress"],
      egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }], ports: [{ protocol: "TCP", port: 443 }] }],
    },
  });
}
