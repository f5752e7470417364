import type { Config } from "@/lib/config";

/** The few log lines the lake writer writes; tests pass their own to assert on them. */
export interface LakeLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const RANK: Record<Config["LOG_LEVEL"], number> = { fatal: 0, error: 1, warn: 2, info: 3, debug: 4, trace: 5 };

/** Console lines prefixed with the worker's name, below `level` silenced (LOG_LEVEL). */
export function consoleLakeLog(name: string, level: Config["LOG_LEVEL"] = "info"): LakeLog {
  const on = (at: Config["LOG_LEVEL"]) => RANK[at] <= RANK[level];
  return {
    info: (m) => void (on("info") && console.log(`[${name}] ${m}`)),
    warn: (m) => void (on("warn") && console.warn(`[${name}] ${m}`)),
    error: (m) => void (on("error") && console.error(`[${name}] ${m}`)),
  };
}

/** An error's message, with its cause's when it has one. */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? ` (${err.cause.message})` : "";
  return `${err.message}${cause}`;
}
