// Checks every request gets before routing, and the security headers every response gets.
import { Elysia } from "elysia";
import type { Config } from "../config";
import { HttpError } from "../lib/errors";
import { pathOf } from "../observe/http";
import { requestContext } from "../observe/request-context";
import { requestedHost } from "./client";
import { SECURITY_HEADERS } from "./headers";
import { KNOWN_METHODS, wrongMethod } from "./methods";

/** Bun.serve refuses more than 16 KiB of request line and headers (431); app.handle does not. */
export const MAX_URL_BYTES = 8 * 1024;
export const MAX_HEADER_BYTES = 16 * 1024;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The host name without port: proxies often drop the port from Host (nginx's $host). */
const hostname = (host: string) => new URL(`http://${host}`).hostname;

/**
 * Whether a state-changing request was sent by a page of another site. Browsers say so in
 * Sec-Fetch-Site (or, older ones, in Origin); a request with neither header comes from a
 * program (curl, k6, a test's fetch) that holds its own cookie jar, not a victim's browser,
 * so it goes through. `Origin: null` (sandboxed frames, cross-site redirects) is refused.
 * The Origin fallback (browsers before Sec-Fetch-Site) compares host names, not ports.
 */
export function isCrossSite(request: Request, trustProxy: number): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  try {
    return new URL(origin).hostname !== hostname(requestedHost(request, trustProxy));
  } catch {
    return true;
  }
}

function headerBytes(headers: Headers): number {
  let n = 0;
  headers.forEach((value, name) => {
    n += name.length + value.length + 4;
  });
  return n;
}

/** The 414 or 431 a request gets for its size, or undefined (the guard's first checks). */
export function sizeRefusal(request: Request): HttpError | undefined {
  if (request.url.length > MAX_URL_BYTES) {
    return new HttpError(414, `The address is longer than the limit of ${MAX_URL_BYTES} characters.`);
  }
  // Through the server (a request scope is open) Bun.serve has refused such headers already:
  // counting them again would read every header of every request.
  if (!requestContext.getStore() && headerBytes(request.headers) > MAX_HEADER_BYTES) {
    return new HttpError(431, `The request headers are larger than the limit of ${MAX_HEADER_BYTES} bytes.`);
  }
  return undefined;
}

/**
 * Where an LMS posts from its own pages (LTI login initiation and launch): cross-site by
 * design, and proved by the signed id_token and the one-time state instead (src/lti/).
 */
const CROSS_SITE_POSTS = new Set(["/lti/login", "/lti/launch"]);

/**
 * `allowed(path)` lists the methods a path answers to (see methods.ts); `headers()` the
 * security headers of the moment (framing by registered LMSs, src/lti/frame.ts).
 */
export const requestGuard = (
  config: Config,
  allowed: (path: string) => string[],
  headers: () => Record<string, string> = () => SECURITY_HEADERS,
) =>
  new Elysia({ name: "request-guard" })
    .onRequest(({ request, set }) => {
      Object.assign(set.headers, headers());
      const refused = sizeRefusal(request);
      if (refused) throw refused;
      if (!KNOWN_METHODS.has(request.method)) throw wrongMethod(allowed(new URL(request.url).pathname), request.method);
      if (!SAFE_METHODS.has(request.method) && isCrossSite(request, config.trustProxy) && !CROSS_SITE_POSTS.has(pathOf(request.url))) {
        throw new HttpError(
          403,
          "This request came from another website, so it was refused. Submit your code from PyPractice's own pages.",
        );
      }
    })
    .as("global");
