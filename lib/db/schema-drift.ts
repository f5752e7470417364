import { get_dmmf } from "@prisma/prisma-schema-wasm";

/**
 * Compares what schema.prisma describes with what the migrated database holds.
 * Prisma's own drift check needs its native schema engine, which cannot be
 * downloaded everywhere; this one needs only the schema parser (WASM) and the
 * PostgreSQL catalog, and reports each difference in words.
 */

export interface ColumnShape {
  /** PostgreSQL's format_type(), e.g. "timestamp(3) with time zone". */
  type: string;
  nullable: boolean;
}

export interface SchemaShape {
  tables: Record<string, Record<string, ColumnShape>>;
  /** Signatures such as `workouts UNIQUE (device_id, client_id)`. */
  indexes: string[];
  /** Signatures such as `devices (user_id) -> users (id)`. */
  foreignKeys: string[];
  enums: Record<string, string[]>;
}

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "normal" | "unique" | "fulltext";
  fields: { name: string; sortOrder?: "asc" | "desc" }[];
}
interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] }[];
    indexes: DmmfIndex[];
  };
}

/** The database shape schema.prisma asks for. */
export function expectedShape(prismaSchema: string): SchemaShape {
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema }))) as Dmmf;
  const { models, enums, indexes } = dmmf.datamodel;
  const enumDbName = new Map(enums.map((e) => [e.name, e.dbName ?? e.name]));
  const byName = new Map(models.map((m) => [m.name, m]));
  const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
  const columnOf = (m: DmmfModel, field: string) => {
    const f = m.fields.find((x) => x.name === field);
    return f?.dbName ?? field;
  };

  const shape: SchemaShape = { tables: {}, indexes: [], foreignKeys: [], enums: {} };
  for (const e of enums) shape.enums[e.dbName ?? e.name] = e.values.map((v) => v.dbName ?? v.name);
  for (const model of models) {
    const columns: Record<string, ColumnShape> = {};
    for (const field of model.fields) {
      if (field.kind === "object") {
        const target = byName.get(field.type);
        if (target && field.relationFromFields?.length) {
          const from = field.relationFromFields.map((f) => columnOf(model, f)).join(", ");
          const to = (field.relationToFields ?? []).map((f) => columnOf(target, f)).join(", ");
          shape.foreignKeys.push(`${tableOf(model)} (${from}) -> ${tableOf(target)} (${to})`);
        }
        continue;
      }
      columns[field.dbName ?? field.name] = {
        type: postgresType(field, enumDbName),
        // Prisma's migrations never put NOT NULL on scalar lists.
        nullable: field.isList || !field.isRequired,
      };
    }
    shape.tables[tableOf(model)] = columns;
  }
  for (const index of indexes) {
    const model = byName.get(index.model);
    if (!model || index.type === "fulltext") continue;
    const cols = index.fields.map((f) => columnOf(model, f.name) + (f.sortOrder === "desc" ? " DESC" : ""));
    shape.indexes.push(
      indexSignature(
        tableOf(model),
        index.type === "id" ? "PRIMARY" : index.type === "unique" ? "UNIQUE" : "INDEX",
        cols,
      ),
    );
  }
  return shape;
}

export function indexSignature(table: string, kind: "PRIMARY" | "UNIQUE" | "INDEX", columns: string[]): string {
  return `${table} ${kind} (${columns.join(", ")})`;
}

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
  Decimal: "numeric(65,30)",
};

const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Uuid: () => "uuid",
  Text: () => "text",
  VarChar: ([n]) => (n ? `character varying(${n})` : "character varying"),
  Timestamptz: ([p = "6"]) => `timestamp(${p}) with time zone`,
  Timestamp: ([p = "6"]) => `timestamp(${p}) without time zone`,
  Date: () => "date",
  Integer: () => "integer",
  SmallInt: () => "smallint",
  BigInt: () => "bigint",
  DoublePrecision: () => "double precision",
  Real: () => "real",
  JsonB: () => "jsonb",
  Decimal: ([p, s]) => `numeric(${p},${s})`,
};

function postgresType(field: DmmfField, enumDbName: Map<string, string>): string {
  let base: string;
  if (field.kind === "enum") base = enumDbName.get(field.type) ?? field.type;
  else if (field.nativeType) {
    const [native, args] = field.nativeType;
    const map = NATIVE_TYPES[native];
    if (!map) throw new Error(`schema-drift: native type @db.${native} is not mapped yet; add it to NATIVE_TYPES`);
    base = map(args);
  } else {
    const scalar = SCALAR_TYPES[field.type];
    if (!scalar) throw new Error(`schema-drift: Prisma type ${field.type} is not mapped yet; add it to SCALAR_TYPES`);
    base = scalar;
  }
  return field.isList ? `${base}[]` : base;
}

/** Every way the database differs from the expected shape, in words; empty when they agree. */
export function diffShapes(expected: SchemaShape, actual: SchemaShape): string[] {
  const problems: string[] = [];
  for (const [table, columns] of Object.entries(expected.tables)) {
    const found = actual.tables[table];
    if (!found) {
      problems.push(`table ${table}: in schema.prisma, missing from the database`);
      continue;
    }
    for (const [name, want] of Object.entries(columns)) {
      const got = found[name];
      if (!got) problems.push(`column ${table}.${name}: in schema.prisma, missing from the database`);
      else if (got.type !== want.type)
        problems.push(`column ${table}.${name}: schema says ${want.type}, database has ${got.type}`);
      else if (got.nullable !== want.nullable)
        problems.push(
          `column ${table}.${name}: schema says ${want.nullable ? "NULL" : "NOT NULL"}, database has ${got.nullable ? "NULL" : "NOT NULL"}`,
        );
    }
    for (const name of Object.keys(found)) {
      if (!columns[name]) problems.push(`column ${table}.${name}: in the database, not in schema.prisma`);
    }
  }
  for (const table of Object.keys(actual.tables)) {
    if (!expected.tables[table]) problems.push(`table ${table}: in the database, not in schema.prisma`);
  }
  problems.push(...setDiff("index", expected.indexes, actual.indexes));
  problems.push(...setDiff("foreign key", expected.foreignKeys, actual.foreignKeys));
  for (const [name, values] of Object.entries(expected.enums)) {
    const got = actual.enums[name];
    if (!got) problems.push(`enum ${name}: in schema.prisma, missing from the database`);
    else if (got.join(",") !== values.join(","))
      problems.push(`enum ${name}: schema says [${values}], database has [${got}]`);
  }
  return problems;
}

function setDiff(what: string, expected: string[], actual: string[]): string[] {
  const have = new Set(actual);
  const want = new Set(expected);
  return [
    ...expected.filter((s) => !have.has(s)).map((s) => `${what} ${s}: in schema.prisma, missing from the database`),
    ...actual.filter((s) => !want.has(s)).map((s) => `${what} ${s}: in the database, not in schema.prisma`),
  ];
}
