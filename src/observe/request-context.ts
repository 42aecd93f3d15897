import { AsyncLocalStorage } from "node:async_hooks";

/** What the server knows of a request's socket (Bun's Server). */
export interface Peer {
  requestIP(request: Request): { address: string } | null;
}

/**
 * The request being handled: its id (for every log line written for it) and the address of
 * the socket it came on (for per-IP limits), asked of the server only when a route needs it:
 * most requests (pages) never do, and the call is not free.
 */
export class RequestScope {
  private address?: string | null;

  constructor(
    readonly id: string,
    private request?: Request,
    private server?: Peer,
  ) {}

  get peer(): string | undefined {
    if (this.address === undefined) this.address = this.server?.requestIP(this.request!)?.address ?? null;
    return this.address ?? undefined;
  }

  /** The response is made: the scope may live on (an open event stream's promises keep it), the request need not. */
  answered() {
    this.request = this.server = undefined;
  }
}

export const requestContext = new AsyncLocalStorage<RequestScope>();
