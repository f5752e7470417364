import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Client } from "pg";

/**
 * Applies prisma/migrations without Prisma's native schema engine, which
 * cannot be downloaded on every machine. It keeps Prisma's own bookkeeping
 * table (`_prisma_migrations`, same columns and checksums), so a database
 * migrated here is one `prisma migrate deploy` considers up to date.
 */

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

/** Prisma's migrate lock id, so our runner and Prisma's never interleave. */
const PRISMA_ADVISORY_LOCK = 72707369;

const BOOKKEEPING_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

/** Reads migration folders in name order (Prisma names them by timestamp). */
export async function readMigrations(dir: string): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    }),
  );
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

export async function applyMigrations(client: Client, migrations: Migration[]): Promise<MigrationResult> {
  await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
  try {
    await client.query(BOOKKEEPING_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    const result: MigrationResult = { applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      const previous = done.get(migration.name);
      if (previous) {
        assertUnchanged(migration, previous);
        result.alreadyApplied.push(migration.name);
        continue;
      }
      await applyOne(client, migration);
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]);
  }
}

function assertUnchanged(migration: Migration, previous: { checksum: string; finished_at: Date | null }) {
  if (!previous.finished_at) {
    throw new MigrationError(
      `migration ${migration.name} failed earlier and was never finished; fix the database by hand, then mark it rolled back`,
    );
  }
  if (previous.checksum !== migration.checksum) {
    throw new MigrationError(
      `migration ${migration.name} was edited after it was applied; add a new migration instead of changing an applied one`,
    );
  }
}

// Each migration runs in its own transaction: PostgreSQL DDL is transactional,
// so a failing migration leaves neither half a schema nor a bookkeeping row.
async function applyOne(client: Client, migration: Migration) {
  await client.query("BEGIN");
  try {
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    const reason = err instanceof Error ? err.message : String(err);
    throw new MigrationError(`migration ${migration.name} failed: ${reason}`);
  }
}
