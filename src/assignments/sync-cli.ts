import { configOrExit } from "../config";
import { createDb } from "../db/client";
import { announceSync } from "./announce";
import { syncAssignments, syncSummary } from "./sync";

const config = configOrExit();
const { db, sql } = createDb(config.databaseUrl, 1);
const synced = await syncAssignments(db, config.assignmentsDir);
await sql.end();
await announceSync(config);
console.log(syncSummary(synced));
