// Applies prisma/migrations to DATABASE_URL (creating the database if needed).
// Usage: npm run db:migrate
import path from "node:path";
import { Client } from "pg";
import { getConfig } from "@/lib/config";
import { ensureDatabase, redact } from "@/lib/db/database";
import { applyMigrations, readMigrations } from "@/lib/db/migrations";

async function main() {
  const url = getConfig().DATABASE_URL;
  await ensureDatabase(url);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const migrations = await readMigrations(path.resolve(import.meta.dirname, "../prisma/migrations"));
    const { applied, alreadyApplied } = await applyMigrations(client, migrations);
    for (const name of applied) console.log(`[migrate] applied ${name}`);
    console.log(`[migrate] ${redact(url)}: ${applied.length} applied, ${alreadyApplied.length} already up to date`);
  } finally {
    await client.end();
  }
}

main().catch((err: unknown) => {
  console.error(`[migrate] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
