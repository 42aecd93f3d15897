// Who is on the other end: the client's address, the host it asked for, and whether it
// came over TLS. X-Forwarded-* headers are believed only when TRUST_PROXY says proxies of
// ours are in front (anyone can send them otherwise).
import { isIPv4, isIPv6 } from "node:net";

const first = (value: string | null) => value?.split(",")[0]?.trim() || undefined;

/**
 * The address rate limits count by. With `trustProxy` = n, it is the n-th entry from the
 * right of X-Forwarded-For (each trusted proxy appends the address it saw); otherwise the
 * socket's. IPv6 addresses count by their /64, which one household or host usually gets.
 * Undefined when unknown (in-process requests through app.handle have no socket).
 */
export function clientIp(request: Request, socketAddress: string | undefined, trustProxy: number): string | undefined {
  if (trustProxy > 0) {
    const chain = (request.headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const forwarded = subjectOf(chain[Math.max(0, chain.length - trustProxy)] ?? "");
    if (forwarded) return forwarded;
  }
  return subjectOf(socketAddress ?? "");
}

function subjectOf(address: string): string | undefined {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (isIPv4(address)) return address;
  if (isIPv6(address)) return `${ipv6Groups(address).slice(0, 4).join(":")}::/64`;
  return undefined;
}

/** The eight 16-bit groups of an IPv6 address, "::" expanded (an embedded IPv4 counts two). */
function ipv6Groups(address: string): string[] {
  const [head = "", tail] = address.toLowerCase().split("::");
  const parts = (s: string) => s.split(":").filter(Boolean);
  const size = (list: string[]) => list.reduce((n, g) => n + (g.includes(".") ? 2 : 1), 0);
  const left = parts(head);
  const right = tail === undefined ? [] : parts(tail);
  const zeros = Array<string>(Math.max(0, 8 - size(left) - size(right))).fill("0");
  return [...left, ...zeros, ...right].map((g) => g.replace(/^0+(?=.)/, ""));
}

/** Whether the client reached us over TLS (directly, or at a trusted proxy that says so). */
export function isHttps(request: Request, trustProxy: number): boolean {
  if (request.url.startsWith("https:")) return true;
  return trustProxy > 0 && first(request.headers.get("x-forwarded-proto"))?.toLowerCase() === "https";
}

/** The host (and port) the client addressed, to compare an Origin header with. */
export function requestedHost(request: Request, trustProxy: number): string {
  const forwarded = trustProxy > 0 ? first(request.headers.get("x-forwarded-host")) : undefined;
  return (forwarded ?? request.headers.get("host") ?? new URL(request.url).host).toLowerCase();
}

/**
 * The origin the client addressed: behind trusted proxies (TRUST_PROXY) the forwarded scheme
 * and host, since the request's own URL is the proxy's plain-http hop; otherwise the URL's.
 * For the addresses we hand out (redirect URIs, LTI endpoints) when PUBLIC_URL is unset.
 */
export function requestOrigin(request: Request, trustProxy: number): string {
  const own = new URL(request.url).origin;
  if (trustProxy === 0) return own;
  try {
    return new URL(`${isHttps(request, trustProxy) ? "https" : "http"}://${requestedHost(request, trustProxy)}`).origin;
  } catch {
    return own; // a forwarded host that is no host name
  }
}
