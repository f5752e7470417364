import type { Metadata } from "next";
import { getConfig } from "@/lib/config";
import { checkHealth } from "@/lib/health/check-health";
import { createDependencyChecks } from "@/lib/health/dependency-checks";
import { AutoRefresh } from "./auto-refresh";
import { DependencyCard } from "./dependency-card";

export const metadata: Metadata = { title: "Status" };
export const dynamic = "force-dynamic";

const REFRESH_SECONDS = 5;

export default async function StatusPage() {
  const report = await checkHealth(createDependencyChecks(), getConfig().HEALTH_TIMEOUT_MS);
  return (
    <section className="space-y-6">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight">System status</h1>
        <p
          data-testid="overall-status"
          className={report.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}
        >
          {report.ok ? "All systems up" : "Degraded: some dependencies are not answering"}
        </p>
      </header>
      <ul className="grid gap-4 sm:grid-cols-3">
        {report.dependencies.map((dependency) => (
          <li key={dependency.name}>
            <DependencyCard dependency={dependency} />
          </li>
        ))}
      </ul>
      <AutoRefresh seconds={REFRESH_SECONDS} checkedAt={report.checkedAt} />
    </section>
  );
}
