/** How a coalescer groups concurrent calls into one flush. */
export interface CoalescerOptions<T> {
  /** How long the first waiting item waits for company before its batch is flushed; 0 = the next event-loop turn. */
  lingerMs: number;
  /** Most items in one flush. */
  maxItems: number;
  /** Most total weight (e.g. bytes) in one flush; an item heavier than this still goes, alone. */
  maxWeight?: number;
  weightOf?: (item: T) => number;
  /** Flushes running at once; items arriving meanwhile wait and go together in the next one. */
  maxConcurrent?: number;
}

export interface Coalescer<T> {
  /** Resolves or rejects with the outcome of the flush that carried `item`. */
  add(item: T): Promise<void>;
  /** Resolves once nothing is waiting or being flushed. */
  settled(): Promise<void>;
}

interface Waiting<T> {
  item: T;
  weight: number;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Turns many concurrent calls into few batched ones, like a database's group
 * commit: items wait up to `lingerMs` (or until a batch is full), and while
 * `maxConcurrent` flushes run, newcomers gather for the next. Every caller
 * learns the outcome of its own batch.
 */
export function createCoalescer<T>(flush: (items: T[]) => Promise<void>, options: CoalescerOptions<T>): Coalescer<T> {
  const { lingerMs, maxItems, maxWeight = Infinity, weightOf = () => 0, maxConcurrent = 1 } = options;
  const queue: Waiting<T>[] = [];
  const idle: (() => void)[] = [];
  let queuedWeight = 0;
  let running = 0;
  let due = false; // the oldest waiting item has lingered long enough
  let lingering = false;

  const full = () => queue.length >= maxItems || queuedWeight >= maxWeight;

  function linger() {
    lingering = true;
    const fire = () => {
      lingering = false;
      due = true;
      pump();
    };
    if (lingerMs > 0) setTimeout(fire, lingerMs);
    else setImmediate(fire);
  }

  function pump() {
    while (running < maxConcurrent && queue.length > 0 && (due || full())) run(take());
    if (queue.length === 0) due = false;
    else if (!due && !lingering) linger();
    if (queue.length === 0 && running === 0) idle.splice(0).forEach((wake) => wake());
  }

  function take(): Waiting<T>[] {
    const batch: Waiting<T>[] = [];
    let weight = 0;
    for (const next of queue) {
      if (batch.length > 0 && (batch.length >= maxItems || weight + next.weight > maxWeight)) break;
      batch.push(next);
      weight += next.weight;
    }
    queue.splice(0, batch.length);
    queuedWeight -= weight;
    return batch;
  }

  function run(batch: Waiting<T>[]) {
    running += 1;
    // Deferred so that a flush that throws synchronously still rejects its callers.
    void Promise.resolve()
      .then(() => flush(batch.map((w) => w.item)))
      .then(
        () => batch.forEach((w) => w.resolve()),
        (err: unknown) => batch.forEach((w) => w.reject(err)),
      )
      .finally(() => {
        running -= 1;
        pump();
      });
  }

  return {
    add(item) {
      return new Promise<void>((resolve, reject) => {
        const weight = weightOf(item);
        queue.push({ item, weight, resolve, reject });
        queuedWeight += weight;
        pump();
      });
    },
    settled() {
      if (queue.length === 0 && running === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}
