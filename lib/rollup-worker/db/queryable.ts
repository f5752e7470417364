import type { PoolClient } from "pg";

/** What the rollup's SQL needs of a connection: a pool client inside a transaction. */
export type Queryable = Pick<PoolClient, "query">;

/** A timestamptz from epoch ms, exact (no float seconds): `${msToTimestamptz("$1")}`. */
export const msToTimestamptz = (param: string) => `('epoch'::timestamptz + ${param} * interval '1 millisecond')`;

/**
 * Epoch ms of a timestamptz as a JS number (pg would parse a Date, slowly, for
 * every row). date_part's double is off by far less than 0.5 ms, and the
 * column holds whole ms, so rounding gives it back exactly.
 */
export const timestamptzToMs = (column: string) => `round(date_part('epoch', ${column}) * 1000)`;
