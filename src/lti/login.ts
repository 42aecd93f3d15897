// OIDC third-party login initiation (LTI 1.3 §5.1.1): the LMS names itself and the link;
// we remember a fresh state and nonce server-side and send the browser to the LMS's
// authorization endpoint, which answers by POSTing the id_token to /lti/launch.
import type { Context } from "../context";
import { readCookie } from "../identity/cookie";
import { clientAddress } from "../identity/plugin";
import { HttpError } from "../lib/errors";
import { requestOrigin } from "../security/client";
import { limitLoginStart } from "../security/rate-limit";
import { LOGIN_TTL_SECONDS, type PendingLtiLogin, saveLtiLogin } from "./pending";
import { findPlatform } from "./platforms";

const str = (v: unknown) => (typeof v === "string" && v !== "" && v.length <= 4096 ? v : undefined);
const bad = (why: string) => new HttpError(400, `This LMS login could not start: ${why}`);

/** Where the tool's endpoints are: PUBLIC_URL, else the origin the client addressed (through trusted proxies). */
export const toolBase = (ctx: Context, request: Request) => ctx.config.publicUrl ?? requestOrigin(request, ctx.config.trustProxy);

/**
 * The login's browser cookie: where the browser keeps it (any that keeps partitioned cookies,
 * in the LMS's iframe too), the launch must bring it back, so a launch form carried to another
 * browser is refused there. A browser that blocks every cookie sends none, and is let through:
 * the launch cannot rely on a cookie (docs/design.md §14). One value per browser, kept across
 * logins, so two logins at once (two tools on one LMS page) do not overwrite each other.
 */
const BROWSER_COOKIE = "lti_login";
const UUID = /^[0-9a-f-]{36}$/;
const browserCookie = (value: string) =>
  [`${BROWSER_COOKIE}=${value}`, "Path=/lti/", "HttpOnly", "SameSite=None", "Secure", "Partitioned", `Max-Age=${LOGIN_TTL_SECONDS}`].join(
    "; ",
  );

/** Whether a launch may finish in this browser: it brought its login's cookie back, or no cookie at all. */
export function sameBrowser(request: Request, login: PendingLtiLogin): boolean {
  if (!login.browser) return true; // a login started before this check existed
  const header = request.headers.get("cookie");
  const sent = readCookie(header, BROWSER_COOKIE);
  return sent === login.browser || (!sent && !header?.trim());
}

/** The LMS's authorization URL for this login (a 302 target), and the browser cookie to set. */
export async function startLogin(
  ctx: Context,
  request: Request,
  params: Record<string, unknown>,
): Promise<{ location: string; cookie: string }> {
  await limitLoginStart(ctx, clientAddress(ctx.config, request));
  const issuer = str(params.iss);
  const loginHint = str(params.login_hint);
  const target = str(params.target_link_uri);
  if (!issuer || !loginHint || !target) throw bad("the LMS must send iss, login_hint and target_link_uri.");
  const base = toolBase(ctx, request);
  let targetUrl: URL;
  try {
    targetUrl = new URL(target);
  } catch {
    throw bad("target_link_uri is not a URL.");
  }
  if (targetUrl.origin !== new URL(base).origin) throw bad(`target_link_uri must be an address of this tool (${base}).`);
  const clientId = str(params.client_id);
  const platform = await findPlatform(ctx, issuer, clientId);
  if (platform === "ambiguous") throw bad("this LMS is registered with several client ids, and it did not say which (client_id).");
  if (!platform)
    throw new HttpError(
      403,
      `This LMS login could not start: no LMS with issuer ${issuer}${clientId ? ` and client id ${clientId}` : ""} is registered with PyPractice. Ask your LMS administrator.`,
    );
  const deployment = str(params.lti_deployment_id);
  if (deployment && !platform.deploymentIds.includes(deployment))
    throw new HttpError(403, "This LMS login could not start: it comes from a deployment that is not registered with PyPractice.");

  const state = crypto.randomUUID();
  const nonce = crypto.randomUUID();
  const kept = readCookie(request.headers.get("cookie"), BROWSER_COOKIE);
  const browser = kept && UUID.test(kept) ? kept : crypto.randomUUID();
  await saveLtiLogin(ctx, state, { platformId: platform.id, issuer, clientId: platform.clientId, nonce, targetLinkUri: target, browser });
  const url = new URL(platform.authUrl);
  const q = url.searchParams;
  q.set("scope", "openid");
  q.set("response_type", "id_token");
  q.set("response_mode", "form_post");
  q.set("prompt", "none");
  q.set("client_id", platform.clientId);
  q.set("redirect_uri", `${base}/lti/launch`);
  q.set("login_hint", loginHint);
  q.set("state", state);
  q.set("nonce", nonce);
  const hint = str(params.lti_message_hint);
  if (hint) q.set("lti_message_hint", hint);
  return { location: url.href, cookie: browserCookie(browser) };
}
