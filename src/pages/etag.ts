// Full pages carry a weak ETag, so a browser revalidating a page it already has gets a 304
// without the body. Pages are per visitor: private, revalidated on every use.
export const HTML = { "content-type": "text/html; charset=utf-8" };

export function pageResponse(request: Request, body: string): Response {
  const etag = `W/"${Bun.hash(body).toString(36)}"`;
  const headers = { ...HTML, etag, "cache-control": "private, no-cache" };
  const known = request.headers.get("if-none-match")?.split(",").map((t) => t.trim()) ?? [];
  if (known.includes(etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { headers });
}
