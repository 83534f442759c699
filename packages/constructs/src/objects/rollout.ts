import type { ResolvedEnvironment, ResolvedService, ResolvedVersion } from "@cloudlab/model";
import { Rollout } from "@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout";
import { buildPodTemplate } from "./pod-template.ts";
import { analysisTemplateName, CANARY_SUBSET, CANONICAL_REVISION_LABEL, imageRevision, previewServiceName, REVISION_ARG, STABLE_SUBSET } from "./rollout-names.ts";
import { statelessWorkloadBase } from "./stateless-workload.ts";
import { DEFAULT_ROUTE, defaultRouteNames, ingressVirtualServiceName } from "./virtual-service.ts";

type RolloutSpec = ConstructorParameters<typeof Rollout>[0] extends infer P ? (P extends { spec?: infer S } ? NonNullable<S> : never) : never;
type Strategy = NonNullable<RolloutSpec["strategy"]>;
type PodTemplate = NonNullable<RolloutSpec["template"]>;

/** Seconds the old pods of a blue-green keep running after the switch, so an abort can switch straight back. */
export const BLUE_GREEN_SCALE_DOWN_DELAY_SECONDS = 300;

/**
 * The canary's steps: each share of requests in turn, every step below 100 % held for the pause. The analysis runs
 * in the background from the first pause (once the canary has traffic) to the last step, and aborts the release
 * when it fails.
 */
function canaryStrategy(service: ResolvedService, environment: ResolvedEnvironment | undefined, version: ResolvedVersion): Strategy {
  const delivery = service.delivery;
  if (delivery.strategy !== "canary") throw new Error(`${service.name}: not a canary`);
  const steps = delivery.steps.flatMap((weight) => (weight < 100 ? [{ setWeight: weight }, { pause: { duration: delivery.pause } }] : [{ setWeight: weight }]));
  const virtualServices = [{ name: service.name, routes: defaultRouteNames(service) }];
  if (service.ingress !== undefined && environment?.mesh.ingress.mode === "istio") virtualServices.push({ name: ingressVirtualServiceName(service), routes: [DEFAULT_ROUTE] });
  return {
    canary: {
      maxSurge: "25%",
      maxUnavailable: 0,
      trafficRouting: {
        istio: {
          virtualServices,
          destinationRule: { name: service.name, canarySubsetName: CANARY_SUBSET, stableSubsetName: STABLE_SUBSET },
        },
      },
      steps,
      ...(delivery.analysis === "slo"
        ? { analysis: { templates: [{ templateName: analysisTemplateName(service) }], args: revisionArgs(version), startingStep: 1 } }
        : {}),
    },
  };
}

/**
 * A blue-green: the new pods start behind the preview Service, the active Service switches to them when promoted
 * (by a person unless `autoPromote`), and the analysis judges them on live traffic after the switch; the old pods
 * stay up for {@link BLUE_GREEN_SCALE_DOWN_DELAY_SECONDS} so an abort switches straight back.
 */
function blueGreenStrategy(service: ResolvedService, version: ResolvedVersion): Strategy {
  const delivery = service.delivery;
  if (delivery.strategy !== "blue-green") throw new Error(`${service.name}: not a blue-green`);
  return {
    blueGreen: {
      activeService: service.name,
      previewService: previewServiceName(service),
      autoPromotionEnabled: delivery.autoPromote,
      scaleDownDelaySeconds: BLUE_GREEN_SCALE_DOWN_DELAY_SECONDS,
      ...(delivery.analysis === "slo"
        ? { postPromotionAnalysis: { templates: [{ templateName: analysisTemplateName(service) }], args: revisionArgs(version) } }
        : {}),
    },
  };
}

function revisionArgs(version: ResolvedVersion): { name: string; value: string }[] {
  return [{ name: REVISION_ARG, value: imageRevision(version.image) }];
}

/**
 * The Argo Rollout of a canary or blue-green service, in place of its Deployment: the same selector, pod template
 * (probes, spread, Pod Security "restricted" context), revision history and replica ownership (an autoscaled
 * Rollout has no `replicas`: its HPA owns the count), plus the pods' canonical revision, which the analysis tells
 * the new pods from the old by. `undefined` for a service delivered by weights.
 */
export function buildRollout(service: ResolvedService, environment?: ResolvedEnvironment, version: ResolvedVersion = service.versions[0]!): Rollout | undefined {
  const strategy = service.delivery.strategy;
  if (strategy === "weights") return undefined;
  const template = buildPodTemplate(service, version);
  const { metadata, spec } = statelessWorkloadBase(service, version);
  return new Rollout({
    metadata,
    spec: {
      ...spec,
      strategy: strategy === "canary" ? canaryStrategy(service, environment, version) : blueGreenStrategy(service, version),
      template: {
        ...template,
        metadata: { ...template.metadata, labels: { ...template.metadata?.labels, [CANONICAL_REVISION_LABEL]: imageRevision(version.image) } },
      } as PodTemplate,
    },
  });
}
