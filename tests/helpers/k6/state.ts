// One VU's side of the k6 shim: what it recorded, and the synchronous line to the main thread.
// k6's http calls block, and the scripts rely on that, so a request is posted to the main
// thread (which does the real fetch) and this worker sleeps on Atomics.wait until the reply.
import { type MessagePort as NodePort, receiveMessageOnPort } from "node:worker_threads";

export interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
  timeoutMs: number;
}

export interface WireReply {
  status: number; // 0 when no response came (refused, timed out), as in k6
  headers: [string, string][];
  setCookies: string[];
  body: string | null;
  error: string;
  errorCode: number;
}

export interface Recorded {
  checks: Record<string, { passes: number; fails: number }>;
  trends: Record<string, number[]>;
  requests: { method: string; url: string; status: number; failed: boolean; error: string }[];
  errors: string[]; // exceptions that ended an iteration (k6 logs them and goes on)
  iterations: number;
}

export const recorded: Recorded = { checks: {}, trends: {}, requests: [], errors: [], iterations: 0 };

let line: { port: MessagePort; flag: Int32Array } | undefined;

export function connect(port: MessagePort, flag: SharedArrayBuffer): void {
  line = { port, flag: new Int32Array(flag) };
}

export function roundTrip(req: WireRequest): WireReply {
  if (!line) throw new Error("k6 shim: http is not available in the init context");
  const { port, flag } = line;
  Atomics.store(flag, 0, 0);
  port.postMessage(req);
  // The main thread aborts the fetch at timeoutMs, so a missing reply means the shim broke.
  if (Atomics.wait(flag, 0, 0, req.timeoutMs + 10_000) === "timed-out") throw new Error(`k6 shim: no reply for ${req.url}`);
  const got = receiveMessageOnPort(port as unknown as NodePort);
  if (!got) throw new Error(`k6 shim: reply for ${req.url} signalled but not delivered`);
  return got.message as WireReply;
}
