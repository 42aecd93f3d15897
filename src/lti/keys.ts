// The tool's own RSA signing keys, kept in Postgres so every web process signs with the same
// one. Made on first use; `bun run lti:keys rotate` adds a new key and retires the old, which
// stays published at /lti/jwks for LTI_KEY_OVERLAP_DAYS (platforms cache our JWKS).
import { desc, gt, isNull, lt, or, sql } from "drizzle-orm";
import { exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import type { Context } from "../context";
import { ltiKeys } from "../db/schema";

// Any fixed number: two processes making the first key at once take turns.
const LOCK_KEY = 7_800_017;
const DAY_MS = 24 * 3600 * 1000;

export interface SigningKey {
  kid: string;
  key: CryptoKey;
}

async function newKey(): Promise<typeof ltiKeys.$inferInsert> {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { modulusLength: 2048, extractable: true });
  const kid = crypto.randomUUID();
  const meta = { kid, alg: "RS256", use: "sig" };
  return {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), ...meta },
    publicJwk: { ...(await exportJWK(publicKey)), ...meta },
  };
}

/** The current signing key's row, made when there is none (under an advisory lock). */
async function currentRow(ctx: Context) {
  const active = (db: Pick<Context["db"], "select">) =>
    db.select().from(ltiKeys).where(isNull(ltiKeys.retiredAt)).orderBy(desc(ltiKeys.createdAt)).limit(1);
  const [found] = await active(ctx.db);
  if (found) return found;
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
    const [again] = await active(tx);
    if (again) return again;
    const [made] = await tx
      .insert(ltiKeys)
      .values(await newKey())
      .returning();
    return made!;
  });
}

/** The key our messages (deep-linking responses, token assertions) are signed with. */
export async function signingKey(ctx: Context): Promise<SigningKey> {
  const row = await currentRow(ctx);
  return { kid: row.kid, key: (await importJWK(row.privateJwk as JWK, "RS256")) as CryptoKey };
}

/** The public keys to publish: the current one and those retired less than the overlap ago. */
export async function publishedKeys(ctx: Context): Promise<{ keys: JWK[] }> {
  await currentRow(ctx);
  const since = new Date(Date.now() - ctx.config.lti.keyOverlapDays * DAY_MS);
  const rows = await ctx.db
    .select({ jwk: ltiKeys.publicJwk })
    .from(ltiKeys)
    .where(or(isNull(ltiKeys.retiredAt), gt(ltiKeys.retiredAt, since)))
    .orderBy(desc(ltiKeys.createdAt));
  return { keys: rows.map((r) => r.jwk as JWK) };
}

/** A new signing key; the old ones retire now and keys retired before the overlap are deleted. */
export async function rotateKeys(ctx: Context): Promise<{ kid: string; retired: string[]; deleted: number }> {
  const fresh = await newKey();
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
    const retired = await tx
      .update(ltiKeys)
      .set({ retiredAt: new Date() })
      .where(isNull(ltiKeys.retiredAt))
      .returning({ kid: ltiKeys.kid });
    const since = new Date(Date.now() - ctx.config.lti.keyOverlapDays * DAY_MS);
    const deleted = await tx.delete(ltiKeys).where(lt(ltiKeys.retiredAt, since)).returning({ kid: ltiKeys.kid });
    await tx.insert(ltiKeys).values(fresh);
    return { kid: fresh.kid!, retired: retired.map((r) => r.kid), deleted: deleted.length };
  });
}
