// Private Redis and Postgres servers on their own ports, for tests that stop, restart
// or flush them: the shared services and other tests are never disturbed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Subprocess } from "bun";
import { asPostgres, ownByPostgres, pgBin } from "../../scripts/services";
import { freePort } from "./processes";

export class PrivateRedis {
  readonly port = freePort();
  readonly url = `redis://127.0.0.1:${this.port}`;
  private proc?: Subprocess;

  async start(): Promise<void> {
    this.proc = Bun.spawn(["redis-server", "--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdout: "ignore",
      stderr: "ignore",
    });
    for (let i = 0; i < 100; i++) {
      if (
        Bun.spawnSync(["redis-cli", "-p", String(this.port), "ping"])
          .stdout.toString()
          .includes("PONG")
      )
        return;
      await Bun.sleep(50);
    }
    throw new Error("private redis did not start");
  }

  /** As a crash: SIGKILL, all data gone (it keeps nothing on disk). */
  async kill(): Promise<void> {
    this.proc?.kill("SIGKILL");
    await this.proc?.exited;
  }

  flushAll(): void {
    Bun.spawnSync(["redis-cli", "-p", String(this.port), "flushall"]);
  }
}

export class PrivatePostgres {
  readonly port = freePort();
  readonly url = `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  private dir = mkdtempSync(join(tmpdir(), "pp-pg-"));
  private bin = pgBin() ?? "";
  private asUser = asPostgres();

  private run(argv: string[]) {
    const r = Bun.spawnSync([...this.asUser, ...argv], { stdout: "pipe", stderr: "pipe" });
    if (r.exitCode !== 0) throw new Error(`${argv[0]}: ${r.stderr.toString()}`);
  }

  async init(): Promise<void> {
    ownByPostgres(this.dir);
    this.run([join(this.bin, "initdb"), "-D", join(this.dir, "data"), "-U", "postgres", "--auth=trust", "--no-sync"]);
    await this.start();
  }

  async start(): Promise<void> {
    this.run([
      join(this.bin, "pg_ctl"),
      "-D",
      join(this.dir, "data"),
      "-l",
      join(this.dir, "log"),
      "-o",
      `-p ${this.port} -k ${this.dir} -c fsync=off`,
      "-w",
      "start",
    ]);
  }

  async stop(mode: "fast" | "immediate" = "fast"): Promise<void> {
    this.run([join(this.bin, "pg_ctl"), "-D", join(this.dir, "data"), "-m", mode, "-w", "stop"]);
  }

  async destroy(): Promise<void> {
    await this.stop("immediate").catch(() => {});
    rmSync(this.dir, { recursive: true, force: true });
  }
}
