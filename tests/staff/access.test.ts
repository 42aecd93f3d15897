// Who may see the staff routes: only a user whose account e-mail, read from Postgres on
// each request, is in STAFF_EMAILS. Everyone else gets 403 and nothing of the course.
import { describe, expect, test } from "bun:test";
import { signUserId } from "../../src/identity/cookie";
import { appsForThisFile, Client, firstAssignment } from "../helpers/app";
import { addAccount, addSubmission, clientFor, STAFF_EMAIL, staffClient } from "./fixtures";

const app = appsForThisFile();
const t = app({ STAFF_EMAILS: ` Other@Example.edu , ${STAFF_EMAIL.toUpperCase()}` });

const SECRET_NAME = `Secret Student ${crypto.randomUUID().slice(0, 6)}`;
const SECRET_EMAIL = `secret-${crypto.randomUUID().slice(0, 6)}@example.edu`;

/** Every staff route, for a user id that exists. */
async function staffRoutes(userId: string) {
  const { id } = await firstAssignment(t.app);
  return [
    "/staff",
    "/staff?sort=points&dir=desc&q=Secret",
    "/staff/table",
    "/staff/events",
    "/staff/export.csv",
    `/staff/students/${userId}`,
    `/staff/assignments/${id}`,
    "/api/staff/students",
    "/api/staff/assignments",
    `/api/staff/students/${userId}/submissions`,
  ];
}

async function expectRefused(c: Client, userId: string, headers: Record<string, string> = {}) {
  for (const path of await staffRoutes(userId)) {
    const res = await c.request(path, { headers });
    const body = await res.text();
    expect({ path, status: res.status }).toEqual({ path, status: 403 });
    expect(body).not.toContain(SECRET_NAME);
    expect(body).not.toContain(SECRET_EMAIL);
    expect(body).not.toContain("# passed");
    if (path.startsWith("/api/")) expect(JSON.parse(body).error).toContain("staff");
    else expect(res.headers.get("content-type")).toContain("text/html");
  }
}

describe("staff access", async () => {
  const { id: assignment } = await firstAssignment(t.app);
  const secretId = crypto.randomUUID();
  await addAccount(t, secretId, SECRET_NAME, SECRET_EMAIL);
  await addSubmission(t, secretId, assignment, "passed");

  test("staff (account e-mail in STAFF_EMAILS, any case) get every staff route", async () => {
    const { client } = await staffClient(t);
    for (const path of await staffRoutes(secretId)) {
      const res = await client.request(path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      if (path === "/staff/events") await res.body?.cancel();
      else if (path.includes("submissions")) expect(await res.text()).toContain("# passed");
      else if (path.includes("stud") || path === "/staff" || path.endsWith(".csv")) expect(await res.text()).toContain(SECRET_NAME);
    }
  });

  test("an anonymous student gets 403 on every staff route, and nothing leaks", async () => {
    const c = Client.forApp(t.app);
    await c.submit(assignment, `print(1) # ${Math.random()}`);
    await expectRefused(c, secretId);
  });

  test("a signed-in student whose e-mail is not staff gets 403", async () => {
    const id = crypto.randomUUID();
    await addAccount(t, id, "Student", "student@example.edu");
    await expectRefused(clientFor(t, id), secretId);
  });

  test("an account with no e-mail is not staff", async () => {
    const id = crypto.randomUUID();
    await addAccount(t, id, "No Mail", null);
    await expectRefused(clientFor(t, id), secretId);
  });

  test("a forged cookie claiming a staff user id is a new visitor: 403 and a new id", async () => {
    const { id } = await staffClient(t);
    const c = Client.forApp(t.app);
    c.cookie = `uid=${signUserId("not-the-secret", id)}`;
    const res = await c.request("/api/staff/students");
    expect(res.status).toBe(403);
    expect(c.cookie).not.toContain(id); // the app handed out a new identity
    // the id alone, or the id with a damaged signature, is no better
    for (const cookie of [`uid=${id}`, `uid=${signUserId(t.config.sessionSecrets[0]!, id)}x`]) {
      const d = Client.forApp(t.app);
      d.cookie = cookie;
      expect((await d.request("/staff")).status).toBe(403);
    }
  });

  test("nothing but the account's e-mail makes staff: headers and query strings claiming it are ignored", async () => {
    const c = Client.forApp(t.app);
    await c.request("/assignments");
    const claims = {
      "x-staff": "1",
      "x-user-email": STAFF_EMAIL,
      "x-forwarded-email": STAFF_EMAIL,
      "x-auth-request-email": STAFF_EMAIL,
      "remote-user": STAFF_EMAIL,
      authorization: `Bearer ${STAFF_EMAIL}`,
    };
    await expectRefused(c, secretId, claims);
    for (const q of [`?email=${STAFF_EMAIL}`, "?staff=1", "?role=staff"]) {
      expect((await c.request(`/staff${q}`)).status).toBe(403);
      expect((await c.request(`/api/staff/students${q}`)).status).toBe(403);
    }
  });

  test("checked on every request: an e-mail changed in the database takes effect at once", async () => {
    const { id, client } = await staffClient(t);
    expect((await client.request("/api/staff/students")).status).toBe(200);
    await t.ctx.sql`update accounts set email = 'former@example.edu' where user_id = ${id}`;
    expect((await client.request("/api/staff/students")).status).toBe(403);
    expect((await client.request("/staff")).status).toBe(403);
  });

  test("with no STAFF_EMAILS nobody is staff", async () => {
    const none = app({ STAFF_EMAILS: "" });
    const id = crypto.randomUUID();
    await addAccount(none, id, "Teacher", STAFF_EMAIL);
    expect((await clientFor(none, id).request("/api/staff/students")).status).toBe(403);
  });

  test("an unknown user id format is 404 for staff, after the staff check", async () => {
    const { client } = await staffClient(t);
    for (const bad of ["nope", "1", "00000000-0000-0000-0000-00000000000g", "' or 1=1 --"]) {
      const res = await client.request(`/api/staff/students/${encodeURIComponent(bad)}/submissions`);
      expect(res.status).toBe(404);
    }
    expect((await Client.forApp(t.app).request("/api/staff/students/nope/submissions")).status).toBe(403);
  });

  test("the Staff link is in the header for staff only", async () => {
    const { client } = await staffClient(t);
    const student = Client.forApp(t.app);
    for (const path of [`/assignments/${assignment}`, "/assignments"]) {
      expect(await (await client.request(path)).text()).toContain('data-testid="staff-link"');
      expect(await (await student.request(path)).text()).not.toContain('href="/staff"');
    }
  });
});
