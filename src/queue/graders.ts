// Whether any grader is alive: registered in the workers set with its heartbeat not expired.
import type Redis from "ioredis";
import type { Keys } from "./keys";
import { LuaScript } from "./script";

// KEYS[1] the workers set. ARGV[1], ARGV[2]: what comes before and after a worker's id in its
// heartbeat key. Returns 1 when some registered worker's heartbeat exists, else 0. The
// heartbeat keys come from the set's members, so they cannot be passed as KEYS: one round trip
// instead of two (this Redis is not a cluster).
const ANY_ALIVE = new LuaScript(`
for _, worker in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if redis.call('EXISTS', ARGV[1] .. worker .. ARGV[2]) == 1 then return 1 end
end
return 0
`);

export async function anyGraderAlive(redis: Redis, keys: Keys): Promise<boolean> {
  const [before, after] = keys.heartbeat("\n").split("\n");
  return (await ANY_ALIVE.run(redis, [keys.workers], [before!, after!])) === 1;
}
