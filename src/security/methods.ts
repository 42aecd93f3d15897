// Which methods a path answers to, read from the app's own route table, so a wrong method
// on a real address is a 405 with `Allow` (and an unknown method never reaches a handler).
import { HttpError } from "../lib/errors";

/** Methods we implement anywhere; others (PROPFIND, FOO, ...) are refused before routing. */
export const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

interface Route {
  method: string;
  path: string;
}

const pattern = (path: string) =>
  new RegExp(
    `^${path
      .split("/")
      .map((part) => (part === "*" ? ".*" : part.startsWith(":") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
      .join("/")}/?$`,
  );

/** Returns a function from a path to the methods allowed on it ([] when no route matches). */
export function methodTable(routes: () => Route[]): (path: string) => string[] {
  let table: { re: RegExp; method: string }[] | undefined;
  return (path) => {
    // Built on first use: by then every route has been registered.
    table ??= routes().map((r) => ({ re: pattern(r.path), method: r.method.toUpperCase() }));
    const allowed = new Set(table.filter((r) => r.re.test(path)).map((r) => r.method));
    if (allowed.has("GET")) allowed.add("HEAD");
    return [...allowed].sort();
  };
}

/** 405 with Allow when the path exists under other methods only, else 404. */
export function wrongMethod(allowed: string[], method: string): HttpError {
  // A route that takes this method and still found nothing (a missing file under /public).
  if (allowed.length === 0 || allowed.includes(method)) return new HttpError(404, "There is no page at this address.");
  return new HttpError(405, `This address does not accept that method. Use ${allowed.join(" or ")}.`, {
    Allow: allowed.join(", "),
  });
}
