// The JSON API: the list, one assignment, and the visitor's progress.

import { check } from "k6";
import http from "k6/http";
import { BASE, options as base } from "./lib.js";

export const options = base();

export default function () {
  const list = http.get(`${BASE}/api/assignments`);
  check(list, { "list 200": (r) => r.status === 200 && r.json().length > 0 });
  const id = list.json()[__ITER % list.json().length].id;
  check(http.get(`${BASE}/api/assignments/${id}`), { "assignment 200": (r) => r.status === 200 });
  check(http.get(`${BASE}/api/me`), { "me 200": (r) => r.status === 200 && typeof r.json().points === "number" });
}
