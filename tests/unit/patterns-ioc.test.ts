/** The indicator eval (ioc-extractor's cases, ../shared/eval/ioc) as a guard: no unlisted failure. */
import { describe, expect, it } from 'vitest';
import { runIocEval } from '../../scripts/eval/ioc';

describe('ioc-extractor cases', () => {
  it('pass apart from the listed deliberate differences', async () => {
    const figures = await runIocEval({ quiet: true });
    expect(figures['ioc.cases_total']).toBeGreaterThan(50);
    expect(figures['ioc.cases_failed']).toBe(0);
    expect(figures['ioc.pass_rate']).toBeGreaterThanOrEqual(0.95);
  });
});
