import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, required } from "../../../support/apiserver-validation.ts";
import { cronScheduleError } from "../../../support/cron-schedule.ts";
import { at } from "../../../support/values.ts";

/**
 * A CronJob's `schedule` is set and is a standard cron expression (five fields: minute, hour, day of month, month,
 * day of week, with `*`, `?`, ranges, steps, lists and month and day names) or a descriptor (`@yearly`, `@annually`,
 * `@monthly`, `@weekly`, `@daily`, `@midnight`, `@hourly`, `@every <duration>`), as robfig/cron parses it. A new
 * CronJob does not put `TZ=`/`CRON_TZ=` in its schedule (anything containing `TZ`): `spec.timeZone` says that.
 */
export const cronjobSchedule: ObjectRule = {
  id: "cronjob-schedule",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A CronJob's schedule is a valid cron expression or @-descriptor, without TZ= or CRON_TZ=.",
  upstreamMessage: "spec.schedule: Invalid value: \"0 0 * *\": expected exactly 5 fields, found 4: [0 0 * *]",
  kinds: new Set(["CronJob"]),
  check(object) {
    if (object.kind !== "CronJob" || !object.apiVersion.startsWith("batch/")) return [];
    const schedule = at(object.object, "spec", "schedule");
    if (schedule === undefined || schedule === null || schedule === "") return [{ path: ["spec", "schedule"], message: required() }];
    if (typeof schedule !== "string") return [];
    const problems: RuleProblem[] = [];
    const error = cronScheduleError(schedule);
    if (error !== undefined) problems.push({ path: ["spec", "schedule"], message: invalid(schedule, error) });
    if (schedule.includes("TZ")) problems.push({ path: ["spec", "schedule"], message: invalid(schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead") });
    return problems;
  },
};
