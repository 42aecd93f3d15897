// public/ at /public: @elysiajs/static sends the bytes; the validators and Cache-Control are
// ours. The plugin's own ETag is unquoted (RFC 9110 wants "..."), and outside production it
// answers from its memory before it looks at If-None-Match, so a browser never got a 304.
// Here every file gets a strong ETag from its content (hashed once per version, see
// contentHash) and If-None-Match is answered 304 before routing, in every mode.
// The plugin keeps a Response per file, made when it first takes the file (in production, at
// start), and that Response keeps the file's length from then: a file whose length changed
// since (a deploy on the same disk before this process restarted) is sent from here instead,
// or the new content would go out cut to the old length under the new content's ETag.

import { readdirSync } from "node:fs";
import { join, sep } from "node:path";
import { staticPlugin } from "@elysiajs/static";
import { Elysia } from "elysia";
import { pathOf } from "../observe/http";
import { contentHash, fileStat, PUBLIC_DIR } from "./assets";

const PREFIX = "/public/";
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Kept, but asked about on every use: a 304 when unchanged. */
export const REVALIDATE = "public, no-cache";
/** A content-hashed name (public/build/editor-82cf6a857ea7.js): 8+ hex digits before the extension, as nginx's map. */
const HASHED_NAME = /[.-][0-9a-f]{8,}(\.min)?\.[A-Za-z0-9]+$/;

/** Names the plugin's routes match as they are: no escapes, no empty, "." or ".." segments. */
const PLAIN_NAME = /^(?!.*(?:^|\/)\.{1,2}(?:\/|$))[\w.-]+(?:\/[\w.-]+)*$/;

/** The file of public/ a path under /public/ names, or undefined (any other form is the plugin's to refuse). */
function fileOf(dir: string, path: string): string | undefined {
  const name = path.slice(PREFIX.length);
  if (!PLAIN_NAME.test(name)) return undefined;
  const file = join(dir, name);
  return file.startsWith(dir + sep) ? file : undefined;
}

/** Every file below `dir`, with its length: what the plugin takes at start in production. */
function lengthsBelow(dir: string): Map<string, number> {
  const lengths = new Map<string, number>();
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const stat = fileStat(join(dir, name));
    if (stat) lengths.set(join(dir, name), stat.size);
  }
  return lengths;
}

/** Whether If-None-Match names `etag` (a strong "..."): `*`, or any tag of the list by weak comparison (RFC 9110 13.1.2). */
export function noneMatch(header: string, etag: string): boolean {
  if (header.trim() === "*") return true;
  for (const [, opaque] of header.matchAll(/(?:W\/)?("[^"]*")/g)) if (opaque === etag) return true;
  return false;
}

/**
 * The files of `dir` at /public/. `alwaysStatic` is the plugin's (the app passes the config's
 * `production`): one route per file, registered at start, instead of a wildcard route.
 */
export function publicFiles({ dir = PUBLIC_DIR, alwaysStatic }: { dir?: string; alwaysStatic: boolean }) {
  // The length each file had when the plugin took it (in production: every file, now).
  const taken = alwaysStatic ? lengthsBelow(dir) : new Map<string, number>();
  return new Elysia({ name: "public-files", seed: dir })
    .onRequest(({ request, set }) => {
      if (request.method !== "GET" && request.method !== "HEAD") return;
      const path = pathOf(request.url);
      if (!path.startsWith(PREFIX)) return;
      const file = fileOf(dir, path);
      const stat = file && fileStat(file);
      if (!stat) return; // not a file: the plugin's 404
      let length = taken.get(file);
      if (length === undefined) {
        if (alwaysStatic) return; // added after start: the plugin has no route for it (404)
        taken.set(file, (length = stat.size)); // the plugin takes it with this request
      }
      const hash = contentHash(file, stat)!;
      const etag = `"${hash}"`;
      // On our 304 or on the plugin's response (it sets none of these headers).
      set.headers.etag = etag;
      const versioned = HASHED_NAME.test(path) || (request.url.includes("?") && new URL(request.url).searchParams.get("v") === hash);
      set.headers["cache-control"] = versioned ? IMMUTABLE : REVALIDATE;
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
    .use(staticPlugin({ assets: dir, prefix: "/public", etag: false, alwaysStatic }));
}
