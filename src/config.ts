// Typed configuration, parsed once from the environment. A bad value stops the
// process at start with a message that names the variable.

export type SandboxMode = "bwrap" | "rlimit";

export interface Config {
  production: boolean;
  port: number;
  databaseUrl: string;
  redisUrl: string;
  /** how long a Redis command may go unanswered before it fails (Redis hung, not down) */
  redisCommandTimeoutMs: number;
  redisPrefix: string;
  database: {
    /** connections in this process's Postgres pool */
    poolSize: number;
    /** queries and transactions this process has out at once, pipelined over the connections;
     *  the rest wait their turn. 0 = no bound: one plain postgres.js pool (slows down under load) */
    maxInFlight: number;
    /** how long a query waits for its turn before it fails (503): Postgres is hung or far behind */
    queueWaitMs: number;
  };
  /** signs with the first, accepts any: rotate by putting the new secret first */
  sessionSecrets: string[];
  /** proxies in front of us whose X-Forwarded-For/-Proto/-Host are believed (0 = none) */
  trustProxy: number;
  /** the cookie's Secure flag: auto = in production or when the request came over TLS */
  cookieSecure: "auto" | "always" | "never";
  sandbox: SandboxMode | "auto";
  python: string;
  assignmentsDir: string;
  /** scripts/prestart.ts syncs assignments/ after migrating; false where one Job syncs (Kubernetes),
   *  so a restarted pod of an older image cannot bring its older course back */
  syncAssignmentsOnStart: boolean;
  limits: {
    bodyBytes: number;
    codeBytes: number;
    submissionsPerMinute: number;
    submissionsPerMinutePerIp: number;
    streamsPerMinute: number;
    streamsPerMinutePerIp: number;
    /** sign-in starts (/auth/login, /lti/login) per client address: each writes Redis state for 10 minutes */
    loginsPerMinutePerIp: number;
    /** event streams one user may hold open at once, across all web processes */
    openStreamsPerUser: number;
    /** queued submissions (LLEN of the queue) at which new ones are refused with 503 */
    queueCap: number;
  };
  grading: {
    cpuSeconds: number;
    wallSeconds: number;
    memoryMiB: number;
    outputBytes: number;
    maxAttempts: number;
    /** TTL of a grader's heartbeat: a grader silent this long is taken for dead, its jobs reclaimed */
    heartbeatSeconds: number;
    /** how often a grader beats its heartbeat and reaps the jobs of dead graders (Redis only):
     *  a fifth of the TTL, so a live grader is taken for dead only after four missed beats */
    beatMs: number;
    /** how often a grader sweeps Postgres for pending submissions that are in no Redis list */
    sweepSeconds: number;
    slotUidBase: number;
    /** fault injection for tests: a grader SIGKILLs itself mid-job on code containing this */
    testCrashMarker?: string;
  };
  sseHeartbeatMs: number;
  logLevel: "debug" | "info" | "warn" | "error";
  /** the address students use (e.g. https://practice.example.edu): redirect URLs behind proxies */
  publicUrl?: string;
  /** sign-in with an OpenID Provider; undefined: anonymous only, and nothing says otherwise */
  oidc?: { issuer: string; clientId: string; clientSecret?: string; label: string };
  /** e-mails (lower case) of signed-in accounts that are staff */
  staffEmails: Set<string>;
  lti: {
    /** how long a rotated-out signing key stays published at /lti/jwks (platforms cache JWKS) */
    keyOverlapDays: number;
    /** the least time between two fetches of a platform's JWKS for an unknown kid */
    jwksCooldownSeconds: number;
    /** grade passback (AGS): tries before a score is given up as failed */
    scoreMaxAttempts: number;
    /** the wait after the first failed try, doubled after each (at most an hour) */
    scoreBackoffMs: number;
    /** how often the score sweeper re-enqueues due scores Redis lost (and scores owed but not recorded) */
    scoreSweepSeconds: number;
  };
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}".`);
  }
  return n;
}

function oneOf<T extends string>(env: Env, name: string, fallback: T, allowed: readonly T[]): T {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(", ")}, got "${raw}".`);
  }
  return raw as T;
}

function url(env: Env, name: string, fallback: string, protocols: string[]): string {
  const raw = env[name] || fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL: "${raw}".`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.join(" or ")}, got "${raw}".`);
  }
  return raw;
}

/** OIDC_ISSUER and OIDC_CLIENT_ID together turn sign-in on; one without the other is a mistake. */
function oidc(env: Env): Config["oidc"] {
  const issuer = env.OIDC_ISSUER?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  if (!issuer && !clientId) return undefined;
  if (!issuer || !clientId)
    throw new ConfigError("OIDC_ISSUER and OIDC_CLIENT_ID must be set together (or neither, for anonymous use only).");
  return {
    issuer: url(env, "OIDC_ISSUER", issuer, ["https:", "http:"]),
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET || undefined,
    label: env.OIDC_LABEL?.trim() || "Sign in",
  };
}

const DEV_SECRET = "development-only-secret-do-not-use-in-production";

/** SESSION_SECRET may list several secrets, comma-separated: the first signs, all verify. */
function sessionSecrets(env: Env, production: boolean): string[] {
  const raw = env.SESSION_SECRET ?? "";
  if (raw.trim() === "") {
    if (production) throw new ConfigError("SESSION_SECRET must be set (at least 16 characters) when NODE_ENV=production.");
    return [DEV_SECRET];
  }
  const secrets = raw.split(",").map((s) => s.trim());
  if (secrets.some((s) => s === "")) throw new ConfigError("SESSION_SECRET has an empty entry between commas.");
  if (production && secrets.some((s) => s.length < 16)) {
    throw new ConfigError("Every secret in SESSION_SECRET must be at least 16 characters long when NODE_ENV=production.");
  }
  return secrets;
}

export function loadConfig(env: Env = process.env): Config {
  const production = env.NODE_ENV === "production";
  const redisPrefix = env.REDIS_PREFIX ?? "pp:";
  if (!/^[\w:.-]{0,64}$/.test(redisPrefix)) {
    throw new ConfigError(`REDIS_PREFIX may hold only letters, digits and _ : . - (got "${redisPrefix}").`);
  }
  const poolSize = int(env, "DATABASE_POOL_SIZE", 10, 1, 1000);
  const heartbeatSeconds = int(env, "GRADER_HEARTBEAT_SECONDS", 5, 2, 600);
  return {
    production,
    port: int(env, "PORT", 7800, 0, 65535),
    databaseUrl: url(env, "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres", ["postgres:", "postgresql:"]),
    redisUrl: url(env, "REDIS_URL", "redis://127.0.0.1:6379", ["redis:", "rediss:"]),
    redisCommandTimeoutMs: int(env, "REDIS_COMMAND_TIMEOUT_MS", 2000, 50, 600_000),
    redisPrefix,
    // A plain postgres.js pool slows down under sustained load (see src/db/gate.ts).
    database: {
      poolSize,
      maxInFlight: int(env, "DATABASE_MAX_IN_FLIGHT", 10 * poolSize, 0, 1_000_000),
      queueWaitMs: int(env, "DATABASE_QUEUE_WAIT_MS", 5000, 50, 600_000),
    },
    sessionSecrets: sessionSecrets(env, production),
    trustProxy: int(env, "TRUST_PROXY", 0, 0, 10),
    cookieSecure: oneOf(env, "COOKIE_SECURE", "auto", ["auto", "always", "never"] as const),
    sandbox: oneOf(env, "GRADER_SANDBOX", "auto", ["auto", "bwrap", "rlimit"] as const),
    python: env.GRADER_PYTHON || "/usr/bin/python3",
    assignmentsDir: env.ASSIGNMENTS_DIR || new URL("../assignments", import.meta.url).pathname,
    syncAssignmentsOnStart: oneOf(env, "SYNC_ASSIGNMENTS_ON_START", "true", ["true", "false"] as const) === "true",
    limits: {
      bodyBytes: int(env, "MAX_BODY_BYTES", 256 * 1024, 1024, 64 * 1024 * 1024),
      codeBytes: int(env, "MAX_CODE_BYTES", 64 * 1024, 16, 16 * 1024 * 1024),
      submissionsPerMinute: int(env, "SUBMISSIONS_PER_MINUTE", 60, 1, 1_000_000),
      submissionsPerMinutePerIp: int(env, "SUBMISSIONS_PER_MINUTE_PER_IP", 600, 1, 10_000_000),
      streamsPerMinute: int(env, "STREAMS_PER_MINUTE", 120, 1, 1_000_000),
      streamsPerMinutePerIp: int(env, "STREAMS_PER_MINUTE_PER_IP", 1200, 1, 10_000_000),
      loginsPerMinutePerIp: int(env, "LOGINS_PER_MINUTE_PER_IP", 120, 1, 10_000_000),
      openStreamsPerUser: int(env, "MAX_OPEN_STREAMS_PER_USER", 8, 1, 10_000),
      queueCap: int(env, "QUEUE_CAP", 1000, 1, 100_000_000),
    },
    grading: {
      // 2 s: every reference of the course grades in well under a second, and an endless loop
      // holds a grader for this long while everyone behind it waits (PERFORMANCE.md, the rush).
      cpuSeconds: int(env, "GRADER_CPU_SECONDS", 2, 1, 60),
      wallSeconds: int(env, "GRADER_WALL_SECONDS", 10, 1, 120),
      memoryMiB: int(env, "GRADER_MEMORY_MIB", 256, 32, 8192),
      outputBytes: int(env, "GRADER_OUTPUT_BYTES", 64 * 1024, 1024, 16 * 1024 * 1024),
      maxAttempts: int(env, "GRADER_MAX_ATTEMPTS", 3, 1, 100),
      heartbeatSeconds,
      beatMs: heartbeatSeconds * 200,
      sweepSeconds: int(env, "GRADER_SWEEP_SECONDS", 10, 1, 3600),
      // bubblewrap maps uids up to 2^31 - 2 only; slotUids() checks base + 2 x pid + 1 too.
      slotUidBase: int(env, "GRADER_UID_BASE", 60000, 1000, 2_147_000_000),
      testCrashMarker: env.GRADER_TEST_CRASH_MARKER || undefined,
    },
    sseHeartbeatMs: int(env, "SSE_HEARTBEAT_MS", 5000, 100, 60_000),
    logLevel: oneOf(env, "LOG_LEVEL", "info", ["debug", "info", "warn", "error"] as const),
    publicUrl: env.PUBLIC_URL ? url(env, "PUBLIC_URL", "", ["https:", "http:"]).replace(/\/+$/, "") : undefined,
    oidc: oidc(env),
    staffEmails: new Set(
      (env.STAFF_EMAILS ?? "")
        .split(",")
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    ),
    lti: {
      keyOverlapDays: int(env, "LTI_KEY_OVERLAP_DAYS", 7, 1, 365),
      jwksCooldownSeconds: int(env, "LTI_JWKS_COOLDOWN_SECONDS", 30, 1, 3600),
      scoreMaxAttempts: int(env, "LTI_SCORE_MAX_ATTEMPTS", 8, 1, 100),
      scoreBackoffMs: int(env, "LTI_SCORE_BACKOFF_MS", 30_000, 10, 3_600_000),
      scoreSweepSeconds: int(env, "LTI_SCORE_SWEEP_SECONDS", 10, 1, 3600),
    },
  };
}

/** Loads the config or exits with the one sentence that says what is wrong. */
export function configOrExit(env: Env = process.env): Config {
  try {
    return loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`Configuration error: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
}
