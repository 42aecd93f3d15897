import Redis from "ioredis";
import { configOrExit } from "../config";
import { createDb } from "../db/client";
import { makeKeys } from "../queue/keys";
import { syncAssignments, syncSummary } from "./sync";

const config = configOrExit();
const { db, sql } = createDb(config.databaseUrl, 1);
const synced = await syncAssignments(db, config.assignmentsDir);
await sql.end();
// Running web processes reload their catalog of assignments.
const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1 });
await redis.publish(makeKeys(config.redisPrefix).assignmentsChannel, "1").catch(() => {});
redis.disconnect();
console.log(syncSummary(synced));
