// Raw rows (from SQL drizzle cannot build) mapped the way drizzle maps its own results.
import { getTableColumns, type Table } from "drizzle-orm";

/** A row as Postgres named it (snake_case, driver values) → the table's typed row. */
export function mapRow<T extends Table>(table: T, raw: Record<string, unknown>): T["$inferSelect"] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T["$inferSelect"];
}
