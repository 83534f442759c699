import type { Rule } from "../../../rule.ts";
import { istioAnnotationDeprecated } from "./istio-annotation-deprecated.rule.ts";
import { istioAnnotationInvalid } from "./istio-annotation-invalid.rule.ts";
import { istioAnnotationMisplaced } from "./istio-annotation-misplaced.rule.ts";
import { istioAnnotationUnknown } from "./istio-annotation-unknown.rule.ts";

/** The rules of `rules/analysis/annotations/`, in the order they run. */
export const ANALYSIS_ANNOTATIONS_RULES: readonly Rule[] = [istioAnnotationUnknown, istioAnnotationDeprecated, istioAnnotationMisplaced, istioAnnotationInvalid];
