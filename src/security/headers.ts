// Response headers sent with everything the web process answers.

/**
 * Scripts only from our own files (htmx and its SSE extension, never inline, never eval:
 * htmx's hx-on/js: features are therefore off), styles only from our stylesheet (htmx's
 * indicator CSS is a constructed stylesheet, which CSP does not govern), data: only for
 * the empty favicon, requests only back to us, and no framing by anyone.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  // Not no-referrer: under it browsers send `Origin: null` even on same-origin POSTs,
  // which the cross-site check would then refuse.
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY", // frame-ancestors for browsers without CSP level 2
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/**
 * The headers when pages may be framed by `origins` (registered LMSs, src/lti/frame.ts):
 * frame-ancestors names them, and X-Frame-Options, which cannot list origins, is left out
 * (browsers that know frame-ancestors ignore it anyway). No origins: SECURITY_HEADERS.
 */
export function securityHeadersFor(origins: string[]): Record<string, string> {
  if (origins.length === 0) return SECURITY_HEADERS;
  const { "X-Frame-Options": _, ...rest } = SECURITY_HEADERS;
  const csp = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", `frame-ancestors 'self' ${origins.join(" ")}`);
  return { ...rest, "Content-Security-Policy": csp };
}
