import type { Rule } from "../../../rule.ts";
import { labelSelector } from "./label-selector.rule.ts";
import { metadataAnnotations } from "./metadata-annotations.rule.ts";
import { metadataLabels } from "./metadata-labels.rule.ts";
import { metadataName } from "./metadata-name.rule.ts";

/** The rules of `rules/apiserver/meta/`, in the order they run. */
export const APISERVER_META_RULES: readonly Rule[] = [metadataName, metadataLabels, metadataAnnotations, labelSelector];
