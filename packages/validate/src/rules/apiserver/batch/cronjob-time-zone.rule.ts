import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid } from "../../../support/apiserver-validation.ts";
import { loadLocationError } from "../../../support/time-zone.ts";
import { at } from "../../../support/values.ts";

/** A time zone name's parts: IANA's characters (digits and `+` tolerated for legacy names), 1 to 14 of them. */
const PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/**
 * A CronJob's `timeZone`, when set, is a non-empty IANA time zone name (`Europe/Berlin`, `Etc/UTC`; case matters) that
 * the apiserver can load, and not `Local`.
 */
export const cronjobTimeZone: ObjectRule = {
  id: "cronjob-time-zone",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A CronJob's timeZone is a known IANA time zone name, not empty and not Local.",
  upstreamMessage: "spec.timeZone: Invalid value: \"Mars/Olympus\": unknown time zone Mars/Olympus",
  kinds: new Set(["CronJob"]),
  check(object) {
    if (object.kind !== "CronJob" || !object.apiVersion.startsWith("batch/")) return [];
    const zone = at(object.object, "spec", "timeZone");
    if (typeof zone !== "string") return [];
    const path = ["spec", "timeZone"];
    if (zone === "") return [{ path, message: invalid(zone, "timeZone must be nil or non-empty string") }];
    if (zone.split("/").some((part) => part === "." || part === ".." || part.startsWith("-") || !PART.test(part))) {
      return [{ path, message: invalid(zone, `unknown time zone ${zone}`) }];
    }
    const problems: RuleProblem[] = [];
    if (zone.toLowerCase() === "local") problems.push({ path, message: invalid(zone, "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones") });
    const error = loadLocationError(zone);
    if (error !== undefined) problems.push({ path, message: invalid(zone, error) });
    return problems;
  },
};
