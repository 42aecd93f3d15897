// public/ at /public. In production (`alwaysStatic`, from the config) every file is read once
// at start and answered from memory (public-snapshot.ts). In development each request looks
// at the disk, so an edited file shows at once: @elysiajs/static sends the bytes, and the
// validators and Cache-Control are ours. The plugin's own ETag is unquoted (RFC 9110 wants
// "..."), and it answers from its memory before it looks at If-None-Match, so a browser
// never got a 304. Here every file gets a strong ETag from its content (hashed once per
// version, see contentHash) and If-None-Match is answered 304 before routing.
// The plugin keeps a Response per file, made when it first takes the file, and that
// Response keeps the file's length from then: a file whose length changed since is sent from
// here instead, or the new content would go out cut to the old length under its new ETag.
// (The plugin's own production mode is not used: it registers its routes asynchronously,
// and a request arriving before that, such as a health check at start, left every file a
// 404 for the life of the process.)

import { join, sep } from "node:path";
import { staticPlugin } from "@elysiajs/static";
import { Elysia, NotFoundError } from "elysia";
import { pathOf } from "../observe/http";
import { SECURITY_HEADERS } from "../security/headers";
import { contentHash, fileStat, PUBLIC_DIR } from "./assets";
import { IMMUTABLE, isVersioned, noneMatch, PREFIX, PublicSnapshot, REVALIDATE } from "./public-snapshot";

export { IMMUTABLE, noneMatch, REVALIDATE };

/** Names the plugin's routes match as they are: no escapes, no empty, "." or ".." segments. */
const PLAIN_NAME = /^(?!.*(?:^|\/)\.{1,2}(?:\/|$))[\w.-]+(?:\/[\w.-]+)*$/;

/** The file of public/ a path under /public/ names, or undefined (any other form is the plugin's to refuse). */
function fileOf(dir: string, path: string): string | undefined {
  const name = path.slice(PREFIX.length);
  if (!PLAIN_NAME.test(name)) return undefined;
  const file = join(dir, name);
  return file.startsWith(dir + sep) ? file : undefined;
}

/**
 * The files of `dir` at /public/. `alwaysStatic` (the app passes the config's `production`):
 * answered from `snapshot`, read at start (by default here, with the default security
 * headers; the app passes the one its handler also answers from before routing, app.ts).
 */
export function publicFiles({
  dir = PUBLIC_DIR,
  alwaysStatic,
  snapshot,
}: {
  dir?: string;
  alwaysStatic: boolean;
  snapshot?: PublicSnapshot;
}) {
  if (alwaysStatic) {
    const files = snapshot ?? new PublicSnapshot(dir, () => SECURITY_HEADERS);
    return (
      new Elysia({ name: "public-files", seed: dir })
        .onRequest(({ request }) => files.answer(request))
        .as("global")
        // Any other file is not there; the route makes a POST to a file a 405, as in development.
        .get("/public/*", () => {
          throw new NotFoundError();
        })
    );
  }
  // The length each file had when the plugin took it.
  const taken = new Map<string, number>();
  return new Elysia({ name: "public-files", seed: dir })
    .onRequest(({ request, set }) => {
      if (request.method !== "GET" && request.method !== "HEAD") return;
      const path = pathOf(request.url);
      if (!path.startsWith(PREFIX)) return;
      const file = fileOf(dir, path);
      const stat = file && fileStat(file);
      if (!stat) return; // not a file: the plugin's 404
      let length = taken.get(file);
      if (length === undefined) taken.set(file, (length = stat.size)); // the plugin takes it with this request
      const hash = contentHash(file, stat)!;
      const etag = `"${hash}"`;
      // On our 304 or on the plugin's response (it sets none of these headers).
      set.headers.etag = etag;
      set.headers["cache-control"] = isVersioned(request.url, path, hash) ? IMMUTABLE : REVALIDATE;
      const given = request.headers.get("if-none-match");
      if (given !== null && noneMatch(given, etag)) return new Response(null, { status: 304 });
      // Built without headers (etag: false), the plugin's response has its type only implied
      // by its file body, and Elysia loses it when it merges these headers in (nosniff
      // browsers refuse CSS and scripts without one).
      const body = Bun.file(file);
      set.headers["content-type"] = body.type;
      if (stat.size !== length) return new Response(body); // changed since the plugin took it
    })
    .as("global")
    .use(staticPlugin({ assets: dir, prefix: "/public", etag: false, alwaysStatic: false }));
}
