// `bun run dev`: set-up, then the web server and one grader, both with --watch.
import { watch } from "node:fs";

const setup = Bun.spawnSync(["bun", "scripts/prestart.ts"], { stdout: "inherit", stderr: "inherit" });
if (setup.exitCode !== 0) process.exit(setup.exitCode ?? 1);

// The editor bundle: built now, and again whenever src/client/ changes (pages re-read its
// manifest in development, so a reload picks up the new file).
const buildClient = () => Bun.spawnSync(["bun", "scripts/build-client.ts"], { stdout: "inherit", stderr: "inherit" });
buildClient();
let rebuild: ReturnType<typeof setTimeout> | undefined;
const watcher = watch("src/client", { recursive: true }, () => {
  clearTimeout(rebuild);
  rebuild = setTimeout(buildClient, 150);
});

const children = [
  Bun.spawn(["bun", "--watch", "src/server.ts"], { stdout: "inherit", stderr: "inherit" }),
  Bun.spawn(["bun", "--watch", "grader/main.ts"], { stdout: "inherit", stderr: "inherit" }),
];
const port = process.env.PORT || "7800";
console.log(`\n  PyPractice is running: http://localhost:${port}\n`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const c of children) c.kill(signal);
  });
}
await Promise.race(children.map((c) => c.exited));
for (const c of children) c.kill("SIGTERM");
await Promise.all(children.map((c) => c.exited));
watcher.close();
