import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { inclusiveRangeError, invalid, isDns1123Subdomain } from "../../../support/apiserver-validation.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asArray, asObject, asString, type PlainObject } from "../../../support/values.ts";

const MAX_ID = 2147483647;
const ID_RANGE = inclusiveRangeError(0, MAX_ID);
const MAX_GMSA_SPEC_KIB = 64;
const MAX_DOMAIN_LENGTH = 256;
const MAX_USER_LENGTH = 104;
const CONTROL = /[\x00-\x1f\x7f]/;
const NETBIOS = /^[^\\/:*?"<>|.][^\\/:*?"<>|]{0,14}$/;
const DNS_DOMAIN = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const USER_CHARS = /["/\\:;|=,+*?<>@[\]]/;
const DOTS_SPACES = /^[. ]+$/;

function idRange(value: unknown, path: FieldPath): RuleProblem[] {
  return typeof value === "number" && (value < 0 || value > MAX_ID) ? [{ path, message: invalid(value, ID_RANGE) }] : [];
}

/** validateWindowsSecurityContextOptions: GMSA credential spec name and content, and the run-as user name. */
function windowsOptionsProblems(options: PlainObject, path: FieldPath): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const specName = asString(options.gmsaCredentialSpecName);
  if (specName !== undefined) for (const message of isDns1123Subdomain(specName)) problems.push({ path: [...path, "gmsaCredentialSpecName"], message: invalid(specName, message) });
  const spec = asString(options.gmsaCredentialSpec);
  if (spec === "") problems.push({ path: [...path, "gmsaCredentialSpec"], message: invalid(spec, "gmsaCredentialSpec cannot be an empty string") });
  else if (spec !== undefined && new TextEncoder().encode(spec).length > MAX_GMSA_SPEC_KIB * 1024) {
    problems.push({ path: [...path, "gmsaCredentialSpec"], message: invalid(spec, `gmsaCredentialSpec size must be under ${MAX_GMSA_SPEC_KIB} KiB`) });
  }
  const userName = asString(options.runAsUserName);
  if (userName === undefined) return problems;
  const userPath = [...path, "runAsUserName"];
  const fail = (detail: string) => problems.push({ path: userPath, message: invalid(userName, detail) });
  if (userName === "") fail("runAsUserName cannot be an empty string");
  else if (CONTROL.test(userName)) fail("runAsUserName cannot contain control characters");
  else if (userName.split("\\").length > 2) fail("runAsUserName cannot contain more than one backslash");
  else {
    const parts = userName.split("\\");
    const domain = parts.length === 2 ? parts[0]! : "";
    const user = parts.length === 2 ? parts[1]! : parts[0]!;
    if (domain.length >= MAX_DOMAIN_LENGTH) fail(`runAsUserName's Domain length must be under ${MAX_DOMAIN_LENGTH} characters`);
    if (parts.length === 2 && !(NETBIOS.test(domain) || DNS_DOMAIN.test(domain))) fail("runAsUserName's Domain doesn't match the NetBios nor the DNS format");
    if (user.length === 0) fail("runAsUserName's User cannot be empty");
    else if (user.length > MAX_USER_LENGTH) fail(`runAsUserName's User length must not be longer than ${MAX_USER_LENGTH} characters`);
    if (DOTS_SPACES.test(user)) fail("runAsUserName's User cannot contain only periods or spaces");
    if (USER_CHARS.test(user)) fail('runAsUserName\'s User cannot contain the following characters: "/\\:;|=,+*?<>@[]');
  }
  return problems;
}

/**
 * validatePodSpecSecurityContext (its numeric and Windows parts): runAsUser, runAsGroup, fsGroup and each
 * supplemental group between 0 and 2147483647; shareProcessNamespace not with hostPID (the apiserver reports it at
 * `securityContext.shareProcessNamespace`, where its internal type keeps it); valid Windows GMSA and user names.
 * Sysctls and seccomp profiles are `pod-sysctls` and `pod-seccomp-profile`.
 */
export const podSecurityContext: ObjectRule = {
  id: "pod-security-context",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A pod's runAsUser, runAsGroup, fsGroup and supplementalGroups are 0 to 2147483647, shareProcessNamespace is not combined with hostPID, and its windowsOptions are valid.",
  upstreamMessage: "spec.template.spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const context = asObject(pod.spec.securityContext) ?? {};
    const path = [...pod.path, "securityContext"];
    const problems = [...idRange(context.fsGroup, [...path, "fsGroup"]), ...idRange(context.runAsUser, [...path, "runAsUser"]), ...idRange(context.runAsGroup, [...path, "runAsGroup"])];
    asArray(context.supplementalGroups).forEach((group, index) => problems.push(...idRange(group, [...path, "supplementalGroups", index])));
    if (pod.spec.shareProcessNamespace === true && pod.spec.hostPID === true) {
      problems.push({ path: [...path, "shareProcessNamespace"], message: invalid(true, "ShareProcessNamespace and HostPID cannot both be enabled") });
    }
    const windows = asObject(context.windowsOptions);
    if (windows !== undefined) problems.push(...windowsOptionsProblems(windows, [...path, "windowsOptions"]));
    return problems;
  },
};
