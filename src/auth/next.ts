// Where to go after signing in: a path on this site only (no open redirect).
const SAFE = /^\/(?![/\\])[\x21-\x7e]*$/;

/**
 * The page a sign-in link was followed from (Referer, this site only): the header's link
 * carries no `next`, and after signing in the student expects to be back where they were.
 */
export function refererPath(request: Request, publicUrl: string | undefined): string | undefined {
  const referer = request.headers.get("referer");
  if (!referer) return undefined;
  try {
    const from = new URL(referer);
    const ours = new URL(publicUrl ?? request.url).origin;
    return from.origin === ours ? from.pathname + from.search : undefined;
  } catch {
    return undefined;
  }
}

export function localPath(next: unknown): string {
  if (typeof next !== "string" || next.length > 1024 || !SAFE.test(next) || next.includes("\\")) return "/";
  // Back into the sign-in itself would loop.
  return next.startsWith("/auth/") ? "/" : next;
}
