import { describe, expect, it } from "vitest";
import { diffShapes, expectedShape, type SchemaShape } from "./schema-drift";

const schemaWith = (models: string) => `
datasource db {
  provider = "postgresql"
}
enum Level {
  LOW
  HIGH
  @@map("level")
}
${models}`;

const baseModels = `
model Owner {
  id   String @id @db.Uuid
  name String?
  pets Pet[]
  @@map("owners")
}
model Pet {
  id      Int      @id
  ownerId String   @map("owner_id") @db.Uuid
  level   Level
  seenAt  DateTime @map("seen_at") @db.Timestamptz(3)
  owner   Owner    @relation(fields: [ownerId], references: [id])
  @@index([ownerId, seenAt(sort: Desc)])
  @@map("pets")
}`;

/** The database shape that exactly matches baseModels. */
const matchingDatabase = (): SchemaShape => ({
  tables: {
    owners: { id: { type: "uuid", nullable: false }, name: { type: "text", nullable: true } },
    pets: {
      id: { type: "integer", nullable: false },
      owner_id: { type: "uuid", nullable: false },
      level: { type: "level", nullable: false },
      seen_at: { type: "timestamp(3) with time zone", nullable: false },
    },
  },
  indexes: ["owners PRIMARY (id)", "pets PRIMARY (id)", "pets INDEX (owner_id, seen_at DESC)"],
  foreignKeys: ["pets (owner_id) -> owners (id)"],
  enums: { level: ["LOW", "HIGH"] },
});

describe("expectedShape + diffShapes", () => {
  it("given a database built from the schema, when compared, then there is no drift", () => {
    expect(diffShapes(expectedShape(schemaWith(baseModels)), matchingDatabase())).toEqual([]);
  });

  it("given a model field with no column, when compared, then the missing column is named", () => {
    const schema = schemaWith(baseModels.replace("name String?", "name String?\n  email String"));

    expect(diffShapes(expectedShape(schema), matchingDatabase())).toEqual([
      "column owners.email: in schema.prisma, missing from the database",
    ]);
  });

  it("given a column of another type, when compared, then both types are named", () => {
    const db = matchingDatabase();
    db.tables.pets!.seen_at = { type: "timestamp(3) without time zone", nullable: false };

    expect(diffShapes(expectedShape(schemaWith(baseModels)), db)).toEqual([
      "column pets.seen_at: schema says timestamp(3) with time zone, database has timestamp(3) without time zone",
    ]);
  });

  it("given a nullability mismatch, when compared, then it is reported", () => {
    const db = matchingDatabase();
    db.tables.owners!.name = { type: "text", nullable: false };

    expect(diffShapes(expectedShape(schemaWith(baseModels)), db)).toEqual([
      "column owners.name: schema says NULL, database has NOT NULL",
    ]);
  });

  it("given an index the migrations never created, when compared, then it is reported", () => {
    const db = matchingDatabase();
    db.indexes = db.indexes.filter((i) => !i.includes("INDEX ("));

    expect(diffShapes(expectedShape(schemaWith(baseModels)), db)).toEqual([
      "index pets INDEX (owner_id, seen_at DESC): in schema.prisma, missing from the database",
    ]);
  });

  it("given an index sorted the other way, when compared, then it counts as a different index", () => {
    const db = matchingDatabase();
    db.indexes = db.indexes.map((i) => i.replace(" DESC", ""));

    expect(diffShapes(expectedShape(schemaWith(baseModels)), db)).toHaveLength(2);
  });

  it("given extra tables, columns, keys and enum values in the database, when compared, then each is reported", () => {
    const db = matchingDatabase();
    db.tables.legacy = { id: { type: "integer", nullable: false } };
    db.tables.owners!.nickname = { type: "text", nullable: true };
    db.foreignKeys.push("owners (id) -> legacy (id)");
    db.enums.level = ["LOW", "MID", "HIGH"];

    expect(diffShapes(expectedShape(schemaWith(baseModels)), db)).toEqual([
      "column owners.nickname: in the database, not in schema.prisma",
      "table legacy: in the database, not in schema.prisma",
      "foreign key owners (id) -> legacy (id): in the database, not in schema.prisma",
      "enum level: schema says [LOW,HIGH], database has [LOW,MID,HIGH]",
    ]);
  });

  it("given a native type it does not know, when read, then it says how to extend the mapping", () => {
    const schema = schemaWith(baseModels.replace("name String?", "name String? @db.Inet"));

    expect(() => expectedShape(schema)).toThrow(/@db.Inet is not mapped yet/);
  });
});
