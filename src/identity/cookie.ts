// The anonymous user's identity: a random id in a signed, HttpOnly, SameSite=Lax cookie.
// A forged or damaged cookie is treated as no cookie. The user id comes from this cookie
// only: never from a body, a query string or another header.
import { createHmac, timingSafeEqual } from "node:crypto";

export const COOKIE_NAME = "uid";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ONE_YEAR = 365 * 24 * 3600;

const sign = (secret: string, id: string) => createHmac("sha256", secret).update(id).digest("base64url");

export function signUserId(secret: string, id: string): string {
  return `${id}.${sign(secret, id)}`;
}

/**
 * The id in a cookie value and the index of the secret that signed it, or undefined.
 * Every secret is tried (rotation: old cookies stay valid until the old secret is dropped).
 */
export function verifyUserId(secrets: string[], value: string | undefined): { id: string; secret: number } | undefined {
  if (!value || value.length > 200) return undefined;
  const dot = value.indexOf(".");
  const id = value.slice(0, dot);
  if (dot < 0 || !UUID.test(id)) return undefined;
  const given = Buffer.from(value.slice(dot + 1));
  for (let i = 0; i < secrets.length; i++) {
    const expected = Buffer.from(sign(secrets[i]!, id));
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { id, secret: i };
  }
  return undefined;
}

export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  // The usual header is our cookie alone: no split for it (this runs on every request).
  if (header.startsWith(`${name}=`) && header.indexOf(";") < 0) return header.slice(name.length + 1).trim();
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

/**
 * The same cookie for a page inside another site's iframe (an LMS): `SameSite=None` so it is
 * sent there at all, `Partitioned` (CHIPS) so browsers that block third-party cookies still
 * keep it, for that embedding site only. Partitioned requires Secure (http://localhost counts
 * as secure in browsers).
 */
export function framedCookieHeader(secret: string, id: string): string {
  return [
    `${COOKIE_NAME}=${signUserId(secret, id)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=None",
    "Secure",
    "Partitioned",
    `Max-Age=${ONE_YEAR}`,
  ].join("; ");
}

/** A request for a page shown inside another site's frame (an LMS page), as the browser says. */
export const isFramed = (request: Request) => ["iframe", "frame"].includes(request.headers.get("sec-fetch-dest") ?? "");

/**
 * Cookie values already verified against the current secret, so a returning user costs a
 * lookup instead of an HMAC. Only values that passed verification get in (the oldest go
 * first past `max`); one per process and secret list, like the secrets themselves.
 */
export class VerifiedCookies {
  private ids = new Map<string, string>();
  constructor(
    readonly secrets: string[],
    private max = 50_000,
  ) {}

  /** The user id in a cookie value signed by the current secret, if it is one. */
  current(value: string): string | undefined {
    return this.ids.get(value);
  }

  remember(value: string, id: string): void {
    this.ids.set(value, id);
    if (this.ids.size > this.max) this.ids.delete(this.ids.keys().next().value!);
  }
}

/**
 * The user of a request, and the Set-Cookie header to send when the user is new or the
 * cookie was signed by an older secret (re-signed with the current one, same id). Inside a
 * frame the re-signed cookie is the framed one: a cross-site iframe only ever had that one,
 * and its browser would reject a SameSite=Lax cookie there.
 * `newVisitor`: the id was made for this request (no valid cookie), so nothing of theirs exists yet.
 */
export function identify(
  request: Request,
  verified: VerifiedCookies,
  secure: boolean,
): { userId: string; newVisitor: boolean; setCookie?: string } {
  const value = readCookie(request.headers.get("cookie"), COOKIE_NAME);
  const known = value && verified.current(value);
  if (known) return { userId: known, newVisitor: false };
  const found = verifyUserId(verified.secrets, value);
  if (found && found.secret === 0) {
    verified.remember(value!, found.id);
    return { userId: found.id, newVisitor: false };
  }
  if (found && isFramed(request))
    return { userId: found.id, newVisitor: false, setCookie: framedCookieHeader(verified.secrets[0]!, found.id) };
  const userId = found?.id ?? crypto.randomUUID();
  return { userId, newVisitor: !found, setCookie: cookieHeader(verified.secrets[0]!, userId, secure) };
}
