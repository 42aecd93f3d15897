// The course filter and the privacy of LMS courses: staff only by LTI (Instructor or TA of a
// course) see that course's students on every staff route, page, API and CSV alike, and get
// 403 for anyone else's; staff by STAFF_EMAILS see everyone and may narrow to one course.
import { describe, expect, test } from "bun:test";
import { appsForThisFile, firstAssignment } from "../helpers/app";
import { ltiDatabase } from "../lti/helpers";
import { addAccount, addCompletion, addSubmission, clientFor, STAFF_EMAIL, staffClient } from "./fixtures";

const apps = appsForThisFile();
const t = apps({ ...(await ltiDatabase()), STAFF_EMAILS: STAFF_EMAIL });
const tag = () => crypto.randomUUID().slice(0, 8);

/** An LMS with two courses, a student in each, one in none, and an instructor of A and a TA of B. */
async function world() {
  const [p] = await t.ctx.sql`insert into lti_platforms (issuer, client_id, deployment_ids, auth_url, token_url, jwks_url)
    values (${`https://lms-${tag()}.example`}, 'c', '{d}', 'https://lms.example/a', 'https://lms.example/t', 'https://lms.example/j') returning id`;
  const course = async (title: string) => {
    const [c] = await t.ctx
      .sql`insert into lti_contexts (platform_id, context_id, title) values (${p!.id}, ${tag()}, ${title}) returning id`;
    return c!.id as number;
  };
  const A = await course(`Course A ${tag()}`);
  const B = await course(`Course B ${tag()}`);
  const { id: assignment } = await firstAssignment(t.app);
  const person = async (name: string, member: { course: number; staff: boolean } | null) => {
    const id = crypto.randomUUID();
    await addAccount(t, id, name, `${id.slice(0, 8)}@uni.example`);
    if (member)
      await t.ctx.sql`insert into lti_memberships (user_id, context_id, roles, staff)
        values (${id}, ${member.course}, ${member.staff ? "{Instructor}" : "{Learner}"}, ${member.staff})`;
    if (!member?.staff) {
      const sub = await addSubmission(t, id, assignment, "passed");
      await addCompletion(t, id, assignment, sub);
    }
    return id;
  };
  const names = { a: `Ann A ${tag()}`, b: `Bob B ${tag()}`, x: `Xena None ${tag()}` };
  return {
    A,
    B,
    assignment,
    names,
    a: await person(names.a, { course: A, staff: false }),
    b: await person(names.b, { course: B, staff: false }),
    x: await person(names.x, null),
    instructorA: await person("Instructor A", { course: A, staff: true }),
    taB: await person("TA B", { course: B, staff: true }),
  };
}

const routes = (w: Awaited<ReturnType<typeof world>>, student: string) => [
  "/staff",
  "/staff/table",
  "/staff/export.csv",
  `/staff/students/${student}`,
  `/staff/assignments/${w.assignment}`,
  "/api/staff/students",
  "/api/staff/assignments",
  `/api/staff/students/${student}/submissions`,
];

describe("staff by LTI see their own courses only", async () => {
  const w = await world();
  const instructor = clientFor(t, w.instructorA);

  test("every list route shows course A's student and neither B's nor a student of no course", async () => {
    for (const path of routes(w, w.a)) {
      const res = await instructor.request(path);
      const body = await res.text();
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      if (!path.includes("assignments") && !path.includes("submissions")) expect(body).toContain(w.names.a);
      expect(body).not.toContain(w.names.b);
      expect(body).not.toContain(w.names.x);
      expect(body).not.toContain(w.b);
    }
    const stats = (await (await instructor.request("/api/staff/assignments")).json()) as {
      id: number;
      students: number;
      solvers: number;
    }[];
    expect(stats.find((s) => s.id === w.assignment)).toMatchObject({ students: 1, solvers: 1 });
  });

  test("hostile: a student of course B by id is 403 with a sentence, and nothing of them leaks", async () => {
    for (const student of [w.b, w.x]) {
      for (const path of [`/staff/students/${student}`, `/api/staff/students/${student}/submissions`]) {
        const res = await instructor.request(path);
        const body = await res.text();
        expect({ path, status: res.status }).toEqual({ path, status: 403 });
        expect(body).toContain("not in your courses");
        expect(body).not.toContain(w.names.b);
        expect(body).not.toContain("# passed");
      }
    }
    const csv = await (await instructor.request("/staff/export.csv")).text();
    expect(csv.trim().split("\r\n")).toHaveLength(2); // the header and Ann
  });

  test("hostile: asking for another course by ?course= is 403 on every route; a malformed one is 400", async () => {
    for (const path of routes(w, w.a)) {
      const join = path.includes("?") ? "&" : "?";
      const res = await instructor.request(`${path}${join}course=${w.B}`);
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
      expect(await res.text()).not.toContain(w.names.b);
      expect((await instructor.request(`${path}${join}course=B`)).status).toBe(400);
    }
  });

  test("the filter offers only the courses taught; the TA of B sees B's student", async () => {
    const page = await (await instructor.request("/staff")).text();
    expect(page).toContain('data-testid="course-filter"');
    expect(page).toContain("All my courses");
    expect(page).toContain(`value="${w.A}"`);
    expect(page).not.toContain(`value="${w.B}"`);
    const ta = clientFor(t, w.taB);
    const rows = (await (await ta.request("/api/staff/students")).json()) as { userId: string }[];
    expect(rows.map((r) => r.userId)).toEqual([w.b]);
  });

  test("a launch as Learner ends it: the former instructor is refused everywhere", async () => {
    const id = crypto.randomUUID();
    await addAccount(t, id, "Former", null);
    await t.ctx.sql`insert into lti_memberships (user_id, context_id, roles, staff) values (${id}, ${w.A}, '{Learner}', false)`;
    for (const path of routes(w, w.a))
      expect({ path, status: (await clientFor(t, id).request(path)).status }).toEqual({ path, status: 403 });
  });
});

describe("staff by e-mail see everyone and may filter by course", async () => {
  const w = await world();
  const { client } = await staffClient(t);

  test("every route shows everyone; the filter lists every recorded course", async () => {
    for (const path of routes(w, w.b)) expect({ path, status: (await client.request(path)).status }).toEqual({ path, status: 200 });
    const page = await (await client.request("/staff")).text();
    for (const name of Object.values(w.names)) expect(page).toContain(name);
    expect(page).toContain("Every student");
    expect(page).toContain(`value="${w.A}"`);
    expect(page).toContain(`value="${w.B}"`);
  });

  test("?course= narrows every list, the sort links and the CSV keep it, and an unknown course is 404", async () => {
    const page = await (await client.request(`/staff?course=${w.B}`)).text();
    expect(page).toContain(w.names.b);
    expect(page).not.toContain(w.names.a);
    expect(page).toContain(`dir=desc&amp;course=${w.B}"`);
    expect(page).toContain(`href="/staff/export.csv?course=${w.B}"`);
    const csv = await (await client.request(`/staff/export.csv?course=${w.B}`)).text();
    expect(csv).toContain(w.names.b);
    expect(csv).not.toContain(w.names.a);
    const api = (await (await client.request(`/api/staff/students?course=${w.A}`)).json()) as { userId: string }[];
    expect(api.map((r) => r.userId)).toEqual([w.a]);
    const res = await client.request("/staff?course=999999999");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("This course was not found");
  });
});
