// The size budgets of issue 5, held on every `npm test` so the element cannot grow back
// unnoticed: budget 2 (everything a script-tag page can load) at its target, budget 1 (the
// element's hosted OB 2.0 path) at its ceiling until its 15 KB target is met. The numbers
// come from scripts/size-report.mjs --json, the same measurement `npm run size` prints.
// Skipped when there is no build (npm test builds first).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = process.env.VB_DIST ?? join(ROOT, 'dist');
const built = existsSync(join(DIST, 'verify-badge.global.js'));
if (!built) console.warn(`SKIPPING size tests: no build at ${DIST} (run npm run build)`);

interface Budget {
  raw: number;
  gzip: number;
  target: number;
  ceiling: number;
}

interface Download {
  raw: number;
  gzip: number;
  files: number;
}

interface SizeReport {
  files: Record<string, { raw: number; gzip: number }>;
  element: Budget & { files: number; initialGzip: number };
  total: Budget;
  classicScript: { raw: number; gzip: number };
  moduleScript: { initial: Download; hostedOb2: Download; ob3: Download; all: Download } | null;
}

describe.runIf(built)('the size budgets (scripts/size-report.mjs)', () => {
  let report: SizeReport;
  beforeAll(() => {
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts/size-report.mjs'), '--json', DIST], { cwd: ROOT, encoding: 'utf8' });
    report = JSON.parse(out) as SizeReport;
  });

  it('keeps everything a script-tag page can load within 90 KB gzip', () => {
    expect(report.total.target).toBe(90 * 1024);
    expect(report.total.gzip).toBeGreaterThan(0);
    expect(report.total.gzip).toBeLessThanOrEqual(report.total.target);
  });

  it('keeps the element for a hosted OB 2.0 badge under its ceiling while the 15 KB target is open', () => {
    expect(report.element.target).toBe(15 * 1024);
    expect(report.element.ceiling).toBeLessThanOrEqual(20 * 1024);
    expect(report.element.gzip).toBeGreaterThan(0);
    expect(report.element.gzip).toBeLessThanOrEqual(report.element.ceiling);
  });

  // The module script exists to make pages download less than the classic script: it must.
  it('has the module script download less than the classic script, for OB 2.0 and for OB 3.0 badges', () => {
    const mod = report.moduleScript;
    expect(mod).not.toBeNull();
    expect(mod!.initial.files).toBeGreaterThan(0);
    expect(mod!.hostedOb2.gzip).toBeGreaterThan(mod!.initial.gzip);
    expect(mod!.hostedOb2.gzip).toBeLessThan(report.classicScript.gzip);
    expect(mod!.ob3.gzip).toBeLessThan(report.total.gzip);
    expect(mod!.ob3.gzip).toBeLessThanOrEqual(report.total.target);
  });

  it('measures every shipped JavaScript file, raw and gzip', () => {
    for (const name of ['verify-badge.global.js', 'browser/ob3.js', 'module/verify-badge.js', 'element/define.js', 'index.js', 'cli/main.js']) {
      const file = report.files[name];
      expect(file, name).toBeDefined();
      expect(file!.gzip).toBeGreaterThan(0);
      expect(file!.gzip).toBeLessThan(file!.raw);
    }
  });
});
