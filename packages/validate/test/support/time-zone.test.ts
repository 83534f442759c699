import { afterEach, describe, expect, it, vi } from "vitest";

const OriginalDateTimeFormat = Intl.DateTimeFormat;

afterEach(() => {
  Intl.DateTimeFormat = OriginalDateTimeFormat;
  vi.resetModules();
});

/** Makes every `new Intl.DateTimeFormat(…)` record the time zone it is asked for. */
function recordTimeZoneLookups(): (string | undefined)[] {
  const asked: (string | undefined)[] = [];
  Intl.DateTimeFormat = class extends OriginalDateTimeFormat {
    public constructor(locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
      asked.push(options?.timeZone);
      super(locales, options);
    }
  } as typeof Intl.DateTimeFormat;
  return asked;
}

describe("support/time-zone.ts", () => {
  it("asks ICU nothing when it loads (its first time-zone lookup costs ~17 ms); the first name looked up does", async () => {
    const asked = recordTimeZoneLookups();
    vi.resetModules();
    const { loadLocationError } = await import("../../src/support/time-zone.ts");
    expect(asked).toEqual([]);
    expect(loadLocationError("UTC")).toBeUndefined();
    expect(asked).toEqual([]);
    expect(loadLocationError("Europe/Berlin")).toBeUndefined();
    expect(asked).toEqual(["America/New_York", "Europe/Berlin"]);
    expect(loadLocationError("Mars/Olympus")).toBe("unknown time zone Mars/Olympus");
    expect(loadLocationError("europe/berlin")).toBe("unknown time zone europe/berlin");
    expect(asked).toEqual(["America/New_York", "Europe/Berlin", "Mars/Olympus", "europe/berlin"]);
  });
});
