const METHOD_COLORS: Record<string, string> = {
  get: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
  post: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <span className={`rounded px-2 py-0.5 font-mono text-sm font-semibold uppercase ${METHOD_COLORS[method] ?? ""}`}>
      {method}
    </span>
  );
}

function statusColor(status: string): string {
  if (status.startsWith("2")) return "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100";
  if (status.startsWith("4")) return "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100";
  return "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100";
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`rounded px-2 py-0.5 font-mono text-sm font-semibold ${statusColor(status)}`}>{status}</span>;
}
