import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, checksumOf, MigrationError, readMigrations, type Migration } from "@/lib/db/migrations";
import { createScratchDatabase } from "./support/databases";

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

const migration = (name: string, sql: string): Migration => ({ name, sql, checksum: checksumOf(sql) });

describe("applyMigrations against PostgreSQL", () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  it("given an empty database, when the project's migrations are applied, then every table exists and Prisma's bookkeeping records them", async () => {
    const db = await createScratchDatabase();
    cleanup = db.drop;
    const migrations = await readMigrations(MIGRATIONS_DIR);

    const result = await applyMigrations(db.client, migrations);

    expect(result.applied).toEqual(migrations.map((m) => m.name));
    const tables = await db.client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    expect(tables.rows.map((r) => r.tablename)).toEqual(
      expect.arrayContaining([
        "_prisma_migrations",
        "consumer_offsets",
        "devices",
        "users",
        "workout_minutes",
        "workouts",
      ]),
    );
    const recorded = await db.client.query("SELECT migration_name, checksum, finished_at FROM _prisma_migrations");
    expect(recorded.rows).toEqual(
      migrations.map((m) => ({ migration_name: m.name, checksum: m.checksum, finished_at: expect.any(Date) })),
    );
  });

  it("given a migrated database, when applied again, then nothing is re-run", async () => {
    const db = await createScratchDatabase();
    cleanup = db.drop;
    const migrations = await readMigrations(MIGRATIONS_DIR);
    await applyMigrations(db.client, migrations);

    const again = await applyMigrations(db.client, migrations);

    expect(again).toEqual({ applied: [], alreadyApplied: migrations.map((m) => m.name) });
  });

  it("given an applied migration whose file was edited, when applied, then it refuses and names the migration", async () => {
    const db = await createScratchDatabase();
    cleanup = db.drop;
    await applyMigrations(db.client, [migration("001_a", "CREATE TABLE a (id int)")]);

    await expect(applyMigrations(db.client, [migration("001_a", "CREATE TABLE a (id bigint)")])).rejects.toThrow(
      /001_a was edited after it was applied/,
    );
  });

  it("given a failing migration, when applied, then neither its changes nor a bookkeeping row remain", async () => {
    const db = await createScratchDatabase();
    cleanup = db.drop;

    await expect(
      applyMigrations(db.client, [migration("001_bad", "CREATE TABLE half (id int); SELECT no_such_function();")]),
    ).rejects.toThrow(MigrationError);

    const half = await db.client.query("SELECT to_regclass('public.half') AS t");
    expect(half.rows[0].t).toBeNull();
    const rows = await db.client.query("SELECT count(*)::int AS n FROM _prisma_migrations");
    expect(rows.rows[0].n).toBe(0);
  });
});
