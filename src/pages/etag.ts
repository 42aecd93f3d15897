// Full pages carry a weak ETag, so a browser revalidating a page it already has gets a 304
// without the body. Pages are per visitor: private, revalidated on every use.
export const HTML = { "content-type": "text/html; charset=utf-8" };
const PAGE_HEADERS = { ...HTML, "cache-control": "private, no-cache" };

/** A rendered page and its ETag, computed once (a cached page is sent many times). */
export interface Page {
  body: string;
  etag: string;
}

export const etagged = (body: string): Page => ({ body, etag: `W/"${Bun.hash(body).toString(36)}"` });

/** Whether the browser already has this version (If-None-Match). */
export function known(request: Request, etag: string): boolean {
  const given = request.headers.get("if-none-match");
  if (!given) return false;
  return given === etag || given.split(",").some((t) => t.trim() === etag);
}

/** Every header of a page's response, given the headers every response carries. */
export const pageHeaders = (page: Page, common: Record<string, string>) => new Headers({ ...common, ...PAGE_HEADERS, etag: page.etag });

/**
 * Answers with the page, or 304 when the browser already has it. The headers go on Elysia's
 * `set` and the body is returned as a string: Elysia builds one Response from both, where a
 * Response of our own would be copied to merge the security headers in.
 */
export function sendPage(request: Request, set: { headers: Record<string, unknown> }, page: Page): string | Response {
  Object.assign(set.headers, PAGE_HEADERS);
  set.headers.etag = page.etag;
  if (known(request, page.etag)) return new Response(null, { status: 304 });
  return page.body;
}
