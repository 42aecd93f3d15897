// A few warm runners, each grading one job at a time (as a grader does): a job waits for a
// free runner, so the time measured is the grading itself, not the wait. With no more
// runners than cores, each job has a core to itself on an idle machine.
import type { GradeJob, GradeResult, Runner } from "../../../grader/grade";

export interface Timed {
  result: GradeResult;
  ms: number;
}

export class RunnerPool {
  private free: Runner[];
  private waiting: ((r: Runner) => void)[] = [];

  constructor(runners: Runner[]) {
    this.free = [...runners];
  }

  async grade(job: GradeJob): Promise<Timed> {
    const runner = this.free.pop() ?? (await new Promise<Runner>((resolve) => this.waiting.push(resolve)));
    try {
      const started = performance.now();
      const result = await runner.grade(job);
      return { result, ms: Math.round(performance.now() - started) };
    } finally {
      const next = this.waiting.shift();
      if (next) next(runner);
      else this.free.push(runner);
    }
  }
}

/** fn over items, at most `limit` at once; results in the items' order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
