/** What every worker in workers/<name>/index.ts exports through createWorker(). */
export interface Worker {
  start(): Promise<void>;
  /** Finishes or abandons the batch in hand, leaves the consumer group, closes connections. */
  stop(): Promise<void>;
}

/**
 * Runs a worker as a process: SIGTERM and SIGINT stop it cleanly; a failure
 * to start, or a second signal, exits at once (what is not committed is
 * consumed again by the next instance, so nothing is lost either way).
 */
export function runWorker(name: string, worker: Worker): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`[${name}] ${signal}: stopping`);
    worker.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`[${name}] stop failed:`, err);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
  worker.start().then(
    () => console.log(`[${name}] started`),
    (err: unknown) => {
      console.error(`[${name}] failed to start:`, err);
      process.exit(1);
    },
  );
}
