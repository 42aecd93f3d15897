// Sign-in through a real OpenID Provider on loopback: claim (add, skip), sign out, a second device.
import { afterAll, describe, expect, test } from "bun:test";
import { appsForThisFile, assignmentIds, Client } from "../helpers/app";
import { newUser, signIn, startProvider } from "../helpers/oidc";
import { form, made, me } from "./helpers";

const switchForm = (id: string, decision: string) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: `id=${id}&decision=${decision}`,
});

const op = await startProvider();
afterAll(() => op.close());
const apps = appsForThisFile();
const t = apps({ ...op.env, STAFF_EMAILS: "Teacher@Uni.Example.edu" });
const client = () => Client.forApp(t.app);
const ids = Object.values(await assignmentIds(t.app));
const [a1, a2, a3] = ids as [number, number, number];

describe("sign-in", () => {
  test("a browser with anonymous progress is asked, adds it, signs out as a new visitor; a second device sees the points", async () => {
    const c = client();
    await made(t.ctx, c, a1, "passed");
    await made(t.ctx, c, a2, "failed");
    const anonymous = await me(c);
    expect(anonymous.account).toBeNull();

    const user = newUser();
    const back = await signIn(c, op, user, "/assignments/1");
    expect(back.status).toBe(303);
    expect(back.headers.get("location")).toBe("/auth/claim");
    // Nothing merged nor signed in before the student chooses.
    expect((await me(c)).userId).toBe(anonymous.userId);

    const page = await c.request("/auth/claim");
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain("1 solved assignment, 2 submissions");
    expect(text).toContain(user.name);

    const added = await c.request("/auth/claim", form("add"));
    expect(added.status).toBe(303);
    expect(added.headers.get("location")).toBe("/assignments/1");
    const account = await me(c);
    expect(account).toMatchObject({ points: 100, solved: [a1], account: { name: user.name, email: user.email }, staff: false });
    expect(account.userId).not.toBe(anonymous.userId);
    // The anonymous id holds nothing any more.
    expect((await t.ctx.sql`select count(*)::int as n from submissions where user_id = ${anonymous.userId}`)[0]!.n).toBe(0);

    // The header names the account and offers sign-out; the list shows the points.
    const list = await (await c.request("/assignments")).text();
    expect(list).toContain('data-testid="account-name"');
    expect(list).toContain(user.name);
    expect(list).not.toContain('data-testid="sign-in"');

    const out = await c.request("/auth/logout", { method: "POST" });
    expect(out.status).toBe(303);
    const after = await me(c);
    expect(after.userId).not.toBe(account.userId);
    expect(after.userId).not.toBe(anonymous.userId);
    expect(after).toMatchObject({ points: 0, account: null });
    expect(await (await c.request("/assignments")).text()).toContain("Sign in with Test University");

    // Another device: no claim (nothing anonymous there), the account's points.
    const other = client();
    const there = await signIn(other, op, user);
    expect(there.headers.get("location")).toBe("/assignments");
    expect(await me(other)).toMatchObject({ userId: account.userId, points: 100, solved: [a1] });
  });

  test("skip: the account keeps only its own progress; the browser becomes the account", async () => {
    const user = newUser("Grace Hopper");
    const first = client();
    await signIn(first, op, user);
    await made(t.ctx, first, a3, "passed");
    const accountId = (await me(first)).userId;

    const c = client();
    await made(t.ctx, c, a1, "passed");
    const anonymous = (await me(c)).userId;
    expect((await signIn(c, op, user)).headers.get("location")).toBe("/auth/claim");
    const skipped = await c.request("/auth/claim", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ decision: "skip" }),
    });
    expect(skipped.status).toBe(200);
    expect(await skipped.json()).toMatchObject({ added: false, next: "/assignments" });
    expect(await me(c)).toMatchObject({ userId: accountId, points: 100, solved: [a3] });
    // The skipped progress stays where it was, untouched.
    expect((await t.ctx.sql`select count(*)::int as n from completions where user_id = ${anonymous}`)[0]!.n).toBe(1);
    // The claim is gone: a second decision finds nothing.
    expect((await c.request("/auth/claim", form("add"))).status).toBe(404);
  });

  test("a browser without anonymous progress signs straight in; staff comes from STAFF_EMAILS, any case", async () => {
    const c = client();
    const res = await signIn(c, op, { ...newUser("Teacher"), email: "teacher@uni.example.edu" }, "/assignments");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/assignments");
    expect(await me(c)).toMatchObject({ account: { name: "Teacher", email: "teacher@uni.example.edu" }, staff: true });
  });

  test("the header's sign-in link (no next) brings the student back to the page it was on; another site's page does not count", async () => {
    const back = await signIn(client(), op, newUser("Back"), null, { referer: "http://localhost/assignments/2?from=5" });
    expect(back.headers.get("location")).toBe("/assignments/2?from=5");
    const elsewhere = await signIn(client(), op, newUser("Elsewhere"), null, { referer: "https://evil.example/assignments/2" });
    expect(elsewhere.headers.get("location")).toBe("/");
  });

  test("an e-mail the provider marks unverified is not kept: a self-registered staff address makes nobody staff", async () => {
    const c = client();
    await signIn(c, op, { ...newUser("Impostor"), email: "teacher@uni.example.edu", email_verified: false });
    expect(await me(c)).toMatchObject({ account: { name: "Impostor", email: null }, staff: false });
  });

  test("signing in again while signed in keeps the user; the provider's new name is taken", async () => {
    const user = newUser("Old Name");
    const c = client();
    await signIn(c, op, user);
    const before = await me(c);
    const again = await signIn(c, op, { ...user, name: "New Name" });
    expect(again.headers.get("location")).toBe("/assignments");
    expect(await me(c)).toMatchObject({ userId: before.userId, account: { name: "New Name" } });
  });

  test("signed in as one account, signing in as another asks first, then switches without a claim (accounts never merge)", async () => {
    const c = client();
    await signIn(c, op, newUser("First"));
    await made(t.ctx, c, a1, "passed");
    const res = await signIn(c, op, newUser("Second"));
    expect(res.status).toBe(303);
    expect(res.headers.get("set-cookie")).toBeNull(); // not switched yet
    const ask = res.headers.get("location")!;
    expect(ask).toMatch(/^\/auth\/switch\?id=[0-9a-f-]{36}$/);
    expect(await me(c)).toMatchObject({ points: 100, account: { name: "First" } });
    const page = await (await c.request(ask)).text();
    expect(page).toContain('You are signed in as <strong data-testid="switch-current">First</strong>');
    expect(page).toContain("Continue as Second");
    // Another browser (or user) cannot see or use the waiting switch.
    const id = new URL(ask, "http://x").searchParams.get("id")!;
    const stranger = client();
    await signIn(stranger, op, newUser("Stranger"));
    expect((await stranger.request(ask)).status).toBe(404);
    expect((await stranger.request("/auth/switch", switchForm(id, "switch"))).status).toBe(404);
    expect((await c.request("/auth/switch", switchForm(id, "maybe"))).status).toBe(422);

    const done = await c.request("/auth/switch", switchForm(id, "switch"));
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/assignments");
    expect(await me(c)).toMatchObject({ points: 0, account: { name: "Second" } });
    expect((await c.request("/auth/switch", switchForm(id, "switch"))).status).toBe(404); // used once
  });

  test("asked to switch, staying keeps the account; a cross-site confirmation is refused", async () => {
    const c = client();
    await signIn(c, op, newUser("Victim"));
    const ask = (await signIn(c, op, newUser("Attacker"))).headers.get("location")!;
    const id = new URL(ask, "http://x").searchParams.get("id")!;
    const forged = switchForm(id, "switch");
    const cross = await c.request("/auth/switch", { ...forged, headers: { ...forged.headers, "sec-fetch-site": "cross-site" } });
    expect(cross.status).toBe(403);
    const stay = await c.request("/auth/switch", switchForm(id, "stay"));
    expect(stay.status).toBe(303);
    expect(stay.headers.get("set-cookie")).toBeNull();
    expect(await me(c)).toMatchObject({ account: { name: "Victim" } });
  });
});

describe("without a provider configured", () => {
  const plain = apps();
  test("the sign-in addresses do not exist and no page mentions signing in", async () => {
    const c = Client.forApp(plain.app);
    for (const path of ["/auth/login", "/auth/callback?state=x", "/auth/claim"]) expect((await c.request(path)).status).toBe(404);
    expect((await c.request("/auth/logout", { method: "POST" })).status).toBe(404);
    const page = await (await c.request("/assignments")).text();
    expect(page).not.toContain("Sign in");
    expect(page).not.toContain("/auth/");
    expect(await me(c)).toMatchObject({ account: null, staff: false });
  });
});
