import type { Rule } from "../../../rule.ts";
import { volumeMountVolume } from "./volume-mount-volume.rule.ts";

/** The rules of `rules/apiserver/pod/`, in the order they run. */
export const APISERVER_POD_RULES: readonly Rule[] = [volumeMountVolume];
