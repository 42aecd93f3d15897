// Verifies a launch's id_token completely, before anything is written: the signature by the
// platform's JWKS (RS256 only), iss, aud, azp, exp and iat, the nonce of the login that
// started it (and never seen before), the deployment, the LTI version and message type,
// and the target_link_uri the login asked for.
import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from "jose";
import type { Context } from "../context";
import { HttpError } from "../lib/errors";
import { CLAIM, MESSAGE_TYPES } from "./claims";
import { firstUseOfNonce, type PendingLtiLogin } from "./pending";
import type { Platform } from "./platforms";

/** Clock skew allowed between us and the platform on exp and iat. */
const SKEW_SECONDS = 60;
/** An id_token is made for this launch; older ones are refused even before they expire. */
const MAX_AGE_SECONDS = 600;

/**
 * The platforms' key sets, one per JWKS URL: cached, fetched again on a `kid` we have not
 * seen, but not more often than every LTI_JWKS_COOLDOWN_SECONDS (30 s): a flood of made-up
 * kids cannot hammer the LMS, and a platform's new key works within that time.
 */
export class PlatformKeys {
  private sets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  constructor(private cooldownMs: number) {}

  of(jwksUrl: string) {
    let set = this.sets.get(jwksUrl);
    if (!set) {
      set = createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: this.cooldownMs, cacheMaxAge: 10 * 60_000, timeoutDuration: 5000 });
      this.sets.set(jwksUrl, set);
    }
    return set;
  }
}

const refuse = (status: number, why: string) => new HttpError(status, `This launch from your LMS was refused: ${why}`);

/** The jose failure in words. */
function tokenRefusal(e: unknown): HttpError {
  if (e instanceof errors.JWTExpired) return refuse(401, "its sign-in token has expired. Please open the activity again from your course.");
  if (e instanceof errors.JOSEAlgNotAllowed || e instanceof errors.JOSENotSupported)
    return refuse(401, "its sign-in token is not signed with RS256, the only algorithm accepted.");
  if (e instanceof errors.JWSSignatureVerificationFailed)
    return refuse(401, "its sign-in token's signature does not match the LMS's keys.");
  if (e instanceof errors.JWKSNoMatchingKey) return refuse(401, "its sign-in token is signed with a key the LMS does not publish.");
  if (e instanceof errors.JWKSTimeout || e instanceof errors.JWKSInvalid || !(e instanceof errors.JOSEError))
    return refuse(401, "the LMS's public keys could not be fetched to check its sign-in token.");
  if (e instanceof errors.JWTClaimValidationFailed) {
    const which: Record<string, string> = {
      aud: "its sign-in token is meant for another tool (audience).",
      iss: "its sign-in token comes from another LMS (issuer).",
      iat: "its sign-in token was issued in the future or too long ago.",
      nbf: "its sign-in token is not valid yet.",
    };
    return refuse(401, which[e.claim] ?? `its sign-in token's ${e.claim} claim is not valid.`);
  }
  return refuse(401, "its sign-in token could not be verified.");
}

export async function verifyLaunch(
  ctx: Context,
  keys: PlatformKeys,
  platform: Platform,
  login: PendingLtiLogin,
  idToken: string,
): Promise<JWTPayload & Record<string, unknown>> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, keys.of(platform.jwksUrl), {
      algorithms: ["RS256"],
      issuer: platform.issuer,
      audience: platform.clientId,
      clockTolerance: SKEW_SECONDS,
      maxTokenAge: MAX_AGE_SECONDS + SKEW_SECONDS,
      requiredClaims: ["exp", "iat", "sub", "nonce"],
    }));
  } catch (e) {
    ctx.log.warn("lti launch refused", { error: String(e) });
    throw tokenRefusal(e);
  }
  const p = payload as JWTPayload & Record<string, unknown>;
  if ((p.iat ?? 0) > Date.now() / 1000 + SKEW_SECONDS) throw refuse(401, "its sign-in token was issued in the future.");
  // azp: required when the token has several audiences, and then it must be us.
  const auds = Array.isArray(p.aud) ? p.aud : [p.aud];
  if ((auds.length > 1 || p.azp !== undefined) && p.azp !== platform.clientId)
    throw refuse(401, "its sign-in token names another tool as its authorized party (azp).");
  if (p.nonce !== login.nonce) throw refuse(400, "its sign-in token does not belong to the login that started it (nonce).");
  if (p[CLAIM.version] !== "1.3.0") throw refuse(400, "it is not an LTI 1.3.0 launch.");
  const type = p[CLAIM.messageType];
  if (typeof type !== "string" || !MESSAGE_TYPES.has(type))
    throw refuse(400, `its message type ${JSON.stringify(type ?? null)} is not one PyPractice knows.`);
  const deployment = p[CLAIM.deploymentId];
  if (typeof deployment !== "string" || !platform.deploymentIds.includes(deployment))
    throw refuse(403, "it comes from a deployment of the LMS that is not registered with PyPractice. Ask your LMS administrator.");
  if (p[CLAIM.targetLinkUri] !== login.targetLinkUri) throw refuse(400, "its target link does not match the one the login asked for.");
  if (typeof p.sub !== "string" || p.sub === "") throw refuse(400, "it does not say who the user is (an anonymous launch).");
  // Last: only a launch valid in every other way uses up its nonce.
  if (!(await firstUseOfNonce(ctx, platform.issuer, login.nonce))) throw refuse(400, "this launch was already used (a replayed nonce).");
  return p;
}
