/**
 * Runs dependency checks in parallel, each bounded by a timeout, and reports
 * which ones answered, how fast, and why the others did not. A check resolves
 * with a short human description of what it saw, or throws.
 */

export const DEPENDENCIES = ["kafka", "hdfs", "postgres"] as const;
export type DependencyName = (typeof DEPENDENCIES)[number];

export type DependencyCheck = (signal: AbortSignal) => Promise<string>;

export interface DependencyStatus {
  name: DependencyName;
  ok: boolean;
  latencyMs: number;
  /** What the check saw when ok, or why it failed. */
  detail: string;
}

export interface HealthReport {
  ok: boolean;
  checkedAt: string;
  dependencies: DependencyStatus[];
}

export async function checkHealth(
  checks: Record<DependencyName, DependencyCheck>,
  timeoutMs: number,
  now: () => number = performance.now.bind(performance),
): Promise<HealthReport> {
  const dependencies = await Promise.all(DEPENDENCIES.map((name) => runCheck(name, checks[name], timeoutMs, now)));
  return {
    ok: dependencies.every((d) => d.ok),
    checkedAt: new Date().toISOString(),
    dependencies,
  };
}

async function runCheck(
  name: DependencyName,
  check: DependencyCheck,
  timeoutMs: number,
  now: () => number,
): Promise<DependencyStatus> {
  const controller = new AbortController();
  const started = now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no answer within ${timeoutMs} ms`));
      controller.abort();
    }, timeoutMs);
  });
  try {
    const detail = await Promise.race([check(controller.signal), timeout]);
    return { name, ok: true, latencyMs: elapsed(started, now), detail };
  } catch (err) {
    return { name, ok: false, latencyMs: elapsed(started, now), detail: reasonOf(err) };
  } finally {
    clearTimeout(timer);
  }
}

function elapsed(started: number, now: () => number): number {
  return Math.round((now() - started) * 10) / 10;
}

function reasonOf(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

/** The failing dependencies named for a 503 message, e.g. "kafka: connection refused". */
export function describeFailures(report: HealthReport): string {
  return report.dependencies
    .filter((d) => !d.ok)
    .map((d) => `${d.name}: ${d.detail}`)
    .join("; ");
}
