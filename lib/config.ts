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
  /** How long one dependency check in /api/health may take. */
  HEALTH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
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
