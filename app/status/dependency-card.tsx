import type { DependencyName, DependencyStatus } from "@/lib/health/check-health";

const LABELS: Record<DependencyName, string> = {
  kafka: "Kafka",
  hdfs: "HDFS (WebHDFS)",
  postgres: "PostgreSQL",
};

export function DependencyCard({ dependency }: { dependency: DependencyStatus }) {
  const { name, ok, latencyMs, detail } = dependency;
  return (
    <article
      data-testid={`dependency-${name}`}
      aria-label={`${LABELS[name]} is ${ok ? "up" : "down"}`}
      className="h-full rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <div className="flex items-center justify-between">
        <h2 className="font-semibold">{LABELS[name]}</h2>
        <span
          data-testid={`dependency-${name}-state`}
          className={`rounded-full px-2 py-0.5 text-sm font-medium ${
            ok
              ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100"
              : "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100"
          }`}
        >
          {ok ? "up" : "down"}
        </span>
      </div>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{detail}</p>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{latencyMs} ms</p>
    </article>
  );
}
