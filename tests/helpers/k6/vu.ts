// Worker entry: one k6 VU. Its own copy of the script (module state is per VU, as in k6),
// the globals __ENV/__VU/__ITER, then iterations of the default function until the runner's
// plan is done. Everything blocks: http goes through state.roundTrip.
import { connect, recorded } from "./state";

declare var self: Worker;

export interface VuInit {
  type: "init";
  script: string;
  vu: number;
  env: Record<string, string>;
  port: MessagePort;
  flag: SharedArrayBuffer;
}

export interface VuStart {
  type: "start";
  deadline: number; // epoch ms after which no iteration starts
  claimed: SharedArrayBuffer; // shared-iterations: a counter all VUs take iterations from
  iterations: number | null;
}

const g = globalThis as Record<string, unknown>;
let main: () => void;

self.onmessage = async (e: MessageEvent<VuInit | VuStart>) => {
  const msg = e.data;
  if (msg.type === "init") {
    Object.assign(g, { __ENV: msg.env, __VU: msg.vu, __ITER: 0 });
    try {
      const mod = await import(msg.script);
      main = mod.default;
      connect(msg.port, msg.flag); // after the init context: k6 allows no requests there
      self.postMessage({ type: "ready", options: mod.options ?? {} });
    } catch (err) {
      self.postMessage({ type: "error", message: `VU ${msg.vu} init: ${err instanceof Error ? err.stack : err}` });
    }
    return;
  }
  const claimed = new Int32Array(msg.claimed);
  for (let i = 0; Date.now() < msg.deadline; i++) {
    if (msg.iterations !== null && Atomics.add(claimed, 0, 1) >= msg.iterations) break;
    g.__ITER = i;
    recorded.iterations++;
    try {
      main();
    } catch (err) {
      recorded.errors.push(`VU ${g.__VU} iteration ${i}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }
  self.postMessage({ type: "done", recorded });
};
