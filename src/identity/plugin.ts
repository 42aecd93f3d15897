import { Elysia } from "elysia";
import type { Config } from "../config";
import { identify } from "./cookie";

/** Adds `userId` to every route of the instance that uses it; sets the cookie for new visitors. */
export const identityPlugin = (config: Config) =>
  new Elysia().derive({ as: "scoped" }, ({ request, set }) => {
    const { userId, setCookie } = identify(request, config.sessionSecret, config.production);
    if (setCookie) set.headers["set-cookie"] = setCookie;
    return { userId };
  });
