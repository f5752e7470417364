import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDatabaseShape } from "@/lib/db/catalog";
import { diffShapes, expectedShape } from "@/lib/db/schema-drift";
import { connectToMigratedDatabase } from "./support/databases";

const SCHEMA_PATH = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");

describe("schema.prisma against the migrated database", () => {
  let client: Client;
  let schema: string;
  beforeAll(async () => {
    client = await connectToMigratedDatabase();
    schema = await readFile(SCHEMA_PATH, "utf8");
  });
  afterAll(() => client.end());

  it("given the migrations in prisma/migrations, when compared with schema.prisma, then there is no drift", async () => {
    const drift = diffShapes(expectedShape(schema), await readDatabaseShape(client));

    expect(drift, "schema.prisma and prisma/migrations disagree: add a migration").toEqual([]);
  });

  it("given a schema.prisma with a field no migration created, when compared, then the drift is caught", async () => {
    const drifted = schema.replace("model Device {", "model Device {\n  firmware String");

    const drift = diffShapes(expectedShape(drifted), await readDatabaseShape(client));

    expect(drift).toEqual(["column devices.firmware: in schema.prisma, missing from the database"]);
  });

  it("given a schema.prisma with an index no migration created, when compared, then the drift is caught", async () => {
    const drifted = schema.replace('@@map("devices")', '@@index([lastSeenAt])\n  @@map("devices")');

    const drift = diffShapes(expectedShape(drifted), await readDatabaseShape(client));

    expect(drift).toEqual(["index devices INDEX (last_seen_at): in schema.prisma, missing from the database"]);
  });
});
