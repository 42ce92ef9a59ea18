/**
 * `npm start`, headless as on a machine without a display: the built extension on the bundled demo article,
 * a screenshot once the sidebar is whole (the article read and its related incidents looked up), status 0.
 * (`npm start` builds first; the end-to-end run follows `npm run zip`, so the build is there.)
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'il-start-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start, headless', () => {
  it('shows the demo article with the whole sidebar and writes the screenshot', async () => {
    const shot = join(dir, 'demo.png');
    const { stdout } = await promisify(execFile)(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['scripts/start.ts', '--headless', `--screenshot=${shot}`],
      { cwd: ROOT, timeout: 90_000 },
    );
    expect(stdout).toMatch(/loaded as [a-p]{32}; demo article at http:\/\/127\.0\.0\.1:\d+\//);
    expect(stdout).toContain(`Sidebar shown whole. Screenshot: ${shot}`);
    const png = readFileSync(shot);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // The viewport's width and height in the PNG header: a real page, not an empty frame.
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(800);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(600);
  });
});
