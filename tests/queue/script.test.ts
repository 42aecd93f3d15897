// Lua scripts are sent by SHA1 and in full only when Redis does not have them: one call or
// many in one round trip.
import { afterAll, expect, test } from "bun:test";
import { createHash } from "node:crypto";
import { commandClient } from "../../src/queue/redis";
import { LuaScript } from "../../src/queue/script";

const redis = commandClient(process.env.REDIS_URL || "redis://127.0.0.1:6379");
const prefix = `${process.env.REDIS_PREFIX}script-test:`;
afterAll(() => redis.quit());

/** A script Redis has never seen (its text is unique), which appends ARGV[1] to KEYS[1]. */
function freshScript() {
  const lua = `-- ${crypto.randomUUID()}\nreturn redis.call('APPEND', KEYS[1], ARGV[1])`;
  return { script: new LuaScript(lua), sha: createHash("sha1").update(lua).digest("hex") };
}

const loaded = async (sha: string) => ((await redis.script("EXISTS", sha)) as number[])[0] === 1;

test("run: a script Redis lacks is sent in full once, then by its SHA1", async () => {
  const { script, sha } = freshScript();
  const key = `${prefix}${crypto.randomUUID()}`;
  expect(await loaded(sha)).toBe(false);
  expect(await script.run(redis, [key], ["ab"])).toBe(2);
  expect(await loaded(sha)).toBe(true);
  expect(await script.run(redis, [key], ["c"])).toBe(3);
  expect(await redis.get(key)).toBe("abc"); // each call ran once
  await redis.del(key);
});

test("runEach: every call runs exactly once, replies in order, whether Redis had the script or not", async () => {
  const { script, sha } = freshScript();
  const keys = [0, 1, 2].map(() => `${prefix}${crypto.randomUUID()}`);
  const calls = keys.map((key, i) => ({ keys: [key], args: ["x".repeat(i + 1)] }));
  expect(await script.runEach(redis, calls)).toEqual([1, 2, 3]); // NOSCRIPT, then in full
  expect(await loaded(sha)).toBe(true);
  expect(await script.runEach(redis, calls)).toEqual([2, 4, 6]); // by SHA1
  expect(await redis.mget(...keys)).toEqual(["xx", "xxxx", "xxxxxx"]);
  await redis.del(...keys);
});

test("runEach: an error in one call is thrown", async () => {
  const { script } = freshScript();
  const list = `${prefix}${crypto.randomUUID()}`;
  await redis.lpush(list, "a"); // APPEND on a list: WRONGTYPE
  await expect(
    script.runEach(redis, [
      { keys: [`${prefix}${crypto.randomUUID()}`], args: ["a"] },
      { keys: [list], args: ["a"] },
    ]),
  ).rejects.toThrow(/WRONGTYPE/);
  await redis.del(list);
});
