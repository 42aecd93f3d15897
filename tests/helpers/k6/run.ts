// A k6-compatible shim, enough to run our scripts in tests/k6/ under `bun test` so that a
// broken script fails a test. It implements only what those scripts use (k6/http get/post,
// check, sleep, Trend, __ENV/__VU/__ITER, options vus/duration/iterations); it measures
// nothing worth reporting. Real k6 remains the tool for real load.
//
// Each VU is a Worker running its own copy of the script. Its http calls post the request
// here and block on Atomics.wait; this thread does the real fetch (reading the whole body,
// e.g. an event stream until the server ends it), replies on the VU's MessagePort and wakes
// it with Atomics.notify; the VU takes the reply with receiveMessageOnPort.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Recorded, WireReply, WireRequest } from "./state";
import type { VuInit, VuStart } from "./vu";

const SCRIPTS = join(import.meta.dir, "..", "..", "k6");

/** A temporary copy of tests/k6/*.js with a node_modules/k6 package that is the shim, so the
 *  scripts' imports of "k6", "k6/http" and "k6/metrics" resolve to it (in Bun 1.4.5 a runtime
 *  Bun.plugin's onResolve did not catch these bare imports, in a Worker or its preload).
 *  Put extra scripts in it; remove it when done. */
export function scriptDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "k6-shim-"));
  for (const f of readdirSync(SCRIPTS)) if (f.endsWith(".js")) copyFileSync(join(SCRIPTS, f), join(dir, f));
  const pkg = join(dir, "node_modules", "k6");
  mkdirSync(pkg, { recursive: true });
  const modules = { ".": "k6", "./http": "http", "./metrics": "metrics" };
  writeFileSync(
    join(pkg, "package.json"),
    JSON.stringify({
      name: "k6",
      type: "module",
      exports: Object.fromEntries(Object.entries(modules).map(([k, f]) => [k, `./${f}.js`])),
    }),
  );
  for (const f of Object.values(modules)) {
    const real = JSON.stringify(join(import.meta.dir, `${f}.ts`));
    writeFileSync(join(pkg, `${f}.js`), `export * from ${real};\nexport { default } from ${real};\n`);
  }
  return dir;
}

async function perform(req: WireRequest): Promise<WireReply> {
  try {
    const res = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      redirect: "manual",
      signal: AbortSignal.timeout(req.timeoutMs), // covers reading the body too
    });
    const body = await res.text();
    const headers: [string, string][] = [];
    res.headers.forEach((v, k) => {
      headers.push([k, v]);
    });
    return { status: res.status, headers, setCookies: res.headers.getSetCookie(), body, error: "", errorCode: 0 };
  } catch (err) {
    const timedOut = err instanceof DOMException && err.name === "TimeoutError";
    // k6's codes: 1050 request timeout, 1000 any other failure to get a response.
    return { status: 0, headers: [], setCookies: [], body: null, error: String(err), errorCode: timedOut ? 1050 : 1000 };
  }
}

function milliseconds(d: string): number {
  let ms = 0;
  for (const [, n, unit] of d.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) ms += Number(n) * { ms: 1, s: 1e3, m: 6e4, h: 36e5 }[unit as "ms"];
  return ms;
}

/** One VU: a worker that has imported the script and told its options. */
async function startVu(script: string, vu: number, env: Record<string, string>) {
  const worker = new Worker(join(import.meta.dir, "vu.ts"));
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  port1.onmessage = async (e: MessageEvent<WireRequest>) => {
    port1.postMessage(await perform(e.data));
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  };
  let done!: (r: Recorded) => void;
  let failed!: (e: Error) => void;
  const finished = new Promise<Recorded>((resolve, reject) => ([done, failed] = [resolve, reject]));
  const ready = new Promise<Record<string, any>>((resolve) => {
    worker.onmessage = (e) => {
      if (e.data.type === "ready") resolve(e.data.options);
      else if (e.data.type === "done") done(e.data.recorded);
      else failed(new Error(e.data.message));
    };
  });
  worker.onerror = (e) => failed(new Error(`VU ${vu}: ${e.message}`));
  const stop = () => {
    worker.terminate();
    port1.close();
  };
  finished.catch(stop);
  const init: VuInit = { type: "init", script, vu, env, port: port2, flag: flag.buffer as SharedArrayBuffer };
  worker.postMessage(init, [port2]);
  // Before the start, `finished` can only settle by failing: an error in the init context.
  const options: Record<string, any> = await Promise.race([ready, finished.then(() => ready)]);
  return {
    options,
    run(start: VuStart) {
      worker.postMessage(start);
      return finished.finally(stop);
    },
    stop,
  };
}

export interface Summary extends Recorded {
  vus: number;
  ms: number;
}

/** Runs a script of `dir` as `k6 run -e K=V ... script` would, with its own options. */
export async function runK6(dir: string, script: string, env: Record<string, string>): Promise<Summary> {
  const path = join(dir, script);
  const first = await startVu(path, 1, env); // like k6, the options come from an init run
  const { vus = 1, duration, iterations, scenarios } = first.options;
  const rest = Array.from({ length: vus - 1 }, (_, i) => startVu(path, i + 2, env));
  const started = await Promise.allSettled(rest);
  const all = [first, ...started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []))];
  const failure = started.find((s) => s.status === "rejected");
  if (failure || scenarios) {
    for (const vu of all) vu.stop();
    throw failure ? failure.reason : new Error("k6 shim: scenarios are not implemented");
  }
  // k6: vus + duration runs for the duration; iterations are shared by the VUs (with
  // duration as the limit when both are given); neither means one iteration.
  const t0 = Date.now();
  const start: VuStart = {
    type: "start",
    deadline: duration ? t0 + milliseconds(duration) : Infinity,
    claimed: new SharedArrayBuffer(4),
    iterations: iterations ?? (duration ? null : 1),
  };
  const results = await Promise.all(all.map((vu) => vu.run(start)));
  const sum: Summary = { checks: {}, trends: {}, requests: [], errors: [], iterations: 0, vus, ms: Date.now() - t0 };
  for (const r of results) {
    for (const [name, c] of Object.entries(r.checks)) {
      const s = (sum.checks[name] ??= { passes: 0, fails: 0 });
      s.passes += c.passes;
      s.fails += c.fails;
    }
    for (const [name, samples] of Object.entries(r.trends)) (sum.trends[name] ??= []).push(...samples);
    sum.requests.push(...r.requests);
    sum.errors.push(...r.errors);
    sum.iterations += r.iterations;
  }
  return sum;
}

/** What k6's thresholds in lib.js (checks rate==1, http_req_failed rate==0) would refuse. */
export function problems(s: Summary): string[] {
  return [
    ...Object.entries(s.checks)
      .filter(([, c]) => c.fails > 0)
      .map(([name, c]) => `check "${name}" failed ${c.fails} of ${c.passes + c.fails}`),
    ...s.requests.filter((r) => r.failed).map((r) => `${r.method} ${r.url} -> ${r.status} ${r.error}`),
    ...s.errors,
  ];
}
