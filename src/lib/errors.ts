// Errors that carry their own HTTP status; mapped once in the app's onError.

export class HttpError extends Error {
  constructor(
    public status: number,
    message: string,
    public headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpError(404, `${what} was not found.`);

/** The Postgres error behind a driver or ORM error, if any. */
export function pgError(e: unknown): { code?: string; constraint_name?: string } | undefined {
  for (let cur = e as Caused | undefined, i = 0; cur && i < 4; i++, cur = cur.cause as Caused | undefined) {
    if (typeof cur.code === "string" && cur.code.length === 5) return cur as { code: string; constraint_name?: string };
  }
  return undefined;
}

/** An error as drivers nest them: a code, maybe a constraint, maybe the error it wraps. */
type Caused = { code?: unknown; constraint_name?: string; cause?: unknown };

export function isUniqueViolation(e: unknown, constraint: string): boolean {
  const pg = pgError(e);
  return pg?.code === "23505" && pg.constraint_name === constraint;
}

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "QUERY_QUEUE_TIMEOUT",
]);

/** True when Postgres is down or restarting (not when a query is wrong). */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (let cur = e as Caused | undefined, i = 0; cur && i < 4; i++, cur = cur.cause as Caused | undefined) {
    const code = typeof cur.code === "string" ? cur.code : "";
    // 57P01-03: shutting down / crash shutdown / cannot connect now; 08xxx: connection exceptions
    if (CONNECTION_CODES.has(code) || /^57P0[1-3]$/.test(code) || /^08/.test(code)) return true;
  }
  return false;
}

export const DATABASE_UNAVAILABLE = new HttpError(
  503,
  "The database is not answering right now. Nothing you sent was lost; please try again in a moment.",
  { "Retry-After": "5" },
);
