import type { Rule } from "../../rule.ts";
import { externalServiceEntryScoped } from "./external-service-entry-scoped.rule.ts";
import { imageTagPinned } from "./image-tag-pinned.rule.ts";
import { mtlsNeverRelaxed } from "./mtls-never-relaxed.rule.ts";
import { namespacePodSecurity } from "./namespace-pod-security.rule.ts";
import { noSecretData } from "./no-secret-data.rule.ts";
import { outboundRegistryOnly } from "./outbound-registry-only.rule.ts";
import { podSecurityRestricted } from "./pod-security-restricted.rule.ts";
import { probesRequired } from "./probes-required.rule.ts";
import { rbacNoWildcard } from "./rbac-no-wildcard.rule.ts";
import { resourcesRequired } from "./resources-required.rule.ts";

/** The rules of `rules/policy/`, in the order they run. */
export const POLICY_RULES: readonly Rule[] = [podSecurityRestricted, namespacePodSecurity, resourcesRequired, probesRequired, imageTagPinned, noSecretData, mtlsNeverRelaxed, rbacNoWildcard, outboundRegistryOnly, externalServiceEntryScoped];
