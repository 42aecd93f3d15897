// Typed configuration, parsed once from the environment. A bad value stops the
// process at start with a message that names the variable.

export type SandboxMode = "bwrap" | "rlimit";

export interface Config {
  production: boolean;
  port: number;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  sessionSecret: string;
  sandbox: SandboxMode | "auto";
  python: string;
  assignmentsDir: string;
  limits: {
    bodyBytes: number;
    codeBytes: number;
    submissionsPerMinute: number;
  };
  grading: {
    cpuSeconds: number;
    wallSeconds: number;
    memoryMiB: number;
    outputBytes: number;
    maxAttempts: number;
    heartbeatSeconds: number;
    slotUidBase: number;
  };
  sseHeartbeatMs: number;
  logLevel: "debug" | "info" | "warn" | "error";
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

const DEV_SECRET = "development-only-secret-do-not-use-in-production";

export function loadConfig(env: Env = process.env): Config {
  const production = env.NODE_ENV === "production";
  const sessionSecret = env.SESSION_SECRET || (production ? "" : DEV_SECRET);
  if (production && sessionSecret.length < 16) {
    throw new ConfigError("SESSION_SECRET must be set (at least 16 characters) when NODE_ENV=production.");
  }
  const redisPrefix = env.REDIS_PREFIX ?? "pp:";
  if (!/^[\w:.-]{0,64}$/.test(redisPrefix)) {
    throw new ConfigError(`REDIS_PREFIX may hold only letters, digits and _ : . - (got "${redisPrefix}").`);
  }
  return {
    production,
    port: int(env, "PORT", 7800, 0, 65535),
    databaseUrl: url(env, "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres", ["postgres:", "postgresql:"]),
    redisUrl: url(env, "REDIS_URL", "redis://127.0.0.1:6379", ["redis:", "rediss:"]),
    redisPrefix,
    sessionSecret,
    sandbox: oneOf(env, "GRADER_SANDBOX", "auto", ["auto", "bwrap", "rlimit"] as const),
    python: env.GRADER_PYTHON || "/usr/bin/python3",
    assignmentsDir: env.ASSIGNMENTS_DIR || new URL("../assignments", import.meta.url).pathname,
    limits: {
      bodyBytes: int(env, "MAX_BODY_BYTES", 256 * 1024, 1024, 64 * 1024 * 1024),
      codeBytes: int(env, "MAX_CODE_BYTES", 64 * 1024, 16, 16 * 1024 * 1024),
      submissionsPerMinute: int(env, "SUBMISSIONS_PER_MINUTE", 60, 1, 1_000_000),
    },
    grading: {
      cpuSeconds: int(env, "GRADER_CPU_SECONDS", 5, 1, 60),
      wallSeconds: int(env, "GRADER_WALL_SECONDS", 10, 1, 120),
      memoryMiB: int(env, "GRADER_MEMORY_MIB", 256, 32, 8192),
      outputBytes: int(env, "GRADER_OUTPUT_BYTES", 64 * 1024, 1024, 16 * 1024 * 1024),
      maxAttempts: int(env, "GRADER_MAX_ATTEMPTS", 3, 1, 100),
      heartbeatSeconds: int(env, "GRADER_HEARTBEAT_SECONDS", 10, 2, 600),
      slotUidBase: int(env, "GRADER_UID_BASE", 60000, 1000, 4_000_000_000),
    },
    sseHeartbeatMs: int(env, "SSE_HEARTBEAT_MS", 5000, 100, 60_000),
    logLevel: oneOf(env, "LOG_LEVEL", "info", ["debug", "info", "warn", "error"] as const),
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
