import { getConfig } from "@/lib/config";
import { checkHealth, describeFailures } from "@/lib/health/check-health";
import { createDependencyChecks } from "@/lib/health/dependency-checks";

export const dynamic = "force-dynamic";

/** 200 when Kafka, HDFS and PostgreSQL all answer; 503 naming the failing ones otherwise. */
export async function GET() {
  const report = await checkHealth(createDependencyChecks(), getConfig().HEALTH_TIMEOUT_MS);
  if (report.ok) return Response.json(report, { headers: { "cache-control": "no-store" } });
  return Response.json(
    { code: "DEPENDENCY_UNAVAILABLE", message: `Unavailable: ${describeFailures(report)}`, details: report },
    { status: 503, headers: { "cache-control": "no-store", "retry-after": "5" } },
  );
}
