import path from "node:path";
import { Client } from "pg";
import type { TestProject } from "vitest/node";
import { getConfig } from "@/lib/config";
import { dropDatabase, recreateDatabase, withDatabaseName } from "@/lib/db/database";
import { applyMigrations, readMigrations } from "@/lib/db/migrations";
import { ensureStack, stopServices } from "./support/stack";

declare module "vitest" {
  export interface ProvidedContext {
    /** A database created and migrated for this run only. */
    databaseUrl: string;
  }
}

/**
 * Integration tests run against the real stack: whatever is not running is
 * started here and stopped again afterwards. Each run gets its own freshly
 * migrated database, so no run sees another's rows.
 */
export default async function setup(project: TestProject) {
  const started = ensureStack();
  const databaseUrl = withDatabaseName(getConfig().DATABASE_URL, `heartlake_${project.name}_${process.pid}`);
  await recreateDatabase(databaseUrl);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await applyMigrations(client, await readMigrations(path.resolve(import.meta.dirname, "../../prisma/migrations")));
  } finally {
    await client.end();
  }
  project.provide("databaseUrl", databaseUrl);

  return async () => {
    await dropDatabase(databaseUrl);
    stopServices(started);
  };
}
