/**
 * Draws the toolbar/store icons (public/icon/<size>.png, picked up by WXT) from one SVG, with the
 * system Chromium. Run again after changing the drawing: `npx tsx scripts/icons.ts`.
 */
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, findChromium } from './chromium';

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="26" fill="#13233a"/>
  <circle cx="56" cy="56" r="30" fill="none" stroke="#f5b83d" stroke-width="12"/>
  <circle cx="56" cy="56" r="10" fill="#e5484d"/>
  <line x1="78" y1="78" x2="106" y2="106" stroke="#f5b83d" stroke-width="16" stroke-linecap="round"/>
</svg>`;

const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
try {
  for (const size of [16, 32, 48, 96, 128]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${SVG}`,
    );
    await page.screenshot({ path: join(ROOT, 'public', 'icon', `${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
