import type { Rule } from "../../../rule.ts";
import { serviceNodePort } from "./service-node-port.rule.ts";
import { servicePortNames } from "./service-port-names.rule.ts";

/** The rules of `rules/apiserver/core/`, in the order they run. */
export const APISERVER_CORE_RULES: readonly Rule[] = [servicePortNames, serviceNodePort];
