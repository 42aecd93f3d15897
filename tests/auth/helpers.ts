// Progress for the sign-in tests: submissions made through the API, graded by hand.
import { expect } from "bun:test";
import type { Context } from "../../src/context";
import { type Client, unique } from "../helpers/app";
import { gradeByHand } from "../helpers/grading";

export interface Me {
  userId: string;
  points: number;
  solved: number[];
  account: { name: string; email: string | null } | null;
  staff: boolean;
}

export const me = async (c: Client) => (await (await c.json("/api/me")).json()) as Me;

/** A submission of `assignmentId`, left queued (`outcome` undefined) or graded. */
export async function made(ctx: Context, c: Client, assignmentId: number, outcome?: "passed" | "failed"): Promise<number> {
  const res = await c.submit(assignmentId, unique("print('hi')"));
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: number };
  if (outcome) await gradeByHand(ctx.db, id, { outcome, message: outcome });
  return id;
}

export const form = (decision: string) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: `decision=${decision}`,
});
