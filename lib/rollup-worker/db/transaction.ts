import type { Pool, PoolClient } from "pg";

// deadlock_detected and serialization_failure: the transaction did nothing
// and can simply run again (the API locks workouts too, in its own order).
const RETRYABLE = new Set(["40P01", "40001"]);

/** Runs `work` in one transaction, again (up to `attempts` times) when PostgreSQL aborted it for a deadlock. */
export async function inTransaction<T>(pool: Pool, work: (db: PoolClient) => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      client.release();
      return result;
    } catch (err) {
      // A client whose transaction may still be open must not go back to the pool.
      await client.query("ROLLBACK").catch(() => undefined);
      client.release(err instanceof Error ? err : true);
      if (attempt >= attempts || !isRetryable(err)) throw err;
    }
  }
}

function isRetryable(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && RETRYABLE.has(String(err.code));
}
