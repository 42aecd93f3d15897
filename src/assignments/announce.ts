import Redis from "ioredis";
import type { Config } from "../config";
import { makeKeys } from "../queue/keys";

/** Tells running web processes that a sync changed the course: they reload their catalog. Best
 *  effort: with Redis down, each reloads on its own start anyway. */
export async function announceSync(config: Config): Promise<void> {
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1 });
  redis.on("error", () => {});
  await redis.publish(makeKeys(config.redisPrefix).assignmentsChannel, "1").catch(() => {});
  redis.disconnect();
}
