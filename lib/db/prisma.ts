import { PrismaPg } from "@prisma/adapter-pg";
import { getConfig } from "@/lib/config";
import { PrismaClient } from "@/lib/generated/prisma/client";

/** A Prisma client on the pure-JS pg driver adapter (no native query engine). */
export function createPrisma(databaseUrl: string): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  return new PrismaClient({ adapter });
}

// Next.js bundles route handlers apart from server.ts, so a module-level
// variable would give each its own pool; globalThis gives the process one.
const shared = globalThis as unknown as { heartlakePrisma?: PrismaClient };

/** The process's shared client for the configured DATABASE_URL. */
export function getPrisma(): PrismaClient {
  shared.heartlakePrisma ??= createPrisma(getConfig().DATABASE_URL);
  return shared.heartlakePrisma;
}
