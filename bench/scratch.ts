// Every benchmark's own database and Redis prefix, and the environment for its processes:
// the app runs as in production (NODE_ENV=production: asset URLs and public files worked
// out once at start, not checked on each request as in development), with abuse limits
// lifted, since one machine plays every visitor here.

import { createScratch } from "../scripts/scratch";
import { loadConfig } from "../src/config";

export async function benchScratch() {
  const base = loadConfig(process.env);
  const scratch = await createScratch("bench", base);
  const env = {
    DATABASE_URL: scratch.databaseUrl,
    REDIS_PREFIX: scratch.redisPrefix,
    NODE_ENV: "production",
    SESSION_SECRET: `bench-${crypto.randomUUID()}`,
    LOG_LEVEL: "warn",
    SUBMISSIONS_PER_MINUTE: "1000000",
    SUBMISSIONS_PER_MINUTE_PER_IP: "10000000",
    QUEUE_CAP: "10000000",
    STREAMS_PER_MINUTE: "1000000",
    STREAMS_PER_MINUTE_PER_IP: "10000000",
  };
  return { base, scratch, env };
}
