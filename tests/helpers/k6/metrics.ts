// Stands in for "k6/metrics": Trend, which keeps every sample for the runner to report.
import { recorded } from "./state";

export class Trend {
  constructor(
    readonly name: string,
    readonly isTime = false,
  ) {}

  add(value: number): void {
    (recorded.trends[this.name] ??= []).push(value);
  }
}

export default { Trend };
