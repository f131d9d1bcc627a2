import { BUDGETS, report } from '../../../bench/budgets';

/**
 * The benchmarks' checker: `npm run bench` exits 1 when `report` says a budget is broken. Shown here with a
 * deliberate violation, so the check itself is proven without breaking main.
 */
describe('the budget checker', () => {
  let lines: string[];
  beforeEach(() => {
    lines = [];
    jest.spyOn(console, 'log').mockImplementation((line: unknown) => {
      lines.push(String(line));
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it('passes figures within their budgets, and figures without one', () => {
    expect(report([
      { name: 'weapp main package', value: BUDGETS.weappMainPackageBytes, unit: 'bytes', budget: BUDGETS.weappMainPackageBytes },
      { name: 'weapp total', value: 5_000_000, unit: 'bytes' },
    ])).toBe(true);
    expect(lines.every((line) => line.startsWith('ok'))).toBe(true);
  });

  it('fails on one byte over, and names the figure and its budget', () => {
    expect(report([
      { name: 'scan p95', value: 10, unit: 'ms', budget: 150 },
      { name: 'weapp main package', value: BUDGETS.weappMainPackageBytes + 1, unit: 'bytes', budget: BUDGETS.weappMainPackageBytes },
    ])).toBe(false);
    expect(lines[1]).toMatch(/^OVER\s+weapp main package: .* \(budget .*KB\)$/);
    expect(lines[0]).toMatch(/^ok/);
  });
});
