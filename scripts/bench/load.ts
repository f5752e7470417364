/** What one request achieved. */
export interface Attempt {
  ok: boolean;
  readings: number;
  /** Why it failed, e.g. `HTTP 503`; groups failures in the report. */
  failure?: string;
}

/** What a load phase achieved. */
export interface LoadResult {
  /** Readings acknowledged by the server. */
  readings: number;
  requests: number;
  failures: Map<string, number>;
  elapsedMs: number;
  /** Per request, ms; for open-loop runs measured from the scheduled send time. */
  latenciesMs: number[];
}

const emptyResult = (): LoadResult => ({
  readings: 0,
  requests: 0,
  failures: new Map(),
  elapsedMs: 0,
  latenciesMs: [],
});

function record(result: LoadResult, attempt: Attempt, latencyMs: number) {
  result.requests += 1;
  result.latenciesMs.push(latencyMs);
  if (attempt.ok) result.readings += attempt.readings;
  else result.failures.set(attempt.failure ?? "failed", (result.failures.get(attempt.failure ?? "failed") ?? 0) + 1);
}

/** Never lets one request's exception end a worker: it is a failure like any other. */
async function attempt(send: () => Promise<Attempt>): Promise<Attempt> {
  try {
    return await send();
  } catch (err) {
    return { ok: false, readings: 0, failure: err instanceof Error ? err.message.slice(0, 80) : String(err) };
  }
}

/**
 * Closed loop: `workers` senders, each waiting for its answer before the
 * next request, for `durationMs`. Measures peak throughput: the server sets
 * the pace, and the elapsed time includes the requests still in flight at the end.
 */
export async function runClosedLoop(
  workers: number,
  durationMs: number,
  send: (worker: number) => Promise<Attempt>,
): Promise<LoadResult> {
  const result = emptyResult();
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        record(result, await attempt(() => send(worker)), performance.now() - t0);
      }
    }),
  );
  result.elapsedMs = performance.now() - started;
  return result;
}

/**
 * Open loop: requests start on a fixed schedule whether or not earlier ones
 * have been answered, as independent watches would. Latency counts from the
 * scheduled time, so a stalled server cannot hide its queue (no coordinated omission).
 */
export async function runOpenLoop(
  ratePerSecond: number,
  durationMs: number,
  send: (i: number) => Promise<Attempt>,
): Promise<LoadResult> {
  const result = emptyResult();
  const started = performance.now();
  const total = Math.floor((ratePerSecond * durationMs) / 1000);
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total;) {
    const due = Math.min(total, Math.floor(((performance.now() - started) * ratePerSecond) / 1000) + 1);
    for (; i < due; i += 1) {
      const scheduled = started + (i * 1000) / ratePerSecond;
      const n = i;
      inFlight.push(attempt(() => send(n)).then((a) => record(result, a, performance.now() - scheduled)));
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlight);
  result.elapsedMs = performance.now() - started;
  return result;
}

/** The value below which `p` (0-100) percent of the values fall (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export const readingsPerSecond = (result: LoadResult) => (result.readings * 1000) / Math.max(1, result.elapsedMs);
