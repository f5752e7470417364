/** Live counters of a run, shared by every watch and read by the progress line. */
export interface RunStats {
  /** Readings put in a request at least once. */
  sent: number;
  /** Readings the server acknowledged (202 or ok ack). */
  accepted: number;
  /** Attempts that were answered 429/503 or failed on the network, then repeated. */
  retries: number;
  /** Readings in batches the server refused for good. */
  rejected: number;
  /** Attempts that went wrong: refusals and network failures, not a server asking us to wait. */
  failures: number;
  /** Retries plus refusals, by reason, so the summary can say what went wrong. */
  errors: Map<string, number>;
}

export function createRunStats(): RunStats {
  return { sent: 0, accepted: 0, retries: 0, rejected: 0, failures: 0, errors: new Map() };
}

export function countError(stats: RunStats, reason: string): void {
  // Ids and numbers vary per request; without them reasons group.
  const key = reason.replace(/[0-9a-f-]{36}/g, "<id>").slice(0, 160);
  stats.errors.set(key, (stats.errors.get(key) ?? 0) + 1);
}
