import { cronjobSchedule } from "../../../../src/rules/apiserver/batch/cronjob-schedule.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { cronJob } from "./batch-fixtures.ts";

let count = 0;
const schedule = (value: string) => cronJob((c) => { c.metadata.name = `report-${count++}`; c.spec.schedule = value; });
const valid = [
  "*/15 * * * *",
  "0 0 1 1 *",
  "0 9-17/2 * * MON-FRI",
  "30 2 ? jan,Jul sun",
  "5,10,15 0 * * 0",
  "0 0 31 12 6",
  "@hourly",
  "@daily",
  "@midnight",
  "@weekly",
  "@monthly",
  "@yearly",
  "@annually",
  "@every 1h30m",
  "@every 90s",
  "  0  0  *  *  *  ",
];

ruleTable(cronjobSchedule, {
  valid: valid.map((value) => ({ name: JSON.stringify(value), manifests: [schedule(value)] })),
  invalid: [
    { name: "empty", manifests: [schedule("")], errors: ["spec.schedule: Required value"] },
    { name: "four fields", manifests: [schedule("0 0 * *")], errors: ['spec.schedule: Invalid value: "0 0 * *": expected exactly 5 fields, found 4: [0 0 * *]'] },
    { name: "six fields (seconds)", manifests: [schedule("0 0 0 * * *")], errors: ['spec.schedule: Invalid value: "0 0 0 * * *": expected exactly 5 fields, found 6: [0 0 0 * * *]'] },
    { name: "minute 60", manifests: [schedule("60 * * * *")], errors: ['spec.schedule: Invalid value: "60 * * * *": end of range (60) above maximum (59): 60'] },
    { name: "day of month 0", manifests: [schedule("0 0 0 * *")], errors: ['spec.schedule: Invalid value: "0 0 0 * *": beginning of range (0) below minimum (1): 0'] },
    { name: "day of week 7", manifests: [schedule("0 0 * * 7")], errors: ['spec.schedule: Invalid value: "0 0 * * 7": end of range (7) above maximum (6): 7'] },
    { name: "a reversed range", manifests: [schedule("0 17-9 * * *")], errors: ['spec.schedule: Invalid value: "0 17-9 * * *": beginning of range (17) beyond end of range (9): 17-9'] },
    { name: "step 0", manifests: [schedule("*/0 * * * *")], errors: ['spec.schedule: Invalid value: "*/0 * * * *": step of range should be a positive number: */0'] },
    { name: "a word", manifests: [schedule("0 noon * * *")], errors: ['spec.schedule: Invalid value: "0 noon * * *": failed to parse int from noon: strconv.Atoi: parsing "noon": invalid syntax'] },
    { name: "a month name in the day field", manifests: [schedule("0 0 * * jan")], errors: ['spec.schedule: Invalid value: "0 0 * * jan": failed to parse int from jan: strconv.Atoi: parsing "jan": invalid syntax'] },
    { name: "too many hyphens", manifests: [schedule("1-2-3 * * * *")], errors: ['spec.schedule: Invalid value: "1-2-3 * * * *": too many hyphens: 1-2-3'] },
    { name: "an unknown descriptor", manifests: [schedule("@reboot")], errors: ['spec.schedule: Invalid value: "@reboot": unrecognized descriptor: @reboot'] },
    { name: "a bad @every duration", manifests: [schedule("@every 1d")], errors: ['spec.schedule: Invalid value: "@every 1d": failed to parse duration @every 1d: time: unknown unit "d" in duration "1d"'] },
    { name: "an @every duration without unit", manifests: [schedule("@every 5")], errors: ['spec.schedule: Invalid value: "@every 5": failed to parse duration @every 5: time: missing unit in duration "5"'] },
    {
      name: "a time zone in the schedule",
      manifests: [schedule("CRON_TZ=Europe/Berlin 0 2 * * *")],
      errors: ['spec.schedule: Invalid value: "CRON_TZ=Europe/Berlin 0 2 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead'],
    },
    {
      name: "an unknown time zone in the schedule",
      manifests: [schedule("TZ=Mars/Olympus 0 2 * * *")],
      errors: [
        'spec.schedule: Invalid value: "TZ=Mars/Olympus 0 2 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
        'spec.schedule: Invalid value: "TZ=Mars/Olympus 0 2 * * *": provided bad location Mars/Olympus: unknown time zone Mars/Olympus',
      ],
    },
  ],
});
