// Container health checks (Dockerfile HEALTHCHECK, compose `healthcheck`). Exit 0 = healthy.
//   bun deploy/healthcheck.ts web     GET http://127.0.0.1:$PORT/health answers 200
//   bun deploy/healthcheck.ts proxy   the same through nginx, at $PROXY_PORT
//   bun deploy/healthcheck.ts grader  a grader of this container beats its heartbeat in Redis
// A grader has no port: it is healthy when a worker id of this host (`<hostname>-<pid>-...`,
// see grader/worker.ts) has a live heartbeat key, i.e. its loop runs and reaches Redis.
import { hostname } from "node:os";

const TIMEOUT_MS = 3000;

async function http(port: string): Promise<boolean> {
  const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  return res.status === 200;
}

async function grader(): Promise<boolean> {
  // Imported here: the proxy image has neither packages nor src/.
  const { default: Redis } = await import("ioredis");
  const { makeKeys } = await import("../src/queue/keys");
  const { anyAlive, registeredWorkers } = await import("../src/queue/workers");
  const keys = makeKeys(process.env.REDIS_PREFIX ?? "pp:");
  const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379", {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: TIMEOUT_MS,
  });
  redis.on("error", () => {});
  try {
    await redis.connect();
    const mine = (await registeredWorkers(redis, keys)).filter((id) => id.startsWith(`${hostname()}-`));
    return anyAlive(redis, keys, mine);
  } finally {
    redis.disconnect();
  }
}

const role = process.argv[2] ?? "web";
const checks: Record<string, () => Promise<boolean>> = {
  web: () => http(process.env.PORT || "7800"),
  proxy: () => http(process.env.PROXY_PORT || "8080"),
  grader,
};
const check = checks[role];
if (!check) {
  console.error(`healthcheck: unknown role "${role}" (web, proxy or grader)`);
  process.exit(2);
}
const healthy = await check().catch((e) => {
  console.error(`healthcheck ${role}: ${e instanceof Error ? e.message : String(e)}`);
  return false;
});
process.exit(healthy ? 0 : 1);
