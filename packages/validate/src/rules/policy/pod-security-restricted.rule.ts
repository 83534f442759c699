import type { FieldPath } from "../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../rule.ts";
import { containersOf, POD_SPEC_KINDS, podSpecOf, podTemplatePath } from "../../support/pod-spec.ts";
import { asArray, asObject, asString, at, type PlainObject } from "../../support/values.ts";

/** Volume types the restricted profile allows. */
const RESTRICTED_VOLUMES = new Set(["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"]);
/** Sysctls the baseline profile allows. */
const SAFE_SYSCTLS = new Set(["kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range"]);
const SELINUX_TYPES = new Set(["", "container_t", "container_init_t", "container_kvm_t"]);

const violation = (check: string, detail: string) => `violates PodSecurity "restricted:latest": ${check} (${detail})`;

/**
 * The Pod Security Standards' restricted profile (the checks of Pod Security Admission, which the apiserver applies to
 * namespaces labelled `pod-security.kubernetes.io/enforce: restricted`): no host namespaces, ports or paths; no
 * privileged containers or privilege escalation; non-root; RuntimeDefault or Localhost seccomp; all capabilities
 * dropped (only NET_BIND_SERVICE added back); restricted volume types, sysctls, SELinux and /proc mount options.
 */
export const podSecurityRestricted: ObjectRule = {
  id: "pod-security-restricted",
  category: "policy",
  scope: "object",
  severity: "warning",
  description: "Pods and pod templates meet the Pod Security Standards' restricted profile.",
  upstreamMessage:
    'pods "web" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "web" must set securityContext.allowPrivilegeEscalation=false), …',
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    const spec = pod.spec;
    const at_ = (...path: (string | number)[]): FieldPath => [...pod.path, ...path];
    const podContext = asObject(spec.securityContext) ?? {};
    for (const field of ["hostNetwork", "hostPID", "hostIPC"]) {
      if (spec[field] === true) problems.push({ path: at_(field), message: violation("host namespaces", `${field}=true`) });
    }
    asArray(spec.volumes).forEach((item, i) => {
      const volume = asObject(item) ?? {};
      const type = Object.keys(volume).find((k) => k !== "name");
      if (type !== undefined && !RESTRICTED_VOLUMES.has(type)) {
        problems.push({ path: at_("volumes", i, type), message: violation(type === "hostPath" ? "hostPath volumes" : "restricted volume types", `volume "${String(volume.name)}" uses ${type}`) });
      }
    });
    asArray(podContext.sysctls).forEach((item, i) => {
      const name = asString(asObject(item)?.name) ?? "";
      if (!SAFE_SYSCTLS.has(name)) problems.push({ path: at_("securityContext", "sysctls", i), message: violation("forbidden sysctls", name) });
    });
    if (podContext.runAsUser === 0) problems.push({ path: at_("securityContext", "runAsUser"), message: violation("runAsUser=0", "pod must not set runAsUser=0") });
    checkSeLinux(podContext, at_("securityContext"), "pod", problems);
    const seccompType = (context: PlainObject) => asString(at(context, "seccompProfile", "type"));
    if (seccompType(podContext) === "Unconfined") problems.push({ path: at_("securityContext", "seccompProfile", "type"), message: violation("seccompProfile", 'pod must not set securityContext.seccompProfile.type to "Unconfined"') });
    const annotations = asObject(at(object.raw, ...(podTemplatePath(object.apiVersion, object.kind) ?? []), "metadata", "annotations")) ?? {};
    for (const [key, value] of Object.entries(annotations)) {
      if (key.startsWith("container.apparmor.security.beta.kubernetes.io/") && typeof value === "string" && value !== "runtime/default" && !value.startsWith("localhost/")) {
        problems.push({ path: [...(podTemplatePath(object.apiVersion, object.kind) ?? []), "metadata", "annotations"], message: violation("forbidden AppArmor profile", `${key}="${value}"`) });
      }
    }
    for (const { path, container } of containersOf(spec, pod.path)) {
      const name = String(container.name);
      const context = asObject(container.securityContext) ?? {};
      const where = (...rest: string[]) => [...path, "securityContext", ...rest];
      if (context.privileged === true) problems.push({ path: where("privileged"), message: violation("privileged", `container "${name}" must not set securityContext.privileged=true`) });
      if (context.allowPrivilegeEscalation !== false) {
        problems.push({ path: where("allowPrivilegeEscalation"), message: violation("allowPrivilegeEscalation != false", `container "${name}" must set securityContext.allowPrivilegeEscalation=false`) });
      }
      const capabilities = asObject(context.capabilities) ?? {};
      if (!asArray(capabilities.drop).includes("ALL")) {
        problems.push({ path: where("capabilities", "drop"), message: violation("unrestricted capabilities", `container "${name}" must set securityContext.capabilities.drop=["ALL"]`) });
      }
      const added = asArray(capabilities.add).filter((c) => c !== "NET_BIND_SERVICE");
      if (added.length > 0) {
        problems.push({ path: where("capabilities", "add"), message: violation("unrestricted capabilities", `container "${name}" must not include ${added.map((c) => `"${String(c)}"`).join(", ")} in securityContext.capabilities.add`) });
      }
      if (context.runAsNonRoot !== true && podContext.runAsNonRoot !== true) {
        problems.push({ path: where("runAsNonRoot"), message: violation("runAsNonRoot != true", `pod or container "${name}" must set securityContext.runAsNonRoot=true`) });
      }
      if (context.runAsNonRoot === false) problems.push({ path: where("runAsNonRoot"), message: violation("runAsNonRoot != true", `container "${name}" must not set securityContext.runAsNonRoot=false`) });
      if (context.runAsUser === 0) problems.push({ path: where("runAsUser"), message: violation("runAsUser=0", `container "${name}" must not set runAsUser=0`) });
      const seccomp = seccompType(context) ?? seccompType(podContext);
      if (seccomp !== "RuntimeDefault" && seccomp !== "Localhost") {
        problems.push({ path: where("seccompProfile", "type"), message: violation("seccompProfile", `pod or container "${name}" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`) });
      }
      if (context.procMount !== undefined && context.procMount !== "Default") {
        problems.push({ path: where("procMount"), message: violation("procMount", `container "${name}" must not set securityContext.procMount to "${String(context.procMount)}"`) });
      }
      if (at(context, "windowsOptions", "hostProcess") === true) problems.push({ path: where("windowsOptions", "hostProcess"), message: violation("hostProcess", `container "${name}" must not set hostProcess=true`) });
      checkSeLinux(context, [...path, "securityContext"], `container "${name}"`, problems);
      asArray(container.ports).forEach((item, i) => {
        const hostPort = asObject(item)?.hostPort;
        if (typeof hostPort === "number" && hostPort !== 0) problems.push({ path: [...path, "ports", i, "hostPort"], message: violation("hostPort", `container "${name}" uses hostPort ${hostPort}`) });
      });
    }
    return problems;
  },
};

function checkSeLinux(context: PlainObject, path: FieldPath, who: string, problems: RuleProblem[]): void {
  const options = asObject(context.seLinuxOptions);
  if (options === undefined) return;
  if (!SELINUX_TYPES.has(asString(options.type) ?? "")) problems.push({ path: [...path, "seLinuxOptions", "type"], message: violation("seLinuxOptions", `${who} set forbidden securityContext.seLinuxOptions: type "${String(options.type)}"`) });
  for (const field of ["user", "role"]) {
    if (typeof options[field] === "string" && options[field] !== "") {
      problems.push({ path: [...path, "seLinuxOptions", field], message: violation("seLinuxOptions", `${who} set forbidden securityContext.seLinuxOptions: ${field} "${String(options[field])}"`) });
    }
  }
}
