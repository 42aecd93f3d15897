import { join } from "node:path";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { createDb } from "./client";

const MIGRATIONS = join(import.meta.dir, "..", "..", "drizzle");
// Any fixed number: several processes starting at once take turns migrating.
const LOCK_KEY = 7_800_001;

/** Applies the committed SQL migrations; idempotent and safe to run from many processes. */
export async function runMigrations(databaseUrl: string): Promise<void> {
  const { sql, db } = createDb(databaseUrl, 1);
  try {
    await sql`select pg_advisory_lock(${LOCK_KEY})`;
    await migrate(db, { migrationsFolder: MIGRATIONS });
  } finally {
    await sql`select pg_advisory_unlock(${LOCK_KEY})`.catch(() => {});
    await sql.end();
  }
}
