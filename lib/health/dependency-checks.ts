import { logLevel } from "kafkajs";
import { getConfig } from "@/lib/config";
import { Client } from "pg";
import { createKafka } from "@/lib/kafka/client";
import { createWebHdfsClient } from "@/lib/lake/webhdfs";
import type { DependencyCheck, DependencyName } from "./check-health";

/** Real checks against the configured stack: each makes one genuine request. */
export function createDependencyChecks(): Record<DependencyName, DependencyCheck> {
  const config = getConfig();
  return {
    kafka: checkKafka(config.HEALTH_TIMEOUT_MS),
    hdfs: checkHdfs(config.WEBHDFS_URL, config.HDFS_USER, config.HEALTH_TIMEOUT_MS),
    postgres: checkPostgres(config.DATABASE_URL, config.HEALTH_TIMEOUT_MS),
  };
}

function checkKafka(timeoutMs: number): DependencyCheck {
  return async () => {
    // No retries: a health check reports the broker as it is now.
    const admin = createKafka({
      logLevel: logLevel.NOTHING,
      connectionTimeout: timeoutMs,
      requestTimeout: timeoutMs,
      retry: { retries: 0 },
    }).admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      return `${cluster.brokers.length} broker(s), controller ${cluster.controller ?? "none"}, cluster ${cluster.clusterId}`;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  };
}

function checkHdfs(baseUrl: string, user: string, timeoutMs: number): DependencyCheck {
  const hdfs = createWebHdfsClient({ baseUrl, user, timeoutMs });
  return async () => {
    const root = await hdfs.getFileStatus("/");
    return `GETFILESTATUS / -> ${root.type.toLowerCase()}`;
  };
}

// A fresh connection rather than the app's pool, so the check proves the
// server accepts connections now, not that an old one is still open.
function checkPostgres(url: string, timeoutMs: number): DependencyCheck {
  return async () => {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
    try {
      await client.connect();
      const { rows } = await client.query<{ one: number }>("SELECT 1 AS one");
      return `SELECT 1 -> ${rows[0]?.one}`;
    } finally {
      await client.end().catch(() => undefined);
    }
  };
}
