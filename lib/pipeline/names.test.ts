import { describe, expect, it } from "vitest";
import { pipelineNames, TOPICS } from "./names";

describe("pipelineNames", () => {
  it("given no namespace, when asked, then the production names come back", () => {
    expect(pipelineNames().topics.readings).toBe(TOPICS.readings);
  });

  it("given a namespace, when asked, then every topic, group and path carries it", () => {
    const names = pipelineNames("t1");

    expect(Object.values(names.topics)).toEqual([
      "heartrate.readings.t1",
      "heartrate.readings.dlq.t1",
      "workout.updates.t1",
    ]);
    expect(Object.values(names.groups).every((g) => g.endsWith(".t1"))).toBe(true);
    expect(names.lake).toEqual({ readings: "/heartlake/readings-t1", tmp: "/heartlake/+tmp/readings-t1" });
  });

  it("given a namespace with a slash, when asked, then it is refused", () => {
    expect(() => pipelineNames("a/b")).toThrow(/may only hold/);
  });
});
