import type { RunStats } from "./run-stats";

/** One line: where the run is, how fast, and whether anything goes wrong. */
export function formatProgress(stats: RunStats, total: number, elapsedMs: number, ratePerSecond: number): string {
  const percent = total === 0 ? 100 : Math.floor((stats.accepted / total) * 100);
  return [
    `[simulate] ${formatSeconds(elapsedMs)}`,
    `sent ${stats.sent}/${total}`,
    `acked ${stats.accepted} (${percent} %)`,
    `${Math.round(ratePerSecond)} readings/s`,
    `retries ${stats.retries}`,
    `rejected ${stats.rejected}`,
    `errors ${stats.failures}`,
  ].join("  ");
}

export interface ProgressReporter {
  stop(): void;
}

/**
 * On a terminal one line redrawn in place four times a second; in a log
 * (CI, a pipe) a full line every few seconds, so the log stays readable.
 */
export function startProgress(stats: RunStats, total: number, stream: NodeJS.WriteStream): ProgressReporter {
  const tty = stream.isTTY;
  const started = Date.now();
  let last = { at: started, accepted: 0 };
  const draw = () => {
    const now = Date.now();
    const rate = ((stats.accepted - last.accepted) * 1000) / Math.max(1, now - last.at);
    last = { at: now, accepted: stats.accepted };
    const line = formatProgress(stats, total, now - started, rate);
    stream.write(tty ? `\r\x1b[K${line}` : `${line}\n`);
  };
  const timer = setInterval(draw, tty ? 250 : 5_000);
  return {
    stop() {
      clearInterval(timer);
      draw();
      if (tty) stream.write("\n");
    },
  };
}

function formatSeconds(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}
