// A test LMS: the platform side of LTI 1.3 for real, on loopback, signing with `jose`. It has
// its own RSA keys and JWKS, initiates logins (a course page with the tool in an iframe, or a
// top-level link), answers the authorization request by POSTing a signed id_token to the
// tool, issues access tokens for a client-credentials grant whose JWT assertion it verifies
// against the tool's JWKS, and records scores (for Assignment and Grade Services) in a
// gradebook that keeps the latest by timestamp, as AGS asks. It also takes Deep Linking
// responses (verified against the tool's JWKS), and can fail score posts or go down.
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
  jwtVerify,
  SignJWT,
} from "jose";
import { freePort } from "./processes";

const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
export const ROLE = {
  learner: "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",
  instructor: "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
  ta: "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant",
};

export interface LaunchUser {
  sub: string;
  name: string;
  email?: string;
  roles: string[];
}

export interface LaunchOptions {
  user: LaunchUser;
  /** custom parameter assignment=<slug> */
  slug?: string;
  resourceLinkId?: string;
  context?: { id: string; title?: string; label?: string };
  messageType?: string;
  /** claims to add or replace (undefined deletes) */
  claims?: Record<string, unknown>;
}

const AGS = "https://purl.imsglobal.org/spec/lti-ags/";
const DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

/** `bun run lti:platform add` for an LMS at `issuer` (endpoints /auth, /token, /jwks under it unless given). */
export function addArgs(issuer: string, o: { clientId: string; deploymentId: string; authUrl?: string }): string[] {
  const flags = {
    "--issuer": issuer,
    "--client-id": o.clientId,
    "--deployment-id": o.deploymentId,
    "--auth-url": o.authUrl ?? `${issuer}/auth`,
  };
  return ["add", ...Object.entries(flags).flat(), "--token-url", `${issuer}/token`, "--jwks-url", `${issuer}/jwks`];
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface PlatformOptions {
  clientId?: string;
  deploymentId?: string;
  /** the tool's JWKS, for a tool served in-process (app.handle) rather than at `tool` */
  toolJwks?: () => Promise<JSONWebKeySet>;
}

export async function startPlatform(tool: string, opts: PlatformOptions = {}) {
  const port = freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = opts.clientId ?? `client-${crypto.randomUUID().slice(0, 8)}`;
  const deploymentId = opts.deploymentId ?? "deployment-1";
  let current = await newKey();
  const published: JWK[] = [current.jwk];
  /** what the next authorization request signs, by login_hint */
  const pending = new Map<string, LaunchOptions>();
  const scores: { lineItem: string; body: Record<string, unknown>; token: string }[] = [];
  /** the gradebook: per line item and user, the score with the latest timestamp */
  const gradebook = new Map<string, Record<string, unknown>>();
  /** statuses the next score posts get instead of being recorded, first first */
  const scoreFailures: number[] = [];
  const deepLinks: Record<string, unknown>[] = [];
  const tokens = new Set<string>();
  let tokenRequests = 0;
  const remote = createRemoteJWKSet(new URL(`${tool}/lti/jwks`));
  const fetchJwks = opts.toolJwks;
  const toolKeys: JWTVerifyGetKey = fetchJwks ? async (header, token) => createLocalJWKSet(await fetchJwks())(header, token) : remote;

  async function newKey() {
    const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
    const kid = crypto.randomUUID();
    return { kid, privateKey, publicKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" } };
  }

  /** The id_token claims of a launch (before signing). */
  function claimsFor(o: LaunchOptions, nonce: string): Record<string, unknown> {
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      iss: issuer,
      aud: clientId,
      sub: o.user.sub,
      iat: now,
      exp: now + 300,
      nonce,
      name: o.user.name,
      email: o.user.email,
      [`${LTI}message_type`]: o.messageType ?? "LtiResourceLinkRequest",
      [`${LTI}version`]: "1.3.0",
      [`${LTI}deployment_id`]: deploymentId,
      [`${LTI}target_link_uri`]: `${tool}/lti/launch`,
      [`${LTI}resource_link`]: { id: o.resourceLinkId ?? "link-1", title: "Practice" },
      [`${LTI}roles`]: o.user.roles,
      [`${LTI}context`]: o.context ?? { id: "course-1", title: "Programming 1", label: "PROG1" },
      [`${LTI}custom`]: o.slug ? { assignment: o.slug } : {},
    };
    for (const [k, v] of Object.entries(o.claims ?? {})) {
      if (v === undefined) delete claims[k];
      else claims[k] = v;
    }
    return claims;
  }

  const sign = (claims: Record<string, unknown>, key = current.privateKey, kid = current.kid) =>
    new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid, typ: "JWT" }).sign(key);

  /** The form an LMS auto-submits to the tool's redirect URI (here with a button too). */
  const postForm = (action: string, fields: Record<string, string>) =>
    new Response(
      `<!doctype html><html><body><form id="f" method="post" action="${esc(action)}">${Object.entries(fields)
        .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
        .join("")}<button>Continue</button></form><script>document.getElementById("f").submit()</script></body></html>`,
      { headers: { "content-type": "text/html" } },
    );

  const loginUrl = (hint: string) =>
    `${tool}/lti/login?${new URLSearchParams({ iss: issuer, login_hint: hint, target_link_uri: `${tool}/lti/launch`, client_id: clientId, lti_deployment_id: deploymentId })}`;

  async function handle(req: Request): Promise<Response> {
    const url = new URL(req.url);
    if (url.pathname === "/jwks") return Response.json({ keys: published });
    if (url.pathname === "/auth") {
      const q = url.searchParams;
      const o = pending.get(q.get("login_hint") ?? "");
      if (!o || q.get("client_id") !== clientId || q.get("response_mode") !== "form_post" || q.get("response_type") !== "id_token")
        return new Response("bad authorization request", { status: 400 });
      return postForm(q.get("redirect_uri")!, { id_token: await sign(claimsFor(o, q.get("nonce")!)), state: q.get("state")! });
    }
    // A course page: the tool in an iframe (as Canvas and Moodle embed it), or a link to it.
    if (url.pathname === "/course") {
      const hint = url.searchParams.get("hint")!;
      const body = url.searchParams.get("top")
        ? `<a id="open" href="${esc(loginUrl(hint))}">Open the activity</a>`
        : `<iframe id="tool" src="${esc(loginUrl(hint))}" style="width:1200px;height:800px" allow="clipboard-write"></iframe>`;
      return new Response(`<!doctype html><html><body><h1>Programming 1 (LMS)</h1>${body}</body></html>`, {
        headers: { "content-type": "text/html" },
      });
    }
    if (url.pathname === "/token" && req.method === "POST") {
      tokenRequests++;
      const form = new URLSearchParams(await req.text());
      if (form.get("grant_type") !== "client_credentials") return Response.json({ error: "unsupported_grant_type" }, { status: 400 });
      try {
        await jwtVerify(form.get("client_assertion") ?? "", toolKeys, {
          issuer: clientId,
          subject: clientId,
          audience: `${issuer}/token`,
          algorithms: ["RS256"],
        });
      } catch {
        return Response.json({ error: "invalid_client" }, { status: 401 });
      }
      const token = crypto.randomUUID();
      tokens.add(token);
      return Response.json({ access_token: token, token_type: "Bearer", expires_in: 3600, scope: form.get("scope") });
    }
    const score = /^\/lineitems\/([^/]+)\/scores$/.exec(url.pathname);
    if (score && req.method === "POST") {
      const token = req.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
      if (!tokens.has(token)) return new Response("unauthorized", { status: 401 });
      if (req.headers.get("content-type") !== "application/vnd.ims.lis.v1.score+json")
        return new Response("wrong content type", { status: 415 });
      const failure = scoreFailures.shift();
      if (failure) return new Response(`failure ${failure} as asked`, { status: failure });
      const body = (await req.json()) as Record<string, unknown>;
      scores.push({ lineItem: score[1]!, body, token });
      const key = `${score[1]}|${body.userId}`;
      const old = gradebook.get(key);
      if (!old || String(old.timestamp) <= String(body.timestamp)) gradebook.set(key, body);
      return new Response(null, { status: 204 });
    }
    if (url.pathname === "/deep-link-return" && req.method === "POST") {
      const form = new URLSearchParams(await req.text());
      try {
        const { payload } = await jwtVerify(form.get("JWT") ?? "", toolKeys, { issuer: clientId, audience: issuer, algorithms: ["RS256"] });
        deepLinks.push(payload as Record<string, unknown>);
      } catch (e) {
        return new Response(`bad deep linking response: ${e}`, { status: 400 });
      }
      return new Response("<!doctype html><html><body><h1>Activities added (LMS)</h1></body></html>", {
        headers: { "content-type": "text/html" },
      });
    }
    return new Response("not found", { status: 404 });
  }
  const serve = () => Bun.serve({ port, hostname: "127.0.0.1", fetch: handle });
  let server = serve();
  let up = true;

  return {
    issuer,
    clientId,
    deploymentId,
    scores,
    gradebook,
    deepLinks,
    tokenRequests: () => tokenRequests,
    /** the next score posts answer these statuses, one each */
    failScores: (...statuses: number[]) => scoreFailures.push(...statuses),
    /** the LMS goes down (connections refused) and comes back on the same port */
    down: () => {
      if (up) void server.stop(true);
      up = false;
    },
    up: () => {
      if (!up) server = serve();
      up = true;
    },
    /** the claims of a resource link launch offering AGS with this line item */
    agsClaims: (lineItem: string) => ({
      [`${AGS}claim/endpoint`]: {
        scope: [`${AGS}scope/lineitem`, `${AGS}scope/score`, `${AGS}scope/result.readonly`],
        lineitem: `${issuer}/lineitems/${lineItem}`,
        lineitems: `${issuer}/lineitems`,
      },
    }),
    /** the claims of a Deep Linking request that returns to this platform */
    deepLinkingClaims: (o: { acceptMultiple?: boolean; acceptTypes?: string[]; data?: string } = {}) => ({
      [`${DL}deep_linking_settings`]: {
        deep_link_return_url: `${issuer}/deep-link-return`,
        accept_types: o.acceptTypes ?? ["ltiResourceLink"],
        accept_presentation_document_targets: ["iframe", "window"],
        accept_multiple: o.acceptMultiple ?? true,
        ...(o.data === undefined ? {} : { data: o.data }),
      },
      [`${LTI}resource_link`]: undefined,
    }),
    urls: { auth: `${issuer}/auth`, token: `${issuer}/token`, jwks: `${issuer}/jwks` },
    /** the arguments of `bun run lti:platform add` for this platform */
    addArgs: () => addArgs(issuer, { clientId, deploymentId }),
    /** the next login with this hint launches as `o` */
    prepare(o: LaunchOptions): string {
      const hint = crypto.randomUUID();
      pending.set(hint, o);
      return hint;
    },
    loginUrl,
    claimsFor,
    sign,
    /** a new signing key, published beside the old one (the tool must fetch the JWKS again) */
    async rotate() {
      current = await newKey();
      published.push(current.jwk);
      return current.kid;
    },
    /** a key the platform does not publish */
    stranger: newKey,
    publicKey: () => current.publicKey,
    close: () => server.stop(true),
  };
}

export type TestPlatform = Awaited<ReturnType<typeof startPlatform>>;
