import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { inject } from "vitest";
import { dropDatabase, recreateDatabase, withDatabaseName } from "@/lib/db/database";

/** A brand-new empty database for one test; dropped by the returned cleanup. */
export async function createScratchDatabase(): Promise<{ url: string; client: Client; drop: () => Promise<void> }> {
  const url = withDatabaseName(inject("databaseUrl"), `heartlake_scratch_${randomBytes(4).toString("hex")}`);
  await recreateDatabase(url);
  const client = new Client({ connectionString: url });
  await client.connect();
  return {
    url,
    client,
    drop: async () => {
      await client.end();
      await dropDatabase(url);
    },
  };
}

/** A connection to this run's migrated database. */
export async function connectToMigratedDatabase(): Promise<Client> {
  const client = new Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  return client;
}
