import { inject } from "vitest";

// Runs in each test worker before any test module is imported, so the app's
// config (read once, on first use) points at this run's own database.
process.env.DATABASE_URL = inject("databaseUrl");
