// Holds event streams open for bench/streams.ts, in a process of its own so that reading
// thousands of streams does not slow the process that times the targeted events.
// argv: base URL, a JSON file of [{ id, cookie }]. Prints `open <ms>` once every stream has
// answered, `snapshots <ms>` once every stream has sent its first state, `failed <n>` if any failed.
export {};

const [base, file] = process.argv.slice(2);
const subs = (await Bun.file(file!).json()) as { id: number; cookie: string }[];
const t0 = performance.now();
let open = 0;
let snapshots = 0;
let failed = 0;
let reported = false;
const done = () => {
  if (!reported && snapshots + failed >= subs.length) {
    reported = true;
    console.log(`snapshots ${Math.round(performance.now() - t0)}`);
    if (failed) console.log(`failed ${failed}`);
  }
};
await Promise.all(
  subs.map(async (s) => {
    try {
      // A connection refused under the burst is tried again, as EventSource would.
      const connect = () => fetch(`${base}/api/submissions/${s.id}/events`, { headers: { cookie: s.cookie } });
      const res = await connect()
        .catch(() => Bun.sleep(1000).then(connect))
        .catch(() => Bun.sleep(1000).then(connect));
      if (res.status !== 200) throw new Error(`status ${res.status}`);
      if (++open === subs.length) console.log(`open ${Math.round(performance.now() - t0)}`);
      const decoder = new TextDecoder();
      let seen = false;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        if (!seen && decoder.decode(chunk).includes("event: status")) {
          seen = true;
          snapshots++;
          done();
        }
      }
    } catch {
      if (!reported) failed++;
      done();
    }
  }),
);
