import type { Kafka, Message, Producer } from "kafkajs";
import { AppError } from "@/lib/api/app-error";
import { createCoalescer } from "@/lib/ingest/coalescer";
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
  /** How long a publish waits for others to share its producer.send. Default 2 ms. */
  lingerMs?: number;
  /** Most publish calls (usually one message each) in one producer.send. Default 256. */
  maxBatchCalls?: number;
  /** Most message bytes in one producer.send; below the broker's 1 MiB message.max.bytes. Default 512 KiB. */
  maxBatchBytes?: number;
}

/** Puts readings on Kafka and resolves only once Kafka has acknowledged them (acks=all). */
export interface ReadingsPublisher {
  publish(messages: ReadingsMessage[], headers?: Record<string, string>): Promise<void>;
  disconnect(): Promise<void>;
}

/** One publish call's encoded messages, waiting to share a producer.send. */
interface Pending {
  messages: Message[];
  bytes: number;
  /** Its caller timed out: not sent if it has not gone yet, so a 503 usually means not stored. */
  abandoned: boolean;
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

/**
 * The idempotent producer sends one request per broker at a time, so
 * one-message sends from concurrent requests queue behind each other. Calls
 * within a couple of milliseconds of each other, or while a send is under
 * way, share one producer.send instead; each caller resolves or rejects with
 * the outcome of the send that carried its messages.
 */
export function createReadingsPublisher(kafka: Kafka, options: ReadingsPublisherOptions): ReadingsPublisher {
  const slots = createSlots(options.maxInFlight, options.maxWaiting);
  const producers = createProducerHolder(kafka, options);
  const batches = createCoalescer<Pending>((batch) => sendBatch(producers, options, batch), {
    lingerMs: options.lingerMs ?? 2,
    maxItems: options.maxBatchCalls ?? 256,
    maxWeight: options.maxBatchBytes ?? 512 * 1024,
    weightOf: (pending) => pending.bytes,
  });

  return {
    async publish(messages, headers = {}) {
      if (messages.length === 0) return;
      // Encoded before queueing: a message that fails its checks fails only its own request.
      const pending = toPending(messages, headers);
      const release = await slots.acquire();
      try {
        await withTimeout(batches.add(pending), options.timeoutMs);
      } catch (err) {
        pending.abandoned = true;
        if (AppError.is(err)) throw err;
        throw kafkaUnavailable(err instanceof Error ? err.message : String(err));
      } finally {
        release();
      }
    },
    async disconnect() {
      await batches.settled();
      await producers.disconnect();
    },
  };
}

function toPending(messages: ReadingsMessage[], headers: Record<string, string>): Pending {
  const encoded = messages.map((m) => ({ key: m.workoutId, value: Buffer.from(encodeReadingsMessage(m)), headers }));
  return { messages: encoded, bytes: encoded.reduce((sum, m) => sum + m.value.byteLength, 0), abandoned: false };
}

/** One producer.send for the calls in `batch`; on failure the producer is replaced. */
async function sendBatch(producers: ProducerHolder, options: ReadingsPublisherOptions, batch: Pending[]) {
  const messages = batch.flatMap((pending) => (pending.abandoned ? [] : pending.messages));
  if (messages.length === 0) return;
  const producer = producers.connect();
  try {
    await withTimeout(
      producer.then((p) => p.send({ topic: options.topic, acks: -1, messages })),
      options.timeoutMs,
    );
  } catch (err) {
    producers.reset(producer);
    throw err;
  }
}

type ProducerHolder = ReturnType<typeof createProducerHolder>;

/** The one connected producer, made on first use and replaced after a failure. */
function createProducerHolder(kafka: Kafka, options: ReadingsPublisherOptions) {
  let connected: Promise<Producer> | undefined;
  return {
    connect(): Promise<Producer> {
      if (connected) return connected;
      const attempt = (async () => {
        await ensureTopic(kafka, options.topic, options.partitions);
        // Idempotent with acks=all: a retried send is never written twice.
        // On a fresh cluster the transaction coordinator takes seconds to load
        // and refuses InitProducerId until then: keep retrying; the publish
        // timeout still bounds how long a caller waits.
        const producer = kafka.producer({
          idempotent: true,
          maxInFlightRequests: 1,
          retry: { retries: 10, initialRetryTime: 200, maxRetryTime: 2_000 },
        });
        await producer.connect();
        return producer;
      })();
      connected = attempt;
      // A failed connect must not be cached, or Kafka coming back would go unnoticed.
      attempt.catch(() => {
        if (connected === attempt) connected = undefined;
      });
      return attempt;
    },
    // After a failure the next send starts from a fresh connection: a producer
    // that lost its broker does not always find it again by itself.
    reset(failed: Promise<Producer>) {
      if (connected === failed) connected = undefined;
      void failed.then((producer) => producer.disconnect()).catch(() => undefined);
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
    // createTopics answers false, not an error, when the topic exists already;
    // but two processes creating it at once get TOPIC_ALREADY_EXISTS, which
    // is just as good.
    await admin
      .createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true })
      .catch(async (err: unknown) => {
        if (!(await admin.listTopics()).includes(topic)) throw err;
      });
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
