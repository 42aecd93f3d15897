// Around every request of the web process: a request id (the proxy's X-Request-Id when it
// sends a sane one), one access-log line, and the request metrics. It runs for every
// request, so it allocates little: no URL object, no promise when the answer is at hand
// (a warm page), the socket address only on demand.
import type { Logger } from "../lib/log";
import type { HttpMetrics } from "./metrics";
import { type Peer, RequestScope, requestContext } from "./request-context";

type Handler = (request: Request) => Response | Promise<Response>;

const SANE_ID = /^[\w.:-]{1,100}$/;

/** The path of an absolute URL (what `new URL(url).pathname` gives for a request's URL). */
export function pathOf(url: string): string {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  if (start < 0) return "/";
  const query = url.indexOf("?", start);
  return query < 0 ? url.slice(start) : url.slice(start, query);
}

export function observed(handle: Handler, log: Logger, metrics: HttpMetrics) {
  return (request: Request, server: Peer): Response | Promise<Response> => {
    const given = request.headers.get("x-request-id");
    const id = given !== null && SANE_ID.test(given) ? given : crypto.randomUUID();
    const started = performance.now();
    const scope = new RequestScope(id, request, server);
    const finish = (response: Response) => {
      scope.answered();
      const ms = performance.now() - started;
      const path = pathOf(request.url);
      metrics.record(metrics.routeOf(path), request.method, response.status, ms);
      // The id is given explicitly: this may run after the request's scope has closed.
      log.info("request", { request: id, method: request.method, path, status: response.status, ms: Math.round(ms * 10) / 10 });
      try {
        response.headers.set("x-request-id", id);
      } catch {
        // an immutable response (none of ours today): the id is still in the log
      }
      return response;
    };
    // Everything the handler does, awaited or not, sees this request's scope (ids in logs).
    const result = requestContext.run(scope, handle, request);
    return result instanceof Promise ? result.then(finish) : finish(result);
  };
}
