import { defineConfig } from "prisma/config";

// Only the CLI reads this file (generate, and `migrate deploy` where Prisma's
// schema engine exists). Our own runner, scripts/migrate.ts, applies the same
// migrations without that engine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5433/heartlake",
  },
});
