import { describe, expect, it } from "vitest";
import { checkHealth } from "@/lib/health/check-health";
import { createDependencyChecks } from "@/lib/health/dependency-checks";

describe("dependency checks against the real stack", () => {
  it("given Kafka, HDFS and PostgreSQL are up, when checked, then each answers with what it saw", async () => {
    const report = await checkHealth(createDependencyChecks(), 5_000);

    expect(report.dependencies).toEqual([
      expect.objectContaining({ name: "kafka", ok: true, detail: expect.stringMatching(/^1 broker\(s\)/) }),
      expect.objectContaining({ name: "hdfs", ok: true, detail: "GETFILESTATUS / -> directory" }),
      expect.objectContaining({ name: "postgres", ok: true, detail: "SELECT 1 -> 1" }),
    ]);
    expect(report.ok).toBe(true);
  });
});
