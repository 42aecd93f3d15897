// One simulated student of the deadline rush: the assignment page first (its cookie), then,
// until the rush ends, a random pause, a POST, and the submission's own event stream held
// open until the result arrives on it, as the page's live widget does. A stream that ends
// without a result is opened again after a second (EventSource's `retry`).
import { isFinal, type Status } from "../src/submissions/status";
import { Client } from "../tests/helpers/app";
import { readEvents } from "../tests/helpers/events";
import { codeFor, type Kind, type MixOptions, pick } from "./rush-mix";

export interface Sent {
  id: number;
  student: number;
  kind: Kind;
  /** performance.now() before the POST */
  t0: number;
  /** when the first final state arrived (on the stream, or in the POST's answer when reused) */
  finalAt?: number;
  /** final states received for this submission: 1 is right, more is a duplicated result */
  finals: number;
  status?: string;
  outcome?: string;
  reused?: boolean;
  reconnects: number;
}

export interface RushState {
  base: string;
  assignmentId: number;
  mix: MixOptions;
  /** mean pause between a result and the next POST, ms */
  meanPauseMs: number;
  /** performance.now() when students stop submitting */
  endAt: number;
  /** performance.now() after which streams are given up */
  giveUpAt: number;
  sent: Sent[];
  /** POSTs answered with another status than 202 (or not at all: 0), by status */
  refused: Map<number, number>;
  openStreams: number;
  peakStreams: number;
  /** students whose page did not answer (they never submitted), and the first reason */
  failed: number;
  failure?: string;
}

/** An exponentially distributed pause (so each student's submissions are a Poisson stream), cut at the rush's end. */
const pause = (s: RushState) => Bun.sleep(Math.min(-Math.log(1 - Math.random()) * s.meanPauseMs, Math.max(0, s.endAt - performance.now())));

export async function student(s: RushState, n: number): Promise<void> {
  const client = Client.forUrl(s.base);
  const page = await client.request(`/assignments/${s.assignmentId}`).catch((e) => String(e));
  if (typeof page === "string" || page.status !== 200 || !client.cookie) {
    s.failed++;
    s.failure ??= typeof page === "string" ? page : `the page answered ${page.status}`;
    return;
  }
  await page.arrayBuffer();
  await pause(s);
  for (let turn = 0; performance.now() < s.endAt; turn++) {
    const kind = pick(s.mix);
    const t0 = performance.now();
    const res = await client.submit(s.assignmentId, codeFor(kind, `student ${n} turn ${turn}`)).catch(() => undefined);
    if (res?.status !== 202) {
      await res?.arrayBuffer();
      s.refused.set(res?.status ?? 0, (s.refused.get(res?.status ?? 0) ?? 0) + 1);
    } else {
      const body = (await res.json()) as { id: number; status: Status; outcome: string | null; reused: boolean };
      const sent: Sent = { id: body.id, student: n, kind, t0, finals: 0, reconnects: 0 };
      s.sent.push(sent);
      if (isFinal(body.status)) settle(sent, body, performance.now());
      else await watch(s, client, sent);
    }
    await pause(s);
  }
}

function settle(sent: Sent, data: { status: Status; outcome: string | null; reused: boolean }, at: number) {
  sent.finals++;
  if (sent.finals > 1) return;
  sent.finalAt = at;
  sent.status = data.status;
  sent.outcome = data.outcome ?? undefined;
  sent.reused = data.reused;
}

/** Reads the submission's stream to its end; opens it again while no result came. */
async function watch(s: RushState, client: Client, sent: Sent): Promise<void> {
  while (sent.finals === 0 && performance.now() < s.giveUpAt) {
    s.openStreams++;
    s.peakStreams = Math.max(s.peakStreams, s.openStreams);
    try {
      await readEvents(client, sent.id, Math.max(1, s.giveUpAt - performance.now()), (e) => {
        if (isFinal(e.data.status)) settle(sent, e.data, e.at);
      });
    } catch {
      // refused, dropped or given up: try again below while there is time
    } finally {
      s.openStreams--;
    }
    if (sent.finals === 0 && performance.now() < s.giveUpAt) {
      sent.reconnects++;
      await Bun.sleep(1000);
    }
  }
}
