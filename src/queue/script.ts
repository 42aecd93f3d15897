// A Lua script sent by its SHA1 (EVALSHA), and in full only when Redis does not have it yet
// (first use, or after a restart or SCRIPT FLUSH): less to send and parse on every call.
// Every script of the app is called this way. Each one states its contract above it:
// KEYS, ARGV, effect and reply.
import { createHash } from "node:crypto";
import type Redis from "ioredis";

export interface ScriptCall {
  keys: string[];
  args: (string | number)[];
}

const noScript = (e: unknown) => String(e).includes("NOSCRIPT");

export class LuaScript {
  private readonly sha: string;

  constructor(private readonly lua: string) {
    this.sha = createHash("sha1").update(lua).digest("hex");
  }

  async run(redis: Redis, keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (e) {
      if (!noScript(e)) throw e;
      return redis.eval(this.lua, keys.length, ...keys, ...args);
    }
  }

  /**
   * Runs the script once per call, all in one round trip (a pipeline); the calls Redis
   * answered NOSCRIPT (not run) are sent again in full. Throws the first error.
   */
  async runEach(redis: Redis, calls: ScriptCall[]): Promise<unknown[]> {
    const replies = await this.pipelined(redis, calls, false);
    const missing = calls.flatMap((_, i) => (noScript(replies[i]![0]) ? [i] : []));
    if (missing.length > 0) {
      const again = await this.pipelined(
        redis,
        missing.map((i) => calls[i]!),
        true,
      );
      missing.forEach((i, j) => {
        replies[i] = again[j]!;
      });
    }
    return replies.map(([err, reply]) => {
      if (err) throw err;
      return reply;
    });
  }

  private async pipelined(redis: Redis, calls: ScriptCall[], full: boolean): Promise<[Error | null, unknown][]> {
    const pipeline = redis.pipeline();
    for (const { keys, args } of calls) {
      if (full) pipeline.eval(this.lua, keys.length, ...keys, ...args);
      else pipeline.evalsha(this.sha, keys.length, ...keys, ...args);
    }
    return (await pipeline.exec()) ?? [];
  }
}
