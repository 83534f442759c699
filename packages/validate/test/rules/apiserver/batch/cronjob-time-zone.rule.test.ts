import { cronjobTimeZone } from "../../../../src/rules/apiserver/batch/cronjob-time-zone.rule.ts";
import { yamlOf } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { cronJob } from "./batch-fixtures.ts";

let count = 0;
const zone = (timeZone: string) => cronJob((c) => { c.metadata.name = `report-${count++}`; c.spec.timeZone = timeZone; });

ruleTable(cronjobTimeZone, {
  valid: ["Europe/Berlin", "America/New_York", "Etc/UTC", "UTC", "Etc/GMT+5", "US/Eastern", "Asia/Kolkata", "America/Argentina/Buenos_Aires"].map((name) => ({ name, manifests: [zone(name)] })),
  invalid: [
    { name: "empty", manifests: [zone("")], errors: ['spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string'] },
    { name: "unknown", manifests: [zone("Mars/Olympus")], errors: ['spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus'] },
    { name: "wrong case", manifests: [zone("europe/berlin")], errors: ['spec.timeZone: Invalid value: "europe/berlin": unknown time zone europe/berlin'] },
    { name: "a UTC offset", manifests: yamlOf(zone("__")).replace("timeZone: __", 'timeZone: "+05:00"'), errors: ['spec.timeZone: Invalid value: "+05:00": unknown time zone +05:00'] },
    { name: "a part longer than 14 characters", manifests: [zone("America/Los_Angeles_Time")], errors: ['spec.timeZone: Invalid value: "America/Los_Angeles_Time": unknown time zone America/Los_Angeles_Time'] },
    { name: "Local", manifests: [zone("Local")], errors: ['spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'] },
    {
      name: "local (also unknown in that case)",
      manifests: [zone("local")],
      errors: ['spec.timeZone: Invalid value: "local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones', 'spec.timeZone: Invalid value: "local": unknown time zone local'],
    },
  ],
});
