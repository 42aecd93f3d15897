// The anonymous user's identity: a random id in a signed, HttpOnly, SameSite=Lax cookie.
// A forged or damaged cookie is treated as no cookie.
import { createHmac, timingSafeEqual } from "node:crypto";

export const COOKIE_NAME = "uid";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ONE_YEAR = 365 * 24 * 3600;

const sign = (secret: string, id: string) => createHmac("sha256", secret).update(id).digest("base64url");

export function signUserId(secret: string, id: string): string {
  return `${id}.${sign(secret, id)}`;
}

export function verifyUserId(secret: string, value: string | undefined): string | undefined {
  if (!value) return undefined;
  const dot = value.indexOf(".");
  const id = value.slice(0, dot);
  if (dot < 0 || !UUID.test(id)) return undefined;
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(sign(secret, id));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
}

export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function cookieHeader(secret: string, id: string, secure: boolean): string {
  const attrs = [`${COOKIE_NAME}=${signUserId(secret, id)}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${ONE_YEAR}`];
  if (secure) attrs.push("Secure");
  return attrs.join("; ");
}

/** The user of a request, and the Set-Cookie header to send when the user is new. */
export function identify(request: Request, secret: string, secure: boolean): { userId: string; setCookie?: string } {
  const existing = verifyUserId(secret, readCookie(request.headers.get("cookie"), COOKIE_NAME));
  if (existing) return { userId: existing };
  const userId = crypto.randomUUID();
  return { userId, setCookie: cookieHeader(secret, userId, secure) };
}
