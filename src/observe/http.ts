// Around every request of the web process: a request id (the proxy's X-Request-Id when it
// sends a sane one), one access-log line, and the request metrics.
import type { Logger } from "../lib/log";
import { HttpMetrics, routeOf } from "./metrics";
import { requestContext } from "./request-context";

type Handler = (request: Request) => Response | Promise<Response>;
interface Peer {
  requestIP(request: Request): { address: string } | null;
}

const SANE_ID = /^[\w.:-]{1,100}$/;

export function observed(handle: Handler, log: Logger, metrics: HttpMetrics) {
  return (request: Request, server: Peer) => {
    const given = request.headers.get("x-request-id");
    const id = given && SANE_ID.test(given) ? given : crypto.randomUUID();
    const peer = server.requestIP(request)?.address;
    return requestContext.run({ id, peer }, async () => {
      const started = performance.now();
      const response = await handle(request);
      const ms = performance.now() - started;
      const path = new URL(request.url).pathname;
      metrics.record(routeOf(path), request.method, response.status, ms);
      log.info("request", { method: request.method, path, status: response.status, ms: Math.round(ms * 10) / 10 });
      try {
        response.headers.set("x-request-id", id);
      } catch {
        // an immutable response (none of ours today): the id is still in the log
      }
      return response;
    });
  };
}
