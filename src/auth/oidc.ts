// The OpenID Provider, through openid-client (certified): discovery, the authorization URL
// (code flow, PKCE S256, state, nonce) and the code exchange, which verifies the ID token
// (signature from the issuer's JWKS, iss, aud, exp, nonce). No JWT code of ours.
import * as oidc from "openid-client";
import type { Config } from "../config";
import { HttpError } from "../lib/errors";

export interface SignedIn {
  issuer: string;
  subject: string;
  name: string | null;
  email: string | null;
  /** false when nobody vouches for the e-mail (an LMS's claim): it then never makes staff */
  emailVerified?: boolean;
}

/** What the callback needs back from the login: kept server-side (pending.ts). */
export interface LoginChecks {
  codeVerifier: string;
  nonce: string;
}

const unavailable = () => new HttpError(503, "The sign-in service did not answer. Please try again in a moment.", { "retry-after": "5" });

export class Provider {
  // Discovery once per process; a failed one is tried again on the next sign-in.
  private discovered?: Promise<oidc.Configuration>;

  constructor(
    private settings: NonNullable<Config["oidc"]>,
    /** `${PUBLIC_URL}/auth/callback`, or the request's own origin when PUBLIC_URL is unset */
    readonly redirectUri: (request: Request) => string,
  ) {}

  private configuration(): Promise<oidc.Configuration> {
    if (!this.discovered) {
      const { issuer, clientId, clientSecret } = this.settings;
      const url = new URL(issuer);
      // The ID token's signature is checked against the issuer's JWKS too: openid-client skips
      // that by default for a token fetched over TLS, and we want it checked regardless.
      const execute = [oidc.enableNonRepudiationChecks];
      // Plain http: a provider on this machine (development, tests).
      if (url.protocol === "http:") execute.push(oidc.allowInsecureRequests);
      const auth = clientSecret ? oidc.ClientSecretPost(clientSecret) : oidc.None();
      this.discovered = oidc.discovery(url, clientId, undefined, auth, { execute }).catch((e) => {
        this.discovered = undefined;
        throw e;
      });
    }
    return this.discovered.catch(() => {
      throw unavailable();
    });
  }

  /** The provider's authorization URL for a new login, and the checks its callback needs. */
  async start(request: Request, state: string): Promise<{ url: string; checks: LoginChecks }> {
    const config = await this.configuration();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri(request),
      scope: "openid email profile",
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
    return { url: url.href, checks: { codeVerifier, nonce } };
  }

  /** The callback: exchanges the code and verifies the ID token; name and e-mail from it, else from userinfo. */
  async finish(request: Request, state: string, checks: LoginChecks): Promise<SignedIn> {
    const config = await this.configuration();
    // The redirect URI as registered (behind a proxy the request's own URL is an internal one).
    const current = new URL(this.redirectUri(request));
    current.search = new URL(request.url).search;
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedNonce: checks.nonce,
        expectedState: state,
        idTokenExpected: true,
      });
    } catch (e) {
      throw refusal(e);
    }
    const claims = tokens.claims()!;
    let name = str(claims.name);
    let email = verifiedEmail(claims);
    if ((!name || !email) && tokens.access_token) {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub).catch(() => undefined);
      name ??= str(info?.name);
      email ??= info ? verifiedEmail(info) : null;
    }
    return { issuer: claims.iss, subject: claims.sub, name, email: email?.toLowerCase() ?? null };
  }
}

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);

/**
 * The e-mail, unless the provider says it is not verified: staff are known by e-mail, and a
 * provider that lets anyone register any address marks it `email_verified: false` until proved.
 * (A provider that sends no such claim is trusted for its e-mails: README, Sign-in.)
 */
const verifiedEmail = (claims: Record<string, unknown>) =>
  claims.email_verified === false || claims.email_verified === "false" ? null : str(claims.email);

/** A refused code exchange or ID token, in words (the details go to the log through `cause`). */
function refusal(e: unknown): HttpError {
  const err = new HttpError(
    400,
    e instanceof oidc.ResponseBodyError || e instanceof oidc.AuthorizationResponseError
      ? "The sign-in service refused to complete this sign-in (it may have expired or been used already). Please sign in again."
      : "The sign-in could not be verified: the sign-in service's answer was not valid for PyPractice. Please sign in again.",
  );
  err.cause = e;
  return err;
}
