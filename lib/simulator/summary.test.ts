import { describe, expect, it } from "vitest";
import { readingId } from "@/lib/readings/reading-id";
import { planWatches } from "./plan-watches";
import { createRunStats } from "./run-stats";
import { expectedReadingIds, summarize, summaryProblems } from "./summary";

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const plans = planWatches({ seed: 3, watches: 2, totalS: 1_800, speed: "max", batchSeconds: 5, now: NOW });
const generated = plans.reduce((n, p) => n + p.workout.readings.length, 0);
const devices = ["dev-a", "dev-b"];

function statsWith(accepted: number, rejected = 0) {
  return { ...createRunStats(), sent: generated, accepted, rejected };
}

describe("summarize", () => {
  it("given a clean run, when summed up, then generated counts duplicates and distinct does not", () => {
    const summary = summarize(plans, statsWith(generated));
    const duplicates = plans.reduce((n, p) => n + p.workout.duplicates, 0);

    expect(summary.generated).toBe(generated);
    expect(summary.distinct).toBe(generated - duplicates);
    expect(summaryProblems(summary)).toEqual([]);
  });

  it("given rejected readings, when checked, then the run has problems", () => {
    const problems = summaryProblems(summarize(plans, statsWith(generated - 10, 10)));

    expect(problems).toEqual([
      `10 readings were rejected`,
      `${generated - 10} readings accepted of ${generated} generated`,
    ]);
  });

  it("given Kafka holds exactly the planned ids, when checked, then nothing is missing or unexpected", () => {
    const expected = expectedReadingIds(plans, devices);
    const kafka = { messages: 1, readings: generated, ids: new Set(expected) };

    expect(summarize(plans, statsWith(generated), { kafka, expected }).kafka).toMatchObject({
      missing: 0,
      unexpected: 0,
    });
  });

  it("given more copies on Kafka than were acknowledged but the same ids, when checked, then it is fine (a lost ack)", () => {
    const expected = expectedReadingIds(plans, devices);
    const kafka = { messages: 1, readings: generated + 4, ids: new Set(expected) };

    expect(summaryProblems(summarize(plans, statsWith(generated), { kafka, expected }))).toEqual([]);
  });

  it("given fewer readings on Kafka than were acknowledged, when checked, then readings were lost", () => {
    const expected = expectedReadingIds(plans, devices);
    const kafka = { messages: 1, readings: generated - 1, ids: new Set(expected) };

    expect(summaryProblems(summarize(plans, statsWith(generated), { kafka, expected }))).toEqual([
      `${generated - 1} readings on Kafka, but ${generated} accepted`,
    ]);
  });

  it("given Kafka ids shifted by an hour (a zone bug), when checked, then every id is reported missing", () => {
    const expected = expectedReadingIds(plans, devices);
    const shifted = new Set(plans[0]?.workout.readings.map((r) => readingId("dev-a", r.ts + 3_600_000)));
    const kafka = { messages: 1, readings: generated, ids: shifted };
    const summary = summarize(plans, statsWith(generated), { kafka, expected });

    expect(summaryProblems(summary).join()).toContain("differ from the plan");
  });
});
