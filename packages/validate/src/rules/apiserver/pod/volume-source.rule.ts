import type { FieldPath } from "../../../field-path.ts";
import { key } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { forbidden, inclusiveRangeError, invalid, isDns1123Label, isDns1123Subdomain, notSupported, required } from "../../../support/apiserver-validation.ts";
import { goStrings } from "../../../support/core-values.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { isEmpty, validateLocalDescendingPath, validatePathNoBacksteps, VOLUME_SOURCES } from "../../../support/pod-validation.ts";
import { compareQuantities } from "../../../support/quantity.ts";
import { asArray, asObject, asString, isSet, type PlainObject } from "../../../support/values.ts";

type SourceCheck = (source: PlainObject, path: FieldPath, volume: PlainObject, volumePath: FieldPath) => RuleProblem[];

const PARTITION_MESSAGE = inclusiveRangeError(1, 255);
const IQN = /iqn\.\d{4}-\d{2}\.([A-Za-z0-9\-.]+)(:[^,;*&$|\s]+)$/;
const EUI = /^eui.[A-Za-z0-9]{16}$/;
const NAA = /^naa.[A-Za-z0-9]{32}$/;

/** `Required value` at `path` when the field is missing or empty. */
function requireField(source: PlainObject, field: string, path: FieldPath, detail = ""): RuleProblem[] {
  return isEmpty(source[field]) ? [{ path: [...path, field], message: required(detail) }] : [];
}

function requireAll(source: PlainObject, path: FieldPath, ...fields: string[]): RuleProblem[] {
  return fields.flatMap((field) => requireField(source, field, path));
}

function partition(source: PlainObject, path: FieldPath): RuleProblem[] {
  const value = source.partition;
  return typeof value === "number" && (value < 0 || value > 255) ? [{ path: [...path, "partition"], message: invalid(value, PARTITION_MESSAGE) }] : [];
}

/** The iSCSI qualified-name checks shared by `iqn` and `initiatorName`. */
function iscsiName(value: string, path: FieldPath, prefixMessage: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const prefixed = value.startsWith("iqn") || value.startsWith("eui") || value.startsWith("naa");
  if (!prefixed) problems.push({ path, message: invalid(value, prefixMessage) });
  if ((value.startsWith("iqn") && !IQN.test(value)) || (value.startsWith("eui") && !EUI.test(value)) || (value.startsWith("naa") && !NAA.test(value))) {
    problems.push({ path, message: invalid(value, "must be valid format") });
  }
  return problems;
}

/** Whether Go's net.SplitHostPort accepts `text` (`host:port` or `[host]:port`). */
function splitsHostPort(text: string): boolean {
  if (text.startsWith("[")) {
    const end = text.indexOf("]");
    return end > 0 && text[end + 1] === ":" && !/[[\]]/.test(text.slice(end + 1));
  }
  const colon = text.lastIndexOf(":");
  return colon >= 0 && !text.slice(0, colon).includes(":") && !/[[\]]/.test(text);
}

function secretRefName(source: PlainObject, path: FieldPath): RuleProblem[] {
  const ref = asObject(source.secretRef);
  return ref !== undefined && isEmpty(ref.name) ? [{ path: [...path, "secretRef", "name"], message: required() }] : [];
}

const AZURE_MANAGED_URI = ["/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}"];
const AZURE_BLOB_URI = ["https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd"];

const CHECKS: Readonly<Record<string, SourceCheck>> = {
  emptyDir(source, path) {
    const limit = asString(source.sizeLimit);
    return limit !== undefined && (compareQuantities(limit, "0") ?? 0) < 0
      ? [{ path: [...path, "sizeLimit"], message: forbidden("SizeLimit field must be a valid resource quantity") }]
      : [];
  },
  hostPath(source, path) {
    const value = asString(source.path) ?? "";
    if (value === "") return [{ path: [...path, "path"], message: required() }];
    return validatePathNoBacksteps(value, [...path, "path"]);
  },
  gitRepo(source, path) {
    return [...requireField(source, "repository", path), ...validateLocalDescendingPath(asString(source.directory) ?? "", [...path, "directory"])];
  },
  gcePersistentDisk(source, path) {
    // The apiserver reports this source's fields under `persistentDisk`.
    const reported = [...path.slice(0, -1), "persistentDisk"];
    return [...requireField(source, "pdName", reported), ...partition(source, reported)];
  },
  awsElasticBlockStore(source, path) {
    return [...requireField(source, "volumeID", path), ...partition(source, path)];
  },
  secret(source, path) {
    return requireField(source, "secretName", path);
  },
  nfs(source, path) {
    const problems = requireAll(source, path, "server", "path");
    const value = asString(source.path) ?? "";
    if (!value.startsWith("/")) problems.push({ path: [...path, "path"], message: invalid(value, "must be an absolute path") });
    return problems;
  },
  iscsi(source, path, volume, volumePath) {
    const problems = requireField(source, "targetPortal", path);
    const iqn = asString(source.iqn) ?? "";
    if (iqn === "") problems.push({ path: [...path, "iqn"], message: required() });
    else problems.push(...iscsiName(iqn, [...path, "iqn"], "must be valid format starting with iqn, eui, or naa"));
    const lun = source.lun;
    if (typeof lun === "number" && (lun < 0 || lun > 255)) problems.push({ path: [...path, "lun"], message: invalid(lun, inclusiveRangeError(0, 255)) });
    if ((source.chapAuthDiscovery === true || source.chapAuthSession === true) && !isSet(source.secretRef)) problems.push({ path: [...path, "secretRef"], message: required() });
    const initiator = asString(source.initiatorName);
    if (initiator !== undefined) {
      problems.push(...iscsiName(initiator, [...path, "initiatorname"], "must be valid format starting with iqn, eui, or naa"));
      const name = asString(volume.name) ?? "";
      const portal = asString(source.targetPortal) ?? "";
      if (`${name}:${portal}`.length > 64) {
        problems.push({
          path: [...volumePath, "name"],
          message: invalid(name, "Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified."),
        });
      }
    }
    return problems;
  },
  glusterfs(source, path) {
    return requireAll(source, path, "endpoints", "path");
  },
  flocker(source, path) {
    const problems: RuleProblem[] = [];
    const name = asString(source.datasetName) ?? "";
    const uuid = asString(source.datasetUUID) ?? "";
    if (name === "" && uuid === "") problems.push({ path, message: required("one of datasetName and datasetUUID is required") });
    if (name !== "" && uuid !== "") problems.push({ path, message: invalid("resource", "datasetName and datasetUUID can not be specified simultaneously") });
    if (name.includes("/")) problems.push({ path: [...path, "datasetName"], message: invalid(name, "must not contain '/'") });
    return problems;
  },
  persistentVolumeClaim(source, path) {
    return requireField(source, "claimName", path);
  },
  rbd(source, path) {
    const problems = asArray(source.monitors).length === 0 ? [{ path: [...path, "monitors"], message: required() }] : [];
    return [...problems, ...requireField(source, "image", path)];
  },
  cinder(source, path) {
    return [...requireField(source, "volumeID", path), ...secretRefName(source, path)];
  },
  cephfs(source, path) {
    return asArray(source.monitors).length === 0 ? [{ path: [...path, "monitors"], message: required() }] : [];
  },
  quobyte(source, path) {
    const problems: RuleProblem[] = [];
    const registry = asString(source.registry) ?? "";
    const pairs = "must be a host:port pair or multiple pairs separated by commas";
    if (registry === "") problems.push({ path: [...path, "registry"], message: required(pairs) });
    else if ((asString(source.tenant) ?? "").length >= 65) problems.push({ path: [...path, "tenant"], message: required("must be a UUID and may not exceed a length of 64 characters") });
    else for (const pair of registry.split(",")) if (!splitsHostPort(pair)) problems.push({ path: [...path, "registry"], message: invalid(registry, pairs) });
    return [...problems, ...requireField(source, "volume", path)];
  },
  fc(source, path) {
    const problems: RuleProblem[] = [];
    const wwns = asArray(source.targetWWNs);
    const wwids = asArray(source.wwids);
    if (wwns.length === 0 && wwids.length === 0) problems.push({ path: [...path, "targetWWNs"], message: required("must specify either targetWWNs or wwids, but not both") });
    if (wwns.length > 0 && wwids.length > 0) {
      problems.push({ path: [...path, "targetWWNs"], message: `Invalid value: ${goStrings(wwns.map(String))}: targetWWNs and wwids can not be specified simultaneously` });
    }
    if (wwns.length > 0) {
      const lun = source.lun;
      if (!isSet(lun)) problems.push({ path: [...path, "lun"], message: required("lun is required if targetWWNs is specified") });
      else if (typeof lun === "number" && (lun < 0 || lun > 255)) problems.push({ path: [...path, "lun"], message: invalid(lun, inclusiveRangeError(0, 255)) });
    }
    return problems;
  },
  flexVolume(source, path) {
    const problems = requireField(source, "driver", path);
    for (const option of Object.keys(asObject(source.options) ?? {})) {
      const slash = option.indexOf("/");
      const namespace = `.${(slash >= 0 ? option.slice(0, slash) : option).toLowerCase()}`;
      if (namespace.endsWith(".kubernetes.io") || namespace.endsWith(".k8s.io")) {
        problems.push({ path: [...path, "options", key(option)], message: invalid(option, "kubernetes.io and k8s.io namespaces are reserved") });
      }
    }
    return problems;
  },
  configMap(source, path) {
    return requireField(source, "name", path);
  },
  azureFile(source, path) {
    return requireAll(source, path, "secretName", "shareName");
  },
  vsphereVolume(source, path) {
    return requireField(source, "volumePath", path);
  },
  photonPersistentDisk(source, path) {
    return requireField(source, "pdID", path);
  },
  portworxVolume(source, path) {
    return requireField(source, "volumeID", path);
  },
  azureDisk(source, path) {
    const problems = requireAll(source, path, "diskName", "diskURI");
    const uri = asString(source.diskURI) ?? "";
    // SetDefaults_AzureDiskVolumeSource: an unset kind is Shared.
    const kind = asString(source.kind) ?? "Shared";
    if (kind === "Managed" && !uri.startsWith("/subscriptions/")) problems.push({ path: [...path, "diskURI"], message: notSupported(uri, AZURE_MANAGED_URI) });
    if (kind !== "Managed" && !uri.startsWith("https://")) problems.push({ path: [...path, "diskURI"], message: notSupported(uri, AZURE_BLOB_URI) });
    return problems;
  },
  storageos(source, path) {
    const problems: RuleProblem[] = [];
    const name = asString(source.volumeName) ?? "";
    if (name === "") problems.push({ path: [...path, "volumeName"], message: required() });
    else for (const message of isDns1123Label(name)) problems.push({ path: [...path, "volumeName"], message: invalid(name, message) });
    const namespace = asString(source.volumeNamespace) ?? "";
    if (namespace !== "") for (const message of isDns1123Label(namespace)) problems.push({ path: [...path, "volumeNamespace"], message: invalid(namespace, message) });
    return [...problems, ...secretRefName(source, path)];
  },
  scaleIO(source, path) {
    return requireAll(source, path, "gateway", "system", "volumeName");
  },
  csi(source, path) {
    const problems: RuleProblem[] = [];
    const driver = asString(source.driver) ?? "";
    if (driver === "") problems.push({ path: [...path, "driver"], message: required() });
    if (driver.length > 63) problems.push({ path: [...path, "driver"], message: "Too long: must have at most 63 bytes" });
    for (const message of isDns1123Subdomain(driver.toLowerCase())) problems.push({ path: [...path, "driver"], message: invalid(driver, message) });
    const ref = asObject(source.nodePublishSecretRef);
    if (ref !== undefined) {
      const name = asString(ref.name) ?? "";
      if (name === "") problems.push({ path: [...path, "nodePublishSecretRef", "name"], message: required() });
      // The apiserver reports an invalid secret name under `csi.name`.
      else for (const message of isDns1123Subdomain(name)) problems.push({ path: [...path, "name"], message: invalid(name, message) });
    }
    return problems;
  },
};

/**
 * A pod volume sets one volume source, and that source's own required fields and formats hold (validateVolumeSource):
 * hostPath paths without `..`, NFS absolute paths, PVC claim names, CSI driver names, iSCSI names, emptyDir size
 * limits, and the other in-tree sources' required fields. A volume with no source at all is valid: the apiserver
 * defaults it to an emptyDir. Items, modes and projections are `volume-items`; ephemeral claims `ephemeral-volume`.
 */
export const volumeSource: ObjectRule = {
  id: "volume-source",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Each pod volume sets at most one volume source, and that source's required fields and formats are valid.",
  upstreamMessage: "spec.template.spec.volumes[0].configMap: Forbidden: may not specify more than 1 volume type",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    asArray(pod.spec.volumes).forEach((item, index) => {
      const volume = asObject(item);
      if (volume === undefined) return;
      const volumePath = [...pod.path, "volumes", index];
      let count = 0;
      for (const [field, reported] of VOLUME_SOURCES) {
        const source = asObject(volume[field]);
        if (source === undefined) continue;
        if (count > 0) {
          problems.push({ path: [...volumePath, reported], message: forbidden("may not specify more than 1 volume type") });
          continue;
        }
        count++;
        problems.push(...(CHECKS[field]?.(source, [...volumePath, field], volume, volumePath) ?? []));
      }
    });
    return problems;
  },
};
