/**
 * The engine without a browser: `npm run -s cli -- <verb>`. Prints JSON (see DESIGN.md, "The CLI").
 *
 *   extract                 JSON lines {"id","text"} on stdin → {"id","entities","incidents"} per line
 *   page FILE.html [...]    one page → one JSON object; several files → one JSON line each, with "file"
 *   page --jsonl            {"file","url"} lines on stdin → one JSON line each
 *   catalogue               counts of what the catalogue knows
 *   cluster                 feed items {"id","title","summary","published","link","source"} on stdin →
 *                           {"id","cluster","incident"} per item (the sync's clustering, in memory)
 *   stix FILE.html          the STIX 2.1 bundle the collection would export for that page
 *
 * Options: --catalogue PATH (repeatable; MISP galaxy cluster file or folder, ATT&CK STIX bundle, KEV JSON),
 *          --url URL (page, single file).
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { loadMatcherFor } from './matcher-cache';
import { analyzeText } from '../lib/worker/engine';
import { readPage, type PageResult } from './page';
import { checkInput, ClusterRun, type ClusterInput } from './cluster';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { savedFromPage } from '../lib/shared/collection/from-page';
import { stixBundle } from '../lib/worker/export/stix';

const USAGE = `usage: cli extract [--catalogue PATH]...
       cli page FILE.html[.gz] [FILE ...] [--url URL] [--catalogue PATH]...
       cli page --jsonl [--catalogue PATH]...   (reads {"file","url"} lines on stdin)
       cli catalogue [--catalogue PATH]...
       cli cluster [--catalogue PATH]...        (reads {"id","title","summary","published","link","source"} lines)
       cli stix FILE.html[.gz] [--url URL] [--catalogue PATH]...`;

class UsageError extends Error {}

async function* stdinLines(): AsyncGenerator<string> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) if (line.trim() !== '') yield line;
}

function write(obj: unknown): void {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

function fail(message: string): void {
  process.stderr.write(`incident-lens: ${message}\n`);
  process.exitCode = 1;
}

type Row = Record<string, unknown>;

/**
 * The JSON objects on stdin, one a line, that have a string `required` field. A line that is not one is
 * answered in place with an error line (keyed by `idKey`, so outputs still pair with inputs) and
 * makes the exit status non-zero; the other lines go on.
 */
async function* stdinRows(idKey: 'id' | 'file', required: 'text' | 'file' | 'title', expected: string): AsyncGenerator<Row> {
  let n = 0;
  for await (const line of stdinLines()) {
    n++;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      fail(`stdin line ${n}: not JSON`);
      write({ [idKey]: null, line: n, error: 'not JSON' });
      continue;
    }
    if (row === null || typeof row !== 'object' || typeof (row as Row)[required] !== 'string') {
      fail(`stdin line ${n}: expected ${expected}`);
      write({ [idKey]: idKey === 'id' ? ((row as Row | null)?.id ?? null) : null, line: n, error: `expected ${expected}` });
      continue;
    }
    yield row as Row;
  }
}

async function extractVerb(catalogue: string[]): Promise<void> {
  const { matcher } = await loadMatcherFor(catalogue);
  for await (const row of stdinRows('id', 'text', '{"id", "text"} with a string text')) {
    const published = typeof row.published === 'string' ? row.published : undefined;
    write({ id: row.id ?? null, ...analyzeText(row.text as string, matcher, { published }) });
  }
}

async function pageVerb(files: string[], url: string | undefined, jsonl: boolean, catalogue: string[]): Promise<void> {
  if (!jsonl && files.length === 0) throw new UsageError('page needs a FILE or --jsonl');
  if (url !== undefined && (jsonl || files.length > 1)) throw new UsageError('--url goes with a single FILE');
  const { matcher } = await loadMatcherFor(catalogue);
  const one = async (file: string, pageUrl?: string): Promise<PageResult | { file: string; error: string }> => {
    try {
      return await readPage(file, pageUrl, matcher);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      fail(`${file}: ${message}`);
      return { file, error: message };
    }
  };
  if (!jsonl && files.length === 1) {
    const result = await one(files[0], url);
    if ('error' in result) return;
    const { file: _file, ...rest } = result;
    process.stdout.write(JSON.stringify(rest, null, 2) + '\n');
    return;
  }
  if (!jsonl) {
    for (const file of files) write(await one(file));
    return;
  }
  for await (const row of stdinRows('file', 'file', '{"file", "url"}')) {
    write(await one(row.file as string, typeof row.url === 'string' ? row.url : undefined));
  }
}

async function clusterVerb(catalogue: string[]): Promise<void> {
  const { matcher } = await loadMatcherFor(catalogue);
  const run = new ClusterRun(matcher);
  const expected = '{"id", "title", "summary", "published", "link", "source"}';
  // Answers come once every item is in (a later item can join an earlier one's event); bad lines at once.
  for await (const row of stdinRows('id', 'title', expected)) {
    const problem = checkInput(row);
    if (problem) {
      fail(`item ${JSON.stringify(row.id ?? null)}: ${problem}`);
      write({ id: row.id ?? null, error: problem });
      continue;
    }
    await run.add(row as unknown as ClusterInput);
  }
  for (const out of run.results()) write(out);
}

/** The bundle the collection would export had the page been saved: deterministic (see lib/worker/export/stix.ts). */
async function stixVerb(files: string[], url: string | undefined, catalogue: string[]): Promise<void> {
  if (files.length !== 1) throw new UsageError('stix needs one FILE');
  const { matcher } = await loadMatcherFor(catalogue);
  const page = await readPage(files[0], url, matcher);
  const at = url ?? page.canonical ?? pathToFileURL(resolve(files[0])).href;
  const article = savedFromPage({ ...page, url: at });
  process.stdout.write(JSON.stringify(stixBundle([article]), null, 2) + '\n');
}

async function catalogueVerb(catalogue: string[]): Promise<void> {
  const { entries, names } = await loadMatcherFor(catalogue);
  const byType: Record<string, number> = {};
  for (const e of entries) byType[e.type] = (byType[e.type] ?? 0) + 1;
  write({ entries: entries.length, names, byType });
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      catalogue: { type: 'string', multiple: true, default: [] },
      url: { type: 'string' },
      jsonl: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [verb, ...rest] = positionals;
  if (values.help || verb === undefined) {
    process.stdout.write(USAGE + '\n');
    if (verb === undefined && !values.help) process.exitCode = 2;
    return;
  }
  const catalogue = values.catalogue ?? [];
  switch (verb) {
    case 'extract':
      return extractVerb(catalogue);
    case 'page':
      return pageVerb(rest, values.url, values.jsonl ?? false, catalogue);
    case 'catalogue':
      return catalogueVerb(catalogue);
    case 'cluster':
      return clusterVerb(catalogue);
    case 'stix':
      return stixVerb(rest, values.url, catalogue);
    default:
      throw new UsageError(`unknown verb "${verb}"`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError || (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
    process.stderr.write(`incident-lens: ${err.message}\n${USAGE}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`incident-lens: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
});
