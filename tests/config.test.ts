// src/config.ts: defaults and what follows from them, every variable's check (a bad value
// names the variable and the value), and the entry points stopping at start on one.
// SESSION_SECRET's own rules are in tests/security/headers.test.ts.
import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { ConfigError, loadConfig } from "../src/config";

const ROOT = join(import.meta.dir, "..");

describe("defaults", () => {
  test("with nothing set: development values, the in-flight bound ten per connection, a beat a fifth of the TTL", () => {
    const c = loadConfig({});
    expect(c.production).toBe(false);
    expect(c.port).toBe(7800);
    expect(c.redisPrefix).toBe("pp:");
    expect(c.database).toEqual({ poolSize: 10, maxInFlight: 100, queueWaitMs: 5000 });
    expect(c.cookieSecure).toBe("auto");
    expect(c.sandbox).toBe("auto");
    expect(c.grading).toMatchObject({ cpuSeconds: 2, wallSeconds: 10, memoryMiB: 256, maxAttempts: 3, heartbeatSeconds: 5, beatMs: 1000 });
    expect(c.grading.testCrashMarker).toBeUndefined();
    expect(c.sessionSecrets).toHaveLength(1);
  });

  test("what follows from other settings follows them; an empty value is the default", () => {
    expect(loadConfig({ DATABASE_POOL_SIZE: "4" }).database.maxInFlight).toBe(40);
    expect(loadConfig({ DATABASE_POOL_SIZE: "4", DATABASE_MAX_IN_FLIGHT: "0" }).database.maxInFlight).toBe(0);
    expect(loadConfig({ GRADER_HEARTBEAT_SECONDS: "2" }).grading.beatMs).toBe(400);
    expect(loadConfig({ PORT: "", LOG_LEVEL: "", DATABASE_URL: "" })).toMatchObject({ port: 7800, logLevel: "info" });
    expect(loadConfig({ REDIS_URL: "rediss://cache.example:6380" }).redisUrl).toBe("rediss://cache.example:6380");
    expect(loadConfig({ NODE_ENV: "production", SESSION_SECRET: "a-production-secret-long-enough" }).production).toBe(true);
  });
});

// Every whole-number variable, each at one past both of its ends and not a whole number.
const WHOLE_NUMBERS: [string, number, number][] = [
  ["PORT", 0, 65535],
  ["REDIS_COMMAND_TIMEOUT_MS", 50, 600_000],
  ["DATABASE_POOL_SIZE", 1, 1000],
  ["DATABASE_MAX_IN_FLIGHT", 0, 1_000_000],
  ["DATABASE_QUEUE_WAIT_MS", 50, 600_000],
  ["TRUST_PROXY", 0, 10],
  ["MAX_BODY_BYTES", 1024, 64 * 1024 * 1024],
  ["MAX_CODE_BYTES", 16, 16 * 1024 * 1024],
  ["SUBMISSIONS_PER_MINUTE", 1, 1_000_000],
  ["SUBMISSIONS_PER_MINUTE_PER_IP", 1, 10_000_000],
  ["STREAMS_PER_MINUTE", 1, 1_000_000],
  ["STREAMS_PER_MINUTE_PER_IP", 1, 10_000_000],
  ["MAX_OPEN_STREAMS_PER_USER", 1, 10_000],
  ["QUEUE_CAP", 1, 100_000_000],
  ["GRADER_CPU_SECONDS", 1, 60],
  ["GRADER_WALL_SECONDS", 1, 120],
  ["GRADER_MEMORY_MIB", 32, 8192],
  ["GRADER_OUTPUT_BYTES", 1024, 16 * 1024 * 1024],
  ["GRADER_MAX_ATTEMPTS", 1, 100],
  ["GRADER_HEARTBEAT_SECONDS", 2, 600],
  ["GRADER_SWEEP_SECONDS", 1, 3600],
  ["GRADER_UID_BASE", 1000, 2_147_000_000],
  ["SSE_HEARTBEAT_MS", 100, 60_000],
];

describe("a bad value is refused with a sentence naming the variable and the value", () => {
  test("whole numbers: both ends accepted, one past either end or not whole refused", () => {
    for (const [name, min, max] of WHOLE_NUMBERS) {
      for (const ok of [min, max]) expect({ name, ok, threw: threw({ [name]: String(ok) }) }).toEqual({ name, ok, threw: undefined });
      for (const bad of [String(min - 1), String(max + 1), "1.5", "ten", "-"]) {
        expect({ name, bad, threw: threw({ [name]: bad }) }).toEqual({
          name,
          bad,
          threw: `${name} must be a whole number from ${min} to ${max}, got "${bad}".`,
        });
      }
    }
  });

  test("URLs: parsed, and of the right kind", () => {
    expect(threw({ DATABASE_URL: "not a url" })).toBe('DATABASE_URL is not a valid URL: "not a url".');
    expect(threw({ DATABASE_URL: "mysql://db/x" })).toBe('DATABASE_URL must start with postgres: or postgresql:, got "mysql://db/x".');
    expect(threw({ REDIS_URL: "http://127.0.0.1:6379" })).toBe('REDIS_URL must start with redis: or rediss:, got "http://127.0.0.1:6379".');
  });

  test("choices: one of the listed words", () => {
    expect(threw({ COOKIE_SECURE: "sometimes" })).toBe('COOKIE_SECURE must be one of auto, always, never, got "sometimes".');
    expect(threw({ GRADER_SANDBOX: "docker" })).toBe('GRADER_SANDBOX must be one of auto, bwrap, rlimit, got "docker".');
    expect(threw({ LOG_LEVEL: "trace" })).toBe('LOG_LEVEL must be one of debug, info, warn, error, got "trace".');
  });

  test("sign-in: OIDC_ISSUER and OIDC_CLIENT_ID together or not at all; PUBLIC_URL and STAFF_EMAILS", () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    expect(loadConfig({ OIDC_ISSUER: "https://sso.example.edu", OIDC_CLIENT_ID: "practice" }).oidc).toEqual({
      issuer: "https://sso.example.edu",
      clientId: "practice",
      clientSecret: undefined,
      label: "Sign in",
    });
    expect(threw({ OIDC_ISSUER: "https://sso.example.edu" })).toContain("OIDC_ISSUER and OIDC_CLIENT_ID must be set together");
    expect(threw({ OIDC_ISSUER: "sso.example.edu", OIDC_CLIENT_ID: "x" })).toBe('OIDC_ISSUER is not a valid URL: "sso.example.edu".');
    expect(loadConfig({ PUBLIC_URL: "https://practice.example.edu/" }).publicUrl).toBe("https://practice.example.edu");
    expect(threw({ PUBLIC_URL: "ftp://x" })).toBe('PUBLIC_URL must start with https: or http:, got "ftp://x".');
    expect([...loadConfig({ STAFF_EMAILS: " Ada@Example.edu, ,bob@example.edu" }).staffEmails]).toEqual([
      "ada@example.edu",
      "bob@example.edu",
    ]);
  });

  test("REDIS_PREFIX: letters, digits and _ : . - only, at most 64", () => {
    expect(loadConfig({ REDIS_PREFIX: "pp-test_1:a.b" }).redisPrefix).toBe("pp-test_1:a.b");
    for (const bad of ["pp *", "pp{x}", "a".repeat(65)]) expect(threw({ REDIS_PREFIX: bad })).toContain("REDIS_PREFIX may hold only");
  });
});

describe("the entry points stop at start on a bad value, with that one sentence", () => {
  for (const entry of ["src/server.ts", "grader/main.ts", "scripts/prestart.ts"]) {
    test(entry, async () => {
      const p = Bun.spawn(["bun", entry], {
        cwd: ROOT,
        env: { ...process.env, GRADER_WALL_SECONDS: "soon" },
        stdout: "pipe",
        stderr: "pipe",
      });
      const [code, stdout, stderr] = await Promise.all([p.exited, new Response(p.stdout).text(), new Response(p.stderr).text()]);
      expect({ code, stdout, stderr }).toEqual({
        code: 1,
        stdout: "",
        stderr: 'Configuration error: GRADER_WALL_SECONDS must be a whole number from 1 to 120, got "soon".\n',
      });
    }, 20_000);
  }
});

/** The ConfigError's message loading `env` gives, or undefined when it loads. */
function threw(env: Record<string, string>): string | undefined {
  try {
    loadConfig(env);
    return undefined;
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.message;
  }
}
