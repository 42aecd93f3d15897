// Stands in for "k6/http": synchronous get/post/request with k6's defaults: a cookie jar per
// VU, redirects followed (up to 10), a 60 s timeout, and a request counted as failed when it
// got no response or a status outside 200-399 (k6's http_req_failed).
import { recorded, roundTrip, type WireReply } from "./state";

interface Params {
  headers?: Record<string, string>;
  timeout?: string | number; // "60s", "500ms", or milliseconds
}

type Body = string | null | undefined;

/** k6's cookie jar, reduced to what a session cookie needs: per host, Secure only over https. */
const jar = new Map<string, Map<string, { value: string; secure: boolean }>>();

function storeCookies(url: URL, setCookies: string[]): void {
  const cookies = jar.get(url.host) ?? new Map();
  jar.set(url.host, cookies);
  for (const line of setCookies) {
    const [pair = "", ...attrs] = line.split(";").map((s) => s.trim());
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq);
    const lower = attrs.map((a) => a.toLowerCase());
    const maxAge = lower.find((a) => a.startsWith("max-age="));
    const expires = attrs.find((a) => a.toLowerCase().startsWith("expires="));
    const gone = (maxAge && Number(maxAge.slice(8)) <= 0) || (expires && Date.parse(expires.slice(8)) < Date.now());
    if (gone) cookies.delete(name);
    else cookies.set(name, { value: pair.slice(eq + 1), secure: lower.includes("secure") });
  }
}

function cookieHeader(url: URL): string {
  const cookies = [...(jar.get(url.host) ?? [])].filter(([, c]) => !c.secure || url.protocol === "https:");
  return cookies.map(([name, c]) => `${name}=${c.value}`).join("; ");
}

function milliseconds(t: string | number | undefined): number {
  if (t === undefined) return 60_000;
  if (typeof t === "number") return t;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(t);
  if (!m) throw new Error(`k6 shim: unsupported timeout ${t}`);
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000 }[m[2] as "ms" | "s" | "m"];
}

/** "content-type" -> "Content-Type", as k6 presents response headers. */
const canonical = (name: string) => name.replace(/(^|-)([a-z])/g, (_, dash, c) => dash + c.toUpperCase());

export class Response {
  readonly status: number;
  readonly body: string | null;
  readonly headers: Record<string, string>;
  readonly error: string;
  readonly error_code: number;

  constructor(
    readonly url: string,
    reply: WireReply,
  ) {
    this.status = reply.status;
    this.body = reply.body;
    this.error = reply.error;
    this.error_code = reply.errorCode;
    this.headers = {};
    for (const [k, v] of reply.headers) this.headers[canonical(k)] = this.headers[canonical(k)] ? `${this.headers[canonical(k)]}, ${v}` : v;
  }

  /** Parses the body; throws on a missing or malformed body, as k6 does. */
  json(): any {
    if (this.body === null) throw new Error(`k6 shim: no body to parse as JSON (${this.error})`);
    return JSON.parse(this.body);
  }
}

export function request(method: string, url: string, body?: Body, params: Params = {}): Response {
  if (body !== null && body !== undefined && typeof body !== "string") throw new Error("k6 shim: only string bodies are implemented");
  for (let hop = 0; ; hop++) {
    const target = new URL(url);
    const headers: Record<string, string> = { "User-Agent": "k6-shim (bun test)", ...params.headers };
    const cookie = cookieHeader(target);
    if (cookie) headers.Cookie = cookie;
    const reply = roundTrip({ method, url, headers, body: body ?? null, timeoutMs: milliseconds(params.timeout) });
    storeCookies(target, reply.setCookies);
    const failed = reply.status < 200 || reply.status > 399;
    recorded.requests.push({ method, url, status: reply.status, failed, error: reply.error });
    const location = reply.headers.find(([k]) => k.toLowerCase() === "location")?.[1];
    if (reply.status >= 301 && reply.status <= 308 && reply.status !== 304 && location && hop < 10) {
      url = new URL(location, url).href;
      if (reply.status === 303 || (method === "POST" && reply.status <= 302)) [method, body] = ["GET", null];
      continue;
    }
    return new Response(url, reply);
  }
}

export const get = (url: string, params?: Params) => request("GET", url, null, params);
export const post = (url: string, body?: Body, params?: Params) => request("POST", url, body, params);

export default { get, post, request };
