import { Elysia } from "elysia";
import type { Config } from "../config";
import { requestContext } from "../observe/request-context";
import { clientIp, isHttps } from "../security/client";
import { cookieHeader, identify, VerifiedCookies } from "./cookie";

/**
 * The address rate limits count by (see clientIp). The socket's address is noted by the
 * server's request wrapper (src/observe/http.ts) and looked up only when asked for here.
 */
export const clientAddress = (config: Config, request: Request) => clientIp(request, requestContext.getStore()?.peer, config.trustProxy);

/** Whether the cookie gets `Secure` (COOKIE_SECURE; auto: in production or over TLS). */
export const secureCookie = (config: Config, request: Request) =>
  config.cookieSecure === "always" || (config.cookieSecure === "auto" && (config.production || isHttps(request, config.trustProxy)));

/** The Set-Cookie that makes the browser user `userId` (sign-in, a claim, sign-out). */
export const identityCookie = (config: Config, request: Request, userId: string) =>
  cookieHeader(config.sessionSecrets[0]!, userId, secureCookie(config, request));

/** A new anonymous id and the Set-Cookie that makes the browser that user, as on a first visit. */
export function freshIdentity(config: Config, request: Request): { userId: string; setCookie: string } {
  const userId = crypto.randomUUID();
  return { userId, setCookie: identityCookie(config, request, userId) };
}

/**
 * The user of a request, from the signed cookie only; sets the cookie for new visitors.
 * `newVisitor`: the id was made for this request, so there is nothing of theirs to look up.
 */
function userOf(config: Config, verified: VerifiedCookies, request: Request, headers: Record<string, unknown>) {
  const { userId, newVisitor, setCookie } = identify(request, verified, secureCookie(config, request));
  if (setCookie) headers["set-cookie"] = setCookie;
  return { userId, newVisitor };
}

/** Adds `userId` and `newVisitor` to every route of the instance that uses them (routes that count nothing by address). */
export const userPlugin = (config: Config, verified = new VerifiedCookies(config.sessionSecrets)) =>
  new Elysia().derive({ as: "scoped" }, ({ request, set }) => userOf(config, verified, request, set.headers));

/** Adds `userId`, `newVisitor` and `ip` (the client's address, for rate limits) to every route of the instance that uses them. */
export const identityPlugin = (config: Config) => {
  const verified = new VerifiedCookies(config.sessionSecrets);
  return new Elysia().derive({ as: "scoped" }, ({ request, set }) => ({
    ...userOf(config, verified, request, set.headers),
    ip: clientAddress(config, request),
  }));
};
