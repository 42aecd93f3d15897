// Runs once before the suite: a private database and Redis key prefix for this run,
// so runs never collide; both are removed afterwards.
import { afterAll } from "bun:test";
import { createScratch } from "../scripts/scratch";
import { ensureServices } from "../scripts/services";
import { loadConfig } from "../src/config";

const base = loadConfig(process.env);
await ensureServices(base);
const scratch = await createScratch("test", base);

process.env.DATABASE_URL = scratch.databaseUrl;
process.env.REDIS_PREFIX = scratch.redisPrefix;
process.env.LOG_LEVEL ??= "warn";
process.env.NODE_ENV = "test";

afterAll(() => scratch.drop());
