// public/ in production: every file read once at start, with its ETag, type and headers, and
// answered from memory before routing, like a warm page: no stat, no file read, no plugin
// per request. A file rewritten on disk afterwards (a deploy onto the same disk before this
// process restarts) keeps being sent as it was read, under that content's ETag, so bytes and
// validators always agree; the pages this process renders link that same version
// (assets.ts works each URL out once in production). Files added later are 404s.

import { readdirSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { pathOf } from "../observe/http";
import { sizeRefusal } from "../security/guard";
import { contentHash, fileStat } from "./assets";

export const PREFIX = "/public/";
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Kept, but asked about on every use: a 304 when unchanged. */
export const REVALIDATE = "public, no-cache";
/** A content-hashed name (public/build/editor-82cf6a857ea7.js): 8+ hex digits before the extension, as nginx's map. */
export const HASHED_NAME = /[.-][0-9a-f]{8,}(\.min)?\.[A-Za-z0-9]+$/;

/** Whether If-None-Match names `etag` (a strong "..."): `*`, or any tag of the list by weak comparison (RFC 9110 13.1.2). */
export function noneMatch(header: string, etag: string): boolean {
  if (header.trim() === "*") return true;
  for (const [, opaque] of header.matchAll(/(?:W\/)?("[^"]*")/g)) if (opaque === etag) return true;
  return false;
}

/** Whether a request for a file of content `hash` at `path` may be kept for a year: a hashed name, or `?v=<hash>`. */
export function isVersioned(url: string, path: string, hash: string): boolean {
  if (HASHED_NAME.test(path)) return true;
  if (url.indexOf("?") < 0) return false;
  // The page's own link ends in exactly this; anything else is parsed.
  return url.endsWith(`?v=${hash}`) || new URL(url).searchParams.get("v") === hash;
}

interface Kept {
  bytes: Uint8Array<ArrayBuffer>;
  hash: string;
  etag: string;
  type: string;
  /** the response headers by [versioned, revalidating], for the security headers they were built with */
  headers?: { security: Record<string, string>; immutable: Headers; revalidate: Headers };
}

export class PublicSnapshot {
  private files = new Map<string, Kept>();

  /** Reads every file below `dir`; `security()` gives the headers every response carries at the moment. */
  constructor(
    dir: string,
    private security: () => Record<string, string>,
  ) {
    for (const name of readdirSync(dir, { recursive: true }) as string[]) {
      const file = join(dir, name);
      const stat = fileStat(file);
      if (!stat) continue;
      const hash = contentHash(file, stat)!;
      const path = PREFIX + name.split(sep).join("/");
      this.files.set(path, { bytes: new Uint8Array(readFileSync(file)), hash, etag: `"${hash}"`, type: Bun.file(file).type });
    }
  }

  /**
   * The response to a GET or HEAD of a file read at start, with every header the app would
   * give it (the request guard's too); undefined for anything else, which takes the ordinary
   * way (a 404, 405, 414 or 431 from the app).
   */
  answer(request: Request): Response | undefined {
    const method = request.method;
    if (method !== "GET" && method !== "HEAD") return undefined;
    const url = request.url;
    const path = pathOf(url);
    if (!path.startsWith(PREFIX)) return undefined;
    const file = this.files.get(path);
    if (!file || sizeRefusal(request)) return undefined;
    const headers = this.headersOf(file, isVersioned(url, path, file.hash));
    const given = request.headers.get("if-none-match");
    if (given !== null && noneMatch(given, file.etag)) return new Response(null, { status: 304, headers });
    if (method === "GET") return new Response(file.bytes, { headers });
    // HEAD (rare): GET's headers and length, no body.
    const head = new Headers(headers);
    head.set("content-length", String(file.bytes.length));
    return new Response(null, { headers: head });
  }

  private headersOf(file: Kept, versioned: boolean): Headers {
    const security = this.security();
    if (file.headers?.security !== security) {
      const make = (cacheControl: string) =>
        new Headers({ ...security, etag: file.etag, "cache-control": cacheControl, "content-type": file.type });
      file.headers = { security, immutable: make(IMMUTABLE), revalidate: make(REVALIDATE) };
    }
    return versioned ? file.headers.immutable : file.headers.revalidate;
  }
}
