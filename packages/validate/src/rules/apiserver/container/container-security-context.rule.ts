import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { inclusiveRangeError, invalid, isDns1123Subdomain } from "../../../support/apiserver-validation.ts";
import { containersOf, POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asArray, asObject, type PlainObject } from "../../../support/values.ts";

const MAX_ID = 2147483647;
const MAX_GMSA_SPEC_KIB = 64;
const NETBIOS_DOMAIN = /^[^\\/:*?"<>|.][^\\/:*?"<>|]{0,14}$/;
const DNS_LABEL = "[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?";
const DNS_DOMAIN = new RegExp(`^${DNS_LABEL}(?:\\.${DNS_LABEL})*$`);

/** The problems with a Windows `runAsUserName` (`DOMAIN\USER`), in the apiserver's order. */
function runAsUserNameErrors(name: string): string[] {
  if (name.length === 0) return ["runAsUserName cannot be an empty string"];
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(name)) return ["runAsUserName cannot contain control characters"];
  const parts = name.split("\\");
  if (parts.length > 2) return ["runAsUserName cannot contain more than one backslash"];
  const [domain, user] = parts.length === 1 ? ["", parts[0]!] : [parts[0]!, parts[1]!];
  const errors: string[] = [];
  if (domain.length >= 256) errors.push("runAsUserName's Domain length must be under 256 characters");
  if (parts.length === 2 && !(NETBIOS_DOMAIN.test(domain) || DNS_DOMAIN.test(domain))) errors.push("runAsUserName's Domain doesn't match the NetBios nor the DNS format");
  if (user.length === 0) errors.push("runAsUserName's User cannot be empty");
  else if (user.length > 104) errors.push("runAsUserName's User length must not be longer than 104 characters");
  if (/^[. ]+$/.test(user)) errors.push("runAsUserName's User cannot contain only periods or spaces");
  if (/["/\\:;|=,+*?<>@[\]]/.test(user)) errors.push('runAsUserName\'s User cannot contain the following characters: "/\\:;|=,+*?<>@[]');
  return errors;
}

function windowsOptionsProblems(options: PlainObject, where: FieldPath, problems: RuleProblem[]): void {
  const specName = options.gmsaCredentialSpecName;
  if (typeof specName === "string") {
    for (const message of isDns1123Subdomain(specName)) problems.push({ path: [...where, "gmsaCredentialSpecName"], message: invalid(specName, message) });
  }
  const spec = options.gmsaCredentialSpec;
  if (spec === "") problems.push({ path: [...where, "gmsaCredentialSpec"], message: invalid(spec, "gmsaCredentialSpec cannot be an empty string") });
  else if (typeof spec === "string" && new TextEncoder().encode(spec).length > MAX_GMSA_SPEC_KIB * 1024) {
    problems.push({ path: [...where, "gmsaCredentialSpec"], message: invalid(spec, `gmsaCredentialSpec size must be under ${MAX_GMSA_SPEC_KIB} KiB`) });
  }
  const userName = options.runAsUserName;
  if (typeof userName === "string") for (const message of runAsUserNameErrors(userName)) problems.push({ path: [...where, "runAsUserName"], message: invalid(userName, message) });
}

/**
 * A container's security context is consistent: user and group IDs are 0–2147483647; a container that may not
 * escalate privileges is neither privileged nor granted CAP_SYS_ADMIN; Windows options are well-formed. (seccomp:
 * `container-seccomp`; `procMount` is reset to Default while the ProcMountType gate is off.) The apiserver prints
 * the whole security context as the invalid value; the rule prints it as JSON.
 */
export const containerSecurityContext: ObjectRule = {
  id: "container-security-context",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Container runAsUser and runAsGroup are 0–2147483647, and allowPrivilegeEscalation false goes with neither privileged nor CAP_SYS_ADMIN.",
  upstreamMessage: "spec.containers[0].securityContext: Invalid value: …: cannot set `allowPrivilegeEscalation` to false and `privileged` to true",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const { path, container } of containersOf(pod.spec, pod.path, ["containers", "initContainers", "ephemeralContainers"])) {
      const context = asObject(container.securityContext);
      if (context === undefined) continue;
      const where = [...path, "securityContext"];
      for (const field of ["runAsUser", "runAsGroup"]) {
        const id = context[field];
        if (typeof id === "number" && (id < 0 || id > MAX_ID)) problems.push({ path: [...where, field], message: invalid(id, inclusiveRangeError(0, MAX_ID)) });
      }
      if (context.allowPrivilegeEscalation === false) {
        if (context.privileged === true) problems.push({ path: where, message: invalid(context, "cannot set `allowPrivilegeEscalation` to false and `privileged` to true") });
        for (const capability of asArray(asObject(context.capabilities)?.add)) {
          if (capability === "CAP_SYS_ADMIN") problems.push({ path: where, message: invalid(context, "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN") });
        }
      }
      const windows = asObject(context.windowsOptions);
      if (windows !== undefined) windowsOptionsProblems(windows, [...where, "windowsOptions"], problems);
    }
    return problems;
  },
};
