import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { detectArticle } from '../lib/page/detect';
import { analyzeText, type AnalyzeOptions } from '../lib/worker/engine';
import type { CompiledMatcher } from '../lib/worker/extract/matcher';
import type { EntityMatch, Incident } from '../lib/shared/types';

export interface PageResult {
  file: string;
  isArticle: boolean;
  title: string | null;
  byline: string | null;
  published: string | null;
  site: string | null;
  lang: string | null;
  url: string | null;
  /** The page's own canonical URL, when it names one. */
  canonical: string | null;
  text: string;
  entities: EntityMatch[];
  incidents: Incident[];
}

/** Reads an .html or .html.gz file as the browser would see it and runs the engine on its main text. */
export async function readPage(
  file: string,
  url: string | undefined,
  matcher: CompiledMatcher,
  extra: Pick<AnalyzeOptions, 'victimMin'> = {},
): Promise<PageResult> {
  let bytes: Buffer = await readFile(file);
  if (file.endsWith('.gz') || (bytes[0] === 0x1f && bytes[1] === 0x8b)) bytes = gunzipSync(bytes);
  const html = bytes.toString('utf8');
  const { document } = parseHTML(html);
  const canonical = canonicalUrl(document);
  const pageUrl = url ?? canonical ?? 'about:blank';
  const info = detectArticle(document as unknown as Document, pageUrl);
  // Entities are read from the main text of articles only; elsewhere the extension stays silent too.
  const analysis = info.isArticle
    ? analyzeText(info.text, matcher, { published: info.published, site: url ?? info.site, title: info.title, ...extra })
    : { entities: [], incidents: [] };
  return {
    file,
    isArticle: info.isArticle,
    title: info.title ?? null,
    byline: info.byline ?? null,
    published: info.published ?? null,
    site: info.site ?? null,
    lang: info.lang ?? null,
    url: url ?? null,
    canonical: canonical ?? null,
    text: info.text,
    ...analysis,
  };
}

/** The page's own `<link rel=canonical>`, when it names an absolute URL. */
function canonicalUrl(document: { querySelector(s: string): { getAttribute(n: string): string | null } | null }): string | undefined {
  const href = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (!href) return undefined;
  try {
    return new URL(href).href;
  } catch {
    return undefined;
  }
}
