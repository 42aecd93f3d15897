import { AsyncLocalStorage } from "node:async_hooks";

/** The request being handled: its id (for every log line written for it) and the
 *  address of the socket it came on (for per-IP limits). */
export const requestContext = new AsyncLocalStorage<{ id: string; peer?: string }>();
