// Errors that carry their own HTTP status; mapped once in the app's onError.

export class HttpError extends Error {
  constructor(public status: number, message: string, public headers: Record<string, string> = {}) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpError(404, `${what} was not found.`);
export const badRequest = (message: string) => new HttpError(400, message);

/** The Postgres error behind a driver or ORM error, if any. */
export function pgError(e: unknown): { code?: string; constraint_name?: string } | undefined {
  let cur: any = e;
  for (let i = 0; cur && i < 4; i++, cur = cur.cause) {
    if (typeof cur.code === "string" && cur.code.length === 5) return cur;
  }
  return undefined;
}

export function isUniqueViolation(e: unknown, constraint: string): boolean {
  const pg = pgError(e);
  return pg?.code === "23505" && pg.constraint_name === constraint;
}
