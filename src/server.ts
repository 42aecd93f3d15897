// The web process (`bun run start`): listen, and shut down gracefully.

import { createHandler } from "./app";
import { configOrExit } from "./config";
import { closeContext, createContext } from "./context";
import { ScoreWorker } from "./lti/scores/worker";
import { observed } from "./observe/http";
import { HttpMetrics } from "./observe/metrics";
import { EventHub } from "./submissions/hub";

const config = configOrExit();
const ctx = createContext(config, "web");
const hub = new EventHub(config.redisUrl, ctx.keys, ctx.cache, config.redisCommandTimeoutMs);
const http = new HttpMetrics();
const handler = createHandler(ctx, hub, http);
// The SSE heartbeat (SSE_HEARTBEAT_MS) keeps streams inside Bun's idle timeout.
// Grade passback to LMSs (AGS): a small loop beside the requests (src/lti/scores/worker.ts).
const scores = new ScoreWorker(ctx);
scores.start();
const server = Bun.serve({ port: config.port, fetch: observed(handler.fetch, ctx.log, http), idleTimeout: 30 });
// Not app.server = server: Elysia would then reload the server with its own fetch, dropping
// the request wrapper (ids, logs, metrics, the socket address for per-IP limits).
ctx.log.info("web listening", { url: `http://localhost:${server.port}` });

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    ctx.log.info("web stopping", { signal });
    // Stop accepting, end open streams with a retry hint, then close what is left.
    const stopped = server.stop(false);
    hub.shutdown();
    await Promise.race([stopped, Bun.sleep(5000)]);
    await server.stop(true).catch(() => {});
    hub.close();
    await scores.stop().catch(() => {});
    await closeContext(ctx);
    process.exit(0);
  });
}
