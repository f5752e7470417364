import nextEnv from "@next/env";
import { z } from "zod";

/**
 * The one place that reads the environment. Every variable has a default
 * that matches the local stack started by `npm run stack:up`, so a fresh
 * checkout runs with no .env at all; .env.example documents each of them.
 */
const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Interface the web server binds to. */
  HOST: z.string().min(1).default("127.0.0.1"),
  /** Port for Next.js and socket.io (one server). */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** PostgreSQL; unset means the embedded server the stack scripts run on 5433. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default("postgresql://postgres@127.0.0.1:5433/heartlake"),
  /** Comma-separated Kafka bootstrap servers. */
  KAFKA_BROKERS: z
    .string()
    .default("127.0.0.1:9092")
    .transform((s) =>
      s
        .split(",")
        .map((b) => b.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, "expected host:port")).min(1)),
  KAFKA_CLIENT_ID: z.string().min(1).default("heartlake"),
  /** Partitions of heartrate.readings when the app creates it. */
  KAFKA_READINGS_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(6),
  /** How long the API waits for Kafka to acknowledge readings before answering 503. */
  KAFKA_PUBLISH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** A gap longer than this between a device's readings closes its workout. */
  SESSION_GAP_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(10),
  /** Requests per second each device may make (sustained), and the burst above it. */
  RATE_LIMIT_PER_SECOND: z.coerce.number().positive().default(20),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(60),
  /** Appended to topics, consumer groups and lake paths; tests isolate themselves with it. Empty in production. */
  PIPELINE_NAMESPACE: z
    .string()
    .regex(/^[\w-]*$/, "letters, digits, _ and - only")
    .default(""),
  /** NameNode HTTP address; WebHDFS lives under /webhdfs/v1. */
  WEBHDFS_URL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:9870"),
  /** User name sent to WebHDFS (simple auth, permissions are off locally). */
  HDFS_USER: z.string().min(1).default("heartlake"),
  /** Lake writer: a partition's buffer is flushed to HDFS at this many readings… */
  LAKE_FLUSH_MAX_READINGS: z.coerce.number().int().min(1).max(10_000_000).default(100_000),
  /** …or this many bytes of Kafka messages… */
  LAKE_FLUSH_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1024 ** 3)
    .default(16 * 1024 ** 2),
  /** …or when its oldest message is this old, so readings are in the lake within a minute. */
  LAKE_FLUSH_MAX_AGE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  /** Lake writer's Kafka session: a killed instance's partitions move to another after this long. */
  LAKE_KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6_000).max(300_000).default(30_000),
  LAKE_KAFKA_HEARTBEAT_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
  /** How long a stopping lake writer keeps retrying its last flush before abandoning it. */
  LAKE_STOP_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** How long the lake writer waits for one WebHDFS call. */
  LAKE_HDFS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  /** How long one dependency check in /api/health may take. */
  HEALTH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  /** Rollup: longest time one reading may stand for; the rest of a longer gap is a dropout. */
  ROLLUP_MAX_GAP_MS: z.coerce.number().int().min(1_000).max(600_000).default(5_000),
  /** Rollup: the age assumed for a user with neither a birth year nor a measured max HR (Tanaka gives 183.5). */
  ROLLUP_DEFAULT_AGE: z.coerce.number().int().min(1).max(120).default(35),
  /** Rollup: partitions applied at once, each in its own PostgreSQL transaction and connection. */
  ROLLUP_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Rollup: most bytes fetched per partition at once, i.e. the size of one batch (one transaction). */
  ROLLUP_FETCH_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .max(64 * 1024 * 1024)
    .default(4 * 1024 * 1024),
  /** Rollup: Kafka session; a killed instance's partitions move to another after this long (broker minimum 6000). */
  ROLLUP_KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6_000).max(300_000).default(30_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace"]).default("info"),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Validates an environment; throws one message that lists every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = configSchema.safeParse(blankAsUnset);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new ConfigError(`Invalid environment:\n${problems.join("\n")}\nSee .env.example.`);
}

let cached: Config | undefined;

/**
 * The process's configuration, validated on first use. .env files are read
 * with Next.js's own loader, so the server, workers and scripts see the same.
 */
export function getConfig(): Config {
  if (!cached) {
    nextEnv.loadEnvConfig(process.cwd(), false, { info: () => undefined, error: console.error });
    cached = loadConfig(process.env);
  }
  return cached;
}
