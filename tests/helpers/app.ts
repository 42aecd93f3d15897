// Builds the app in-process for route tests (app.handle, no port).
import { afterAll } from "bun:test";
import { loadConfig, type Config } from "../../src/config";
import { closeContext, createContext } from "../../src/context";
import { createApp } from "../../src/app";
import { EventHub } from "../../src/submissions/hub";

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ ...process.env, ...env });
}

export function makeApp(env: Record<string, string> = {}) {
  const config = testConfig(env);
  const ctx = createContext(config, "test");
  const hub = new EventHub(config.redisUrl, ctx.keys, ctx.cache);
  const app = createApp(ctx, hub);
  return {
    app, ctx, hub, config,
    async close() {
      hub.close();
      await closeContext(ctx);
    },
  };
}

/** makeApp for one test file: every app it makes is closed after the file's tests. */
export function appsForThisFile() {
  const apps: ReturnType<typeof makeApp>[] = [];
  afterAll(() => Promise.all(apps.map((a) => a.close())));
  return (env: Record<string, string> = {}) => {
    const a = makeApp(env);
    apps.push(a);
    return a;
  };
}

/** A client with a cookie jar, over app.handle or a real base URL. */
export class Client {
  cookie = "";
  constructor(private send: (req: Request) => Promise<Response>, private base = "http://localhost") {}

  static forApp(app: { handle(r: Request): Promise<Response> }) {
    return new Client((r) => app.handle(r));
  }

  static forUrl(base: string) {
    return new Client((r) => fetch(r), base);
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set("cookie", this.cookie);
    const res = await this.send(new Request(this.base + path, { ...init, headers, redirect: "manual" }));
    const set = res.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0]!;
    return res;
  }

  json(path: string) {
    return this.request(path);
  }

  submit(assignmentId: number | string, code: string) {
    return this.request(`/api/assignments/${assignmentId}/submissions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code }),
    });
  }
}

/** Code no other test submitted, so no earlier result is reused for it. */
export const unique = (code: string) => `${code}\n# ${crypto.randomUUID()}\n`;
