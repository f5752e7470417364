import type { Kafka, Producer } from "kafkajs";
import { AppError } from "@/lib/api/app-error";
import { encodeReadingsMessage, type ReadingsMessage } from "@/lib/readings/readings-message";

export interface ReadingsPublisherOptions {
  /** heartrate.readings, or its namespaced twin. */
  topic: string;
  /** Partitions for heartrate.readings when it has to be created. */
  partitions: number;
  /** Publishes in flight at once; more wait, so a slow broker slows callers down. */
  maxInFlight: number;
  /** Callers allowed to wait for a slot; beyond that the API answers 503 at once. */
  maxWaiting: number;
  /** How long one publish may take before the caller is told Kafka is unavailable. */
  timeoutMs: number;
}

/** Puts readings on Kafka and resolves only once Kafka has acknowledged them (acks=all). */
export interface ReadingsPublisher {
  publish(messages: ReadingsMessage[], headers?: Record<string, string>): Promise<void>;
  disconnect(): Promise<void>;
}

const RETRY_AFTER_SECONDS = 5;

const kafkaUnavailable = (reason: string) =>
  new AppError(
    "KAFKA_UNAVAILABLE",
    `Readings could not be stored right now (${reason}); retry later.`,
    503,
    [],
    RETRY_AFTER_SECONDS,
  );

export function createReadingsPublisher(kafka: Kafka, options: ReadingsPublisherOptions): ReadingsPublisher {
  let connected: Promise<Producer> | undefined;
  const slots = createSlots(options.maxInFlight, options.maxWaiting);

  function connect(): Promise<Producer> {
    connected ??= (async () => {
      await ensureTopic(kafka, options.topic, options.partitions);
      // Idempotent with acks=all: a retried send is never written twice.
      const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, retry: { retries: 3 } });
      await producer.connect();
      return producer;
    })();
    // A failed connect must not be cached, or Kafka coming back would go unnoticed.
    connected.catch(() => (connected = undefined));
    return connected;
  }

  // After a failure the next publish starts from a fresh connection: a
  // producer that lost its broker does not always find it again by itself.
  function reset() {
    const stale = connected;
    connected = undefined;
    void stale?.then((producer) => producer.disconnect()).catch(() => undefined);
  }

  async function send(messages: ReadingsMessage[], headers: Record<string, string>) {
    const producer = await connect();
    await producer.send({
      topic: options.topic,
      acks: -1,
      messages: messages.map((m) => ({ key: m.workoutId, value: encodeReadingsMessage(m), headers })),
    });
  }

  return {
    async publish(messages, headers = {}) {
      if (messages.length === 0) return;
      const release = await slots.acquire();
      try {
        await withTimeout(send(messages, headers), options.timeoutMs);
      } catch (err) {
        reset();
        if (AppError.is(err)) throw err;
        throw kafkaUnavailable(err instanceof Error ? err.message : String(err));
      } finally {
        release();
      }
    },
    async disconnect() {
      const producer = await connected?.catch(() => undefined);
      connected = undefined;
      await producer?.disconnect();
    },
  };
}

async function ensureTopic(kafka: Kafka, topic: string, partitions: number) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    // createTopics answers false, not an error, when the topic exists already.
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(kafkaUnavailable(`no acknowledgement within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A counting semaphore with a bounded queue: backpressure instead of unbounded buffering. */
function createSlots(max: number, maxWaiting: number) {
  let inUse = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else inUse -= 1;
  };
  return {
    acquire(): Promise<() => void> {
      if (inUse < max) {
        inUse += 1;
        return Promise.resolve(release);
      }
      if (waiting.length >= maxWaiting) {
        return Promise.reject(kafkaUnavailable(`${waiting.length} requests already waiting for Kafka`));
      }
      return new Promise((resolve) => waiting.push(() => resolve(release)));
    },
  };
}
