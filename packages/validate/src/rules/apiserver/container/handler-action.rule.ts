import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, required } from "../../../support/apiserver-validation.ts";
import { probedContainersOf } from "../../../support/container-validation.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { handlersOf, handlerTypesSet } from "../../../support/probes.ts";
import { asArray, asObject } from "../../../support/values.ts";

const HTTP_HEADER_NAME_FMT = "[-A-Za-z0-9]+";
const HTTP_HEADER_NAME = new RegExp(`^${HTTP_HEADER_NAME_FMT}$`);
const HTTP_HEADER_NAME_ERROR = `a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '${HTTP_HEADER_NAME_FMT}')`;

/**
 * The action of a probe or lifecycle hook is complete: an `exec` action has a command, and an `httpGet` action's
 * header names are HTTP tokens of letters, digits and '-'. (Ports: `port-range`, `container-port-name`; an empty
 * httpGet path or scheme is defaulted to `/` and `HTTP`.) The apiserver reports a bad header at `httpHeaders`, without
 * the header's index.
 */
export const handlerAction: ObjectRule = {
  id: "handler-action",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Probe and lifecycle hook exec actions set a command, and httpGet header names consist of letters, digits and '-'.",
  upstreamMessage: "spec.containers[0].livenessProbe.exec.command: Required value",
  kinds: POD_SPEC_KINDS,
  check(object, context) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const { path, container } of probedContainersOf(pod.spec, pod.path, context.versions)) {
      for (const { path: handlerPath, handler, field } of handlersOf(container, path)) {
        // Only the first handler is validated when several are set (probe-handler reports the others).
        const first = handlerTypesSet(handler, field)[0];
        const exec = first === "exec" ? asObject(handler.exec) : undefined;
        if (exec !== undefined && asArray(exec.command).length === 0) problems.push({ path: [...handlerPath, "exec", "command"], message: required() });
        const httpGet = first === "httpGet" ? asObject(handler.httpGet) : undefined;
        for (const header of asArray(httpGet?.httpHeaders)) {
          const name = asObject(header)?.name ?? "";
          if (typeof name === "string" && !HTTP_HEADER_NAME.test(name)) problems.push({ path: [...handlerPath, "httpGet", "httpHeaders"], message: invalid(name, HTTP_HEADER_NAME_ERROR) });
        }
      }
    }
    return problems;
  },
};
