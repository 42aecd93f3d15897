import { configOrExit } from "../config";
import { createDb } from "../db/client";
import { syncAssignments } from "./sync";

const config = configOrExit();
const { db, sql } = createDb(config.databaseUrl, 1);
const n = await syncAssignments(db, config.assignmentsDir);
await sql.end();
console.log(`${n} assignments synced`);
