import { Elysia } from "elysia";
import type { Context } from "./context";

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), ms))]);

export const healthRoutes = (ctx: Context) =>
  new Elysia().get("/health", async ({ set }) => {
    const checks = await Promise.allSettled([withTimeout(ctx.sql`select 1`, 2000), withTimeout(ctx.redis.ping(), 2000)]);
    const [pg, redis] = checks.map((c) => c.status === "fulfilled");
    if (pg && redis) return { status: "ok" };
    set.status = 503;
    return { status: "unavailable", postgres: pg ? "ok" : "down", redis: redis ? "ok" : "down" };
  });
