// Before the web server starts: services answering, migrations applied, assignments loaded.

import { syncAssignments, syncSummary } from "../src/assignments/sync";
import { configOrExit } from "../src/config";
import { createDb } from "../src/db/client";
import { runMigrations } from "../src/db/migrate";
import { ensureServices } from "./services";

const config = configOrExit();
await ensureServices(config);
await runMigrations(config.databaseUrl);
const { db, sql } = createDb(config.databaseUrl, 1);
const synced = await syncAssignments(db, config.assignmentsDir);
await sql.end();
console.log(`database ready, ${syncSummary(synced)}`);
