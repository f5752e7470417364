import { describe, expect, it } from "vitest";
import { checkHealth, describeFailures, type DependencyCheck } from "./check-health";

const answers =
  (detail: string): DependencyCheck =>
  async () =>
    detail;
const fails =
  (reason: string): DependencyCheck =>
  async () => {
    throw new Error(reason);
  };
const hangs: DependencyCheck = (signal) =>
  new Promise((_, reject) => signal.addEventListener("abort", () => reject(new Error("aborted"))));

describe("checkHealth", () => {
  it("given every dependency answers, when checked, then the report is ok with each detail", async () => {
    const report = await checkHealth(
      { kafka: answers("1 broker"), hdfs: answers("/ is a directory"), postgres: answers("SELECT 1 = 1") },
      1_000,
    );

    expect(report.ok).toBe(true);
    expect(report.dependencies.map((d) => [d.name, d.ok, d.detail])).toEqual([
      ["kafka", true, "1 broker"],
      ["hdfs", true, "/ is a directory"],
      ["postgres", true, "SELECT 1 = 1"],
    ]);
  });

  it("given one dependency fails, when checked, then only that one is named with its reason", async () => {
    const report = await checkHealth(
      { kafka: fails("connection refused"), hdfs: answers("ok"), postgres: answers("ok") },
      1_000,
    );

    expect(report.ok).toBe(false);
    expect(describeFailures(report)).toBe("kafka: connection refused");
  });

  it("given a dependency hangs, when checked, then it fails on the timeout and its check is aborted", async () => {
    const report = await checkHealth({ kafka: answers("ok"), hdfs: hangs, postgres: answers("ok") }, 50);

    const hdfs = report.dependencies.find((d) => d.name === "hdfs");
    expect(hdfs).toMatchObject({ ok: false, detail: "no answer within 50 ms" });
    expect(hdfs?.latencyMs).toBeGreaterThanOrEqual(40);
  });

  it("given a clock, when checked, then latency is the time the check took", async () => {
    // Three checks start at 0 and finish at 12.34.
    const ticks = [0, 0, 0, 12.34, 12.34, 12.34];
    const clock = () => ticks.shift() ?? 99;
    const report = await checkHealth(
      { kafka: answers("ok"), hdfs: answers("ok"), postgres: answers("ok") },
      1_000,
      clock,
    );

    expect(report.dependencies[0]?.latencyMs).toBe(12.3);
  });
});
