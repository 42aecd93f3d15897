// Stands in for the module "k6": check() and sleep(), as our scripts use them.
import { recorded } from "./state";

/** Runs every named condition, records each as a pass or a fail; true when all passed.
 *  A condition that throws ends the iteration, as in k6 (earlier ones stay recorded). */
export function check<T>(value: T, conditions: Record<string, ((v: T) => unknown) | unknown>): boolean {
  let all = true;
  for (const [name, condition] of Object.entries(conditions)) {
    const ok = Boolean(typeof condition === "function" ? condition(value) : condition);
    const c = (recorded.checks[name] ??= { passes: 0, fails: 0 });
    ok ? c.passes++ : c.fails++;
    all &&= ok;
  }
  return all;
}

/** Blocks this VU, like k6's sleep (seconds). */
export function sleep(seconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, seconds * 1000);
}

export default { check, sleep };
