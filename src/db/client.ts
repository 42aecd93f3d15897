import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import * as schema from "./schema";

export type Db = ReturnType<typeof createDb>["db"];

/**
 * One pool per process. `max` bounds in-flight queries (postgres.js slows down past its pool).
 * `onQuery` sees every query sent (the web counts them, to prove its caches work).
 */
export function createDb(databaseUrl: string, max = 10, onQuery?: () => void) {
  const sql = postgres(databaseUrl, { max, onnotice: () => {}, connect_timeout: 5, debug: onQuery && (() => onQuery()) });
  const db = drizzle(sql, { schema });
  return { sql, db };
}
