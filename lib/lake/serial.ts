/**
 * Runs tasks one at a time, in call order. The lake writer takes batches,
 * flushes on age and recovers positions from three places (kafkajs, a timer,
 * group events); one queue means a partition's buffer and position are never
 * touched by two of them at once. A failed task does not block the next.
 */
export function createSerial() {
  let tail: Promise<unknown> = Promise.resolve();
  return function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
