// A real OpenID Provider for the tests (panva's oidc-provider, certified) on loopback, with a
// minimal interaction that logs in whoever the test names, and a browser-like driver for the
// flow: /auth/login -> the provider's authorization endpoint -> its interaction -> /auth/callback.

import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { createServer } from "node:http";
import { createServer as netServer } from "node:net";
import Provider from "oidc-provider";
import type { Client } from "./app";

export interface TestUser {
  sub: string;
  name: string;
  email: string;
  /** what the provider says of the e-mail; absent: it says nothing */
  email_verified?: boolean;
}

/** Rewrites the ID token the token endpoint answers with: `forge` signs any claims with the provider's own key. */
type Tamper = (claims: Record<string, unknown>, forge: (claims: Record<string, unknown>, key?: KeyObject) => string) => string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = netServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** What the tests' middlewares read of oidc-provider's Koa context (the package ships no types). */
interface KoaContext {
  path: string;
  body: unknown;
  req: unknown;
  res: unknown;
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

export async function startProvider(redirectBase = "http://localhost") {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = "test-key";
  const jwk = { ...privateKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" };
  const users = new Map<string, TestUser>();
  const state: { next?: TestUser; tamper?: Tamper } = {};

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: "pypractice",
        client_secret: "test-secret",
        redirect_uris: [`${redirectBase}/auth/callback`],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: ["test-cookie-key"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, sub: string) => {
      const user = users.get(sub);
      return user ? { accountId: sub, claims: () => ({ ...user }) } : undefined;
    },
  });

  // The interaction: log in the user the test chose, then grant what the client asked for.
  provider.use(async (ctx: KoaContext, next: () => Promise<void>) => {
    if (!ctx.path.startsWith("/interaction/")) return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (details.prompt.name === "login") {
      const user = state.next;
      if (!user) throw new Error("the test did not say who logs in");
      users.set(user.sub, user);
      return provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
    }
    const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id as string });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    return provider.interactionFinished(ctx.req, ctx.res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  });

  // Hostile tests: the token endpoint's ID token replaced by one the test forges.
  provider.use(async (ctx: KoaContext, next: () => Promise<void>) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== "/token" || !state.tamper || !body?.id_token) return;
    const claims = JSON.parse(Buffer.from(body.id_token.split(".")[1]!, "base64url").toString());
    const forge = (c: Record<string, unknown>, key: KeyObject = privateKey) => {
      const input = `${b64({ alg: "RS256", typ: "JWT", kid })}.${b64(c)}`;
      return `${input}.${sign("sha256", Buffer.from(input), key).toString("base64url")}`;
    };
    ctx.body = { ...body, id_token: state.tamper(claims, forge) };
  });

  const server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));

  return {
    issuer,
    env: {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: "pypractice",
      OIDC_CLIENT_SECRET: "test-secret",
      OIDC_LABEL: "Sign in with Test University",
    },
    /** who logs in at the provider from now on */
    as(user: TestUser) {
      state.next = user;
    },
    tamper(t: Tamper | undefined) {
      state.tamper = t;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TestProvider = Awaited<ReturnType<typeof startProvider>>;

/** One browser's cookies at the provider (the app's are in the Client). */
class Jar {
  private cookies = new Map<string, string>();
  header = () => [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  }
}

/**
 * Goes from /auth/login through the provider, as `user`, and returns the callback's path
 * (with code and state) without following it.
 */
/** `next` null: the login link has none (the header's), and `headers` (a Referer) say where it was followed from. */
export async function callbackFor(
  client: Client,
  op: TestProvider,
  user: TestUser,
  next: string | null = "/assignments",
  headers?: HeadersInit,
): Promise<string> {
  op.as(user);
  const start = await client.request(next === null ? "/auth/login" : `/auth/login?next=${encodeURIComponent(next)}`, { headers });
  if (start.status !== 302) throw new Error(`/auth/login answered ${start.status}: ${await start.text()}`);
  let url = start.headers.get("location")!;
  const jar = new Jar();
  for (let hops = 0; hops < 10; hops++) {
    if (url.startsWith("http://localhost/")) return url.slice("http://localhost".length);
    const res = await fetch(url, { redirect: "manual", headers: { cookie: jar.header() } });
    jar.take(res);
    const location = res.headers.get("location");
    if (!location) throw new Error(`the provider answered ${res.status} at ${url}: ${await res.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error("too many redirects at the provider");
}

/** The whole sign-in: returns the callback's response (303 to the next page, or to /auth/claim). */
export async function signIn(
  client: Client,
  op: TestProvider,
  user: TestUser,
  next: string | null = "/assignments",
  headers?: HeadersInit,
): Promise<Response> {
  return client.request(await callbackFor(client, op, user, next, headers));
}

export const newUser = (name = "Ada Lovelace"): TestUser => {
  const sub = crypto.randomUUID();
  return { sub, name, email: `${sub.slice(0, 8)}@uni.example.edu` };
};
