import type { Client } from "pg";
import { indexSignature, type SchemaShape } from "./schema-drift";

/** Prisma's bookkeeping table is not part of the application's schema. */
const IGNORED_TABLES = new Set(["_prisma_migrations"]);

/** Reads the public schema's tables, indexes, foreign keys and enums from the catalog. */
export async function readDatabaseShape(client: Client): Promise<SchemaShape> {
  const shape: SchemaShape = { tables: {}, indexes: [], foreignKeys: [], enums: {} };

  const columns = await client.query<{ table: string; column: string; type: string; nullable: boolean }>(`
    SELECT c.relname AS table, a.attname AS column,
           format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`);
  for (const row of columns.rows) {
    if (IGNORED_TABLES.has(row.table)) continue;
    (shape.tables[row.table] ??= {})[row.column] = { type: row.type, nullable: row.nullable };
  }

  const indexes = await client.query<{ table: string; primary: boolean; unique: boolean; columns: string[] }>(`
    SELECT t.relname AS table, ix.indisprimary AS primary, ix.indisunique AS unique,
           -- pg_get_indexdef quotes reserved words ("offset"); compare bare names.
           array(SELECT regexp_replace(pg_get_indexdef(ix.indexrelid, k + 1, true), '^"(.*)"$', '\\1')
                        || CASE WHEN ix.indoption[k] & 1 = 1 THEN ' DESC' ELSE '' END
                 FROM generate_subscripts(ix.indkey, 1) AS k ORDER BY k) AS columns
    FROM pg_index ix
    JOIN pg_class t ON t.oid = ix.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public'`);
  for (const row of indexes.rows) {
    if (IGNORED_TABLES.has(row.table)) continue;
    const kind = row.primary ? "PRIMARY" : row.unique ? "UNIQUE" : "INDEX";
    shape.indexes.push(indexSignature(row.table, kind, row.columns));
  }

  const foreignKeys = await client.query<{ signature: string }>(`
    SELECT format('%s (%s) -> %s (%s)', src.relname,
             (SELECT string_agg(a.attname, ', ' ORDER BY k.i) FROM unnest(con.conkey) WITH ORDINALITY AS k(n, i)
                JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n),
             dst.relname,
             (SELECT string_agg(a.attname, ', ' ORDER BY k.i) FROM unnest(con.confkey) WITH ORDINALITY AS k(n, i)
                JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n)) AS signature
    FROM pg_constraint con
    JOIN pg_class src ON src.oid = con.conrelid
    JOIN pg_class dst ON dst.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = src.relnamespace
    WHERE con.contype = 'f' AND n.nspname = 'public'`);
  shape.foreignKeys = foreignKeys.rows.map((r) => r.signature);

  const enums = await client.query<{ name: string; values: string[] }>(`
    SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
    FROM pg_type t
    JOIN pg_enum e ON e.enumtypid = t.oid
    JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public'
    GROUP BY t.typname`);
  for (const row of enums.rows) shape.enums[row.name] = row.values;

  return shape;
}
