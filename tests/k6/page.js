// The assignment page for a returning visitor (the cookie jar keeps its identity).

import { check } from "k6";
import http from "k6/http";
import { assignments, BASE, options as base } from "./lib.js";

export const options = base();

let list; // per VU: each VU runs its own copy of this module

export default function () {
  list = list || assignments();
  const id = list[__ITER % list.length].id;
  const res = http.get(`${BASE}/assignments/${id}`);
  check(res, {
    "status 200": (r) => r.status === 200,
    "has the points counter": (r) => r.body.includes('data-testid="points"'),
  });
}
