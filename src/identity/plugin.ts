import { Elysia } from "elysia";
import type { Config } from "../config";
import { clientIp, isHttps } from "../security/client";
import { requestContext } from "../observe/request-context";
import { identify } from "./cookie";

/**
 * Adds `userId` (from the signed cookie only) and `ip` (the client's address, for rate
 * limits) to every route of the instance that uses it; sets the cookie for new visitors.
 */
export const identityPlugin = (config: Config) =>
  new Elysia().derive({ as: "scoped" }, ({ request, set }) => {
    const secure = config.cookieSecure === "always" ||
      (config.cookieSecure === "auto" && (config.production || isHttps(request, config.trustProxy)));
    const { userId, setCookie } = identify(request, config.sessionSecrets, secure);
    if (setCookie) set.headers["set-cookie"] = setCookie;
    // The socket's address is noted by the server's request wrapper (src/observe/http.ts).
    return { userId, ip: clientIp(request, requestContext.getStore()?.peer, config.trustProxy) };
  });
