// Short-lived JSON values in Redis (sign-in and LTI state: logins, claims, tickets, Deep
// Linking requests), each with a TTL. Without Redis none of these can start or finish, so a
// failed command is a 503 in words rather than a 500.
import type { Context } from "../context";
import { HttpError } from "./errors";

export async function redis<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch {
    throw new HttpError(503, "Signing in is unavailable for a moment. Please try again shortly.", { "retry-after": "5" });
  }
}

export async function putJson(ctx: Context, key: string, value: unknown, ttlSeconds: number): Promise<void> {
  await redis(() => ctx.redis.set(key, JSON.stringify(value), "EX", ttlSeconds));
}

/** The value, once: GETDEL, so a second use of the same state or ticket finds nothing. */
export async function takeJson<T>(ctx: Context, key: string): Promise<T | undefined> {
  const raw = await redis(() => ctx.redis.getdel(key));
  return raw ? (JSON.parse(raw) as T) : undefined;
}

export async function getJson<T>(ctx: Context, key: string): Promise<T | undefined> {
  const raw = await redis(() => ctx.redis.get(key));
  return raw ? (JSON.parse(raw) as T) : undefined;
}

/** True when the key existed. */
export async function dropKey(ctx: Context, key: string): Promise<boolean> {
  return (await redis(() => ctx.redis.del(key))) === 1;
}
