// A Lua script sent by its SHA1 (EVALSHA), and in full only when Redis does not have it yet
// (first use, or after a restart or SCRIPT FLUSH): less to send and parse on every call.
import { createHash } from "node:crypto";
import type Redis from "ioredis";

export class LuaScript {
  private readonly sha: string;

  constructor(private readonly lua: string) {
    this.sha = createHash("sha1").update(lua).digest("hex");
  }

  async run(redis: Redis, keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (e) {
      if (!String(e).includes("NOSCRIPT")) throw e;
      return redis.eval(this.lua, keys.length, ...keys, ...args);
    }
  }
}
