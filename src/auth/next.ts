// Where to go after signing in: a path on this site only (no open redirect).
const SAFE = /^\/(?![/\\])[\x21-\x7e]*$/;

export function localPath(next: unknown): string {
  if (typeof next !== "string" || next.length > 1024 || !SAFE.test(next) || next.includes("\\")) return "/";
  // Back into the sign-in itself would loop.
  return next.startsWith("/auth/") ? "/" : next;
}
