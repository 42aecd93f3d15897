// The development file, run as a developer would (`docker compose up` in a checkout), on a
// copy of the working tree so the test can edit src/ without touching the real one. The test's
// override only moves published ports (the host's own Postgres and Redis hold 5432 and 6379)
// and builds with the host's network.
import { expect } from "bun:test";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { assignmentId, Client } from "../../helpers/app";
import { finalState } from "../../helpers/events";
import { freePort } from "../../helpers/processes";
import { inspect, must, Stack } from "./stack";

const NOT_FOUND = "There is nothing at this address: it was not found.";

/** The working tree as git sees it (tracked and untracked, not ignored), copied to `to`. */
function copyCheckout(root: string, to: string): void {
  const files = must(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root }).split("\0").filter(Boolean);
  for (const f of files) {
    try {
      mkdirSync(dirname(join(to, f)), { recursive: true });
      cpSync(join(root, f), join(to, f));
    } catch {
      // deleted in the working tree but still in the index
    }
  }
  // A developer's checkout belongs to them; the dev image's user is `bun` (uid 1000).
  must(["chown", "-R", "1000:1000", to]);
}

async function message(base: string): Promise<string> {
  const res = await fetch(`${base}/api/submissions/abc`).catch(() => undefined);
  return res ? ((await res.json()) as { error: string }).error : "";
}

export async function devStack(root: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "pp-dev-"));
  const copy = join(dir, "app");
  copyCheckout(root, copy);
  const port = freePort();
  writeFileSync(join(dir, "empty.env"), "");
  writeFileSync(
    join(dir, "override.yml"),
    [
      "services:",
      "  postgres:",
      "    ports: !reset []",
      "  redis:",
      "    ports: !reset []",
      "  web:",
      "    ports: !override",
      `      - "127.0.0.1:${port}:7800"`,
      "    build:",
      "      network: host",
      "  grader:",
      "    build:",
      "      network: host",
      "",
    ].join("\n"),
  );
  const stack = new Stack(
    `ppdev${Date.now().toString(36)}`,
    [join(copy, "compose.yml"), join(dir, "override.yml")],
    join(dir, "empty.env"),
    copy,
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    const started = performance.now();
    stack.compose("up", "-d", "--build", "--wait");
    console.log(`containers: dev stack up (first start installs the packages) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(await message(base)).toBe(NOT_FOUND);

    // The development grader grades too (bun --watch, the same sandbox).
    const student = Client.forUrl(base);
    const res = await student.submit(await assignmentId(student, "sum"), `def sum(a, b):\n    return a + b\n# ${crypto.randomUUID()}\n`);
    expect(res.status).toBe(202);
    const { id } = await res.json();
    expect(await finalState(student, id, 30_000)).toMatchObject({ status: "graded", outcome: "passed" });

    const [web] = stack.containers("web");
    const startedAt = inspect(web!, "{{.State.StartedAt}}");
    const file = join(copy, "src", "app.ts");
    const edited = "Nothing here (edited while the app ran).";
    writeFileSync(file, readFileSync(file, "utf8").replace(NOT_FOUND, edited));
    const editedAt = performance.now();
    let seen = "";
    while (seen !== edited && performance.now() - editedAt < 60_000) {
      await Bun.sleep(200);
      seen = await message(base);
    }
    expect(seen).toBe(edited);
    console.log(`containers: dev: an edit of src/app.ts answered ${((performance.now() - editedAt) / 1000).toFixed(1)} s later`);
    expect(inspect(web!, "{{.State.StartedAt}}")).toBe(startedAt);
    expect(inspect(web!, "{{.RestartCount}}")).toBe("0");
  } finally {
    await stack.composeAsync("down", "-v", "--rmi", "local", "--timeout", "5");
    rmSync(dir, { recursive: true, force: true });
  }
}
