// Who may frame our pages: nobody, until an LMS is registered; then our own origin and the
// registered LMSs' (each platform's issuer, auth URL and --frame-origin), since an LMS shows
// its tools in an iframe. Read from Postgres at most every 30 s per process, and at once
// after a launch, so a newly registered LMS frames us within that time.
import type { Db } from "../db/client";
import { ltiPlatforms } from "../db/schema";
import { securityHeadersFor } from "../security/headers";
import { frameOriginsOf } from "./platforms";

const MAX_AGE_MS = 30_000;

export class FrameAncestors {
  private headers: Record<string, string> = securityHeadersFor([]);
  private key = "";
  private loadedAt = 0;
  private loading?: Promise<void>;

  constructor(private db: Db) {}

  /** The security headers for every response now (the object changes only when the origins do). */
  current(): Record<string, string> {
    if (Date.now() - this.loadedAt > MAX_AGE_MS && !this.loading) void this.refresh();
    return this.headers;
  }

  /** Reads the platforms again; a failure keeps the last answer (framing is no reason to fail a page). */
  refresh(): Promise<void> {
    this.loading ??= this.db
      .select({ issuer: ltiPlatforms.issuer, authUrl: ltiPlatforms.authUrl, frameOrigins: ltiPlatforms.frameOrigins })
      .from(ltiPlatforms)
      .then((rows) => {
        const origins = [...new Set(rows.flatMap(frameOriginsOf))].sort();
        const key = origins.join(" ");
        if (key !== this.key) {
          this.key = key;
          this.headers = securityHeadersFor(origins);
        }
        this.loadedAt = Date.now();
      })
      .catch(() => {
        this.loadedAt = Date.now();
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }
}
