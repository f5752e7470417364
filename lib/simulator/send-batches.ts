import type { SimBatch } from "./batches";
import { countError, type RunStats } from "./run-stats";
import type { WatchTransport } from "./transport";

export interface SendBatchesOptions {
  /** Realtime: wait for each batch's dueAt; max: send as soon as the last one is acknowledged. */
  paced: boolean;
  /**
   * Give up on a batch when retries have not got it through in this long:
   * waiting forever would hide a dead server. It is then counted as rejected.
   */
  giveUpAfterMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/**
 * Sends one watch's batches in order, one at a time. A 429/503 or a network
 * failure sends the very same batch again after the wait the server asked
 * for: same readings, so the same reading ids, and nothing is dropped.
 */
export async function sendBatches(
  transport: WatchTransport,
  batches: readonly SimBatch[],
  stats: RunStats,
  options: SendBatchesOptions,
): Promise<void> {
  for (const batch of batches) {
    if (options.paced) {
      const wait = batch.dueAt - options.now();
      if (wait > 0) await options.sleep(wait);
    }
    await sendOne(transport, batch, stats, options);
  }
}

async function sendOne(transport: WatchTransport, batch: SimBatch, stats: RunStats, options: SendBatchesOptions) {
  const count = batch.readings.length;
  const firstTry = options.now();
  stats.sent += count;
  for (;;) {
    const outcome = await transport.send(batch.readings);
    if (outcome.kind === "accepted") {
      stats.accepted += outcome.accepted;
      // A 202 for fewer readings than sent would be a server bug worth seeing.
      if (outcome.accepted !== count) countError(stats, `accepted ${outcome.accepted} of ${count} readings`);
      return;
    }
    countError(stats, outcome.reason);
    if (outcome.kind === "rejected" || outcome.network) stats.failures += 1;
    if (outcome.kind === "rejected" || options.now() - firstTry + outcome.afterMs > options.giveUpAfterMs) {
      stats.rejected += count;
      return;
    }
    stats.retries += 1;
    await options.sleep(outcome.afterMs);
  }
}
