export {};
// `bun run dev`: set-up, then the web server and one grader, both with --watch.
const setup = Bun.spawnSync(["bun", "scripts/prestart.ts"], { stdout: "inherit", stderr: "inherit" });
if (setup.exitCode !== 0) process.exit(setup.exitCode ?? 1);

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
