// Builds the app in-process for route tests (app.handle, no port).
import { afterAll } from "bun:test";
import { createApp } from "../../src/app";
import { type Config, loadConfig } from "../../src/config";
import { closeContext, createContext } from "../../src/context";
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
    app,
    ctx,
    hub,
    config,
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
  /** the `uid` cookie ("uid=…"), which tests copy between clients */
  cookie = "";
  /** any other cookie the app sets (the LTI login's), by name */
  others = new Map<string, string>();
  constructor(
    private send: (req: Request) => Promise<Response>,
    private base = "http://localhost",
  ) {}

  static forApp(app: { handle(r: Request): Promise<Response> }) {
    return new Client((r) => app.handle(r));
  }

  static forUrl(base: string) {
    return new Client((r) => fetch(r), base);
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const jar = [this.cookie, ...[...this.others].map(([k, v]) => `${k}=${v}`)].filter(Boolean).join("; ");
    if (jar) headers.set("cookie", jar);
    const res = await this.send(new Request(this.base + path, { ...init, headers, redirect: "manual" }));
    for (const set of res.headers.getSetCookie()) {
      const pair = set.split(";")[0]!;
      const [name, value = ""] = pair.split("=", 2) as [string, string?];
      if (name === "uid") this.cookie = pair;
      else if (/max-age=0\b/i.test(set)) this.others.delete(name);
      else this.others.set(name, value);
    }
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

/** Where to ask for the assignments: an app (through app.handle), a client, or a base URL. */
type Asked = { handle(r: Request): Promise<Response> } | Client | string;

export interface ListedAssignment {
  id: number;
  slug: string;
}

/** The assignments in their order, as GET /api/assignments lists them. */
export async function listAssignments(from: Asked): Promise<ListedAssignment[]> {
  const res =
    typeof from === "string"
      ? await fetch(`${from}/api/assignments`)
      : from instanceof Client
        ? await from.json("/api/assignments")
        : await Client.forApp(from).json("/api/assignments");
  if (res.status !== 200) throw new Error(`GET /api/assignments: ${res.status} ${await res.text()}`);
  return (await res.json()) as ListedAssignment[];
}

/** The first assignment (Hello). */
export async function firstAssignment(from: Asked): Promise<ListedAssignment> {
  const [first] = await listAssignments(from);
  if (!first) throw new Error("no assignments");
  return first;
}

/** Every assignment's id by its slug. */
export async function assignmentIds(from: Asked): Promise<Record<string, number>> {
  return Object.fromEntries((await listAssignments(from)).map((a) => [a.slug, a.id]));
}

/** The id of the assignment with this slug. */
export async function assignmentId(from: Asked, slug: string): Promise<number> {
  const id = (await assignmentIds(from))[slug];
  if (id === undefined) throw new Error(`no assignment ${slug}`);
  return id;
}

/** Code no other test submitted, so no earlier result is reused for it. */
export const unique = (code: string) => `${code}\n# ${crypto.randomUUID()}\n`;
