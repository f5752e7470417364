import { describe, expect, it } from "vitest";
import { sleep } from "./retry";
import { createSerial } from "./serial";

describe("createSerial", () => {
  it("given tasks queued at once, when run, then each starts after the one before ends, even a failed one", async () => {
    const serial = createSerial();
    const events: string[] = [];
    const task =
      (name: string, ms: number, fail = false) =>
      async () => {
        events.push(`start ${name}`);
        await sleep(ms);
        events.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };

    const results = await Promise.allSettled([serial(task("a", 20)), serial(task("b", 5, true)), serial(task("c", 1))]);

    expect(events).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });
});
