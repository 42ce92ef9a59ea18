/**
 * What Chromium's IndexedDB costs on disk, request by request: synthetic rows put, got and looked up by index
 * in the benches' page (a profile of its own on disk, bench/lib/bench-page.ts), variants alternating round by
 * round, with the CPU of the page's main thread and of IndexedDB's backend from a trace:
 *
 *   npx tsx bench/idb-costs.ts [--rows 3000] [--rounds 4] [--only put-tx9,get]
 *
 * Each variant writes `rows` rows into a fresh database (or reads them from one written beforehand) and prints
 * ms an operation (wall, main-thread CPU, backend CPU), then the medians over the rounds. The variants differ
 * in one thing each from `put-tx27` (27 puts a transaction, a 100-character key, 6 index entries, 1.5 KB of
 * text): puts a transaction (the transaction's fixed cost), index entries, key length, row size. What the
 * store's own writes cost follows from them (see bench/README.md, round 16).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { openBenchPage } from './lib/bench-page';
import { median } from './lib/stats';
import { cpuOf, threadTimes } from './lib/thread-cpu';

interface Variant {
  name: string;
  op: 'put' | 'get' | 'index';
  perTx: number;
  keyLength: number;
  entries: number;
  chars: number;
}

const BASE: Omit<Variant, 'name'> = { op: 'put', perTx: 27, keyLength: 100, entries: 6, chars: 1500 };
const VARIANTS: Variant[] = [
  { ...BASE, name: 'put-tx27' },
  { ...BASE, name: 'put-tx3', perTx: 3 },
  { ...BASE, name: 'put-tx9', perTx: 9 },
  { ...BASE, name: 'put-tx90', perTx: 90 },
  { ...BASE, name: 'put-entries0', entries: 0 },
  { ...BASE, name: 'put-entries12', entries: 12 },
  { ...BASE, name: 'put-key16', keyLength: 16 },
  { ...BASE, name: 'put-chars4500', chars: 4500 },
  { ...BASE, name: 'get', op: 'get' },
  { ...BASE, name: 'index', op: 'index' },
];

/** Runs in the page: the variant's operations on `rows` rows, ms of wall time in all. */
async function inPage({ v, rows, name }: { v: Variant; rows: number; name: string }): Promise<number> {
  const open = (db: string) =>
    new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open(db, 1);
      r.onupgradeneeded = () => r.result.createObjectStore('s', { keyPath: 'id' }).createIndex('keys', 'keys', { multiEntry: true });
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
  // Text that compresses about as a page's does (not a run of one letter), different for every row.
  const text = (i: number, chars: number) =>
    Array.from({ length: Math.ceil(chars / 6) }, (_, k) => ((i * 31 + k * 17 + k * k) % 46_649).toString(36))
      .join(' ')
      .slice(0, chars);
  const key = (i: number, length: number) =>
    `https://www.example.com/news/security/${'a'.repeat(200)}`.slice(0, length - 8) + String(i).padStart(8, '0');
  const row = (i: number, w: Variant) => ({
    id: key(i, w.keyLength),
    keys: Array.from({ length: w.entries }, (_, k) => `organization:name-${(i * 7 + k * 13) % 5000}`),
    title: `title ${i}`,
    text: text(i, w.chars),
    features: { t: i, anchors: ['product:windows', `organization:x${i % 100}`], names: { a: 'A', b: 'B' } },
  });
  const run = (db: IDBDatabase, mode: IDBTransactionMode, each: (s: IDBObjectStore, i: number) => void) =>
    (async () => {
      for (let i = 0; i < rows; i += v.perTx)
        await new Promise<void>((ok, fail) => {
          const tx = db.transaction('s', mode, { durability: 'relaxed' });
          const s = tx.objectStore('s');
          for (let j = i; j < Math.min(rows, i + v.perTx); j++) each(s, j);
          tx.oncomplete = () => ok();
          tx.onerror = () => fail(tx.error);
        });
    })();
  const db = await open(v.op === 'put' ? name : 'idb-costs-read');
  if (
    v.op !== 'put' &&
    (await new Promise<number>(
      (ok) => (db.transaction('s').objectStore('s').count().onsuccess = (e) => ok((e.target as IDBRequest<number>).result)),
    )) < rows
  )
    await run(db, 'readwrite', (s, i) => s.put(row(i, v)));
  // Rows in a scattered order, as a feed's URLs fall among the stored ones.
  const at = (i: number) => (i * 7919) % rows;
  const t0 = performance.now();
  if (v.op === 'put') await run(db, 'readwrite', (s, i) => s.put(row(at(i), v)));
  else if (v.op === 'get') await run(db, 'readonly', (s, i) => s.get(key(at(i), v.keyLength)));
  else await run(db, 'readonly', (s, i) => s.index('keys').getAll(`organization:name-${at(i) % 5000}`));
  const ms = performance.now() - t0;
  db.close();
  if (v.op === 'put')
    await new Promise((ok) => {
      const r = indexedDB.deleteDatabase(name);
      r.onsuccess = r.onerror = r.onblocked = () => ok(null);
    });
  return ms;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { rows: { type: 'string', default: '3000' }, rounds: { type: 'string', default: '4' }, only: { type: 'string' } },
  });
  const rows = Number(values.rows);
  const only = values.only?.split(',');
  const variants = VARIANTS.filter((v) => !only || only.includes(v.name));
  const { browser, page, close } = await openBenchPage('idb-costs');
  try {
    const cdp = await browser.newBrowserCDPSession();
    const got = new Map<string, { ms: number; main: number; backend: number }[]>();
    let serial = 0;
    for (let r = 0; r < Number(values.rounds); r++)
      for (const v of r % 2 ? [...variants].reverse() : variants) {
        let ms = 0;
        const threads = await threadTimes(cdp, async () => {
          ms = await page.evaluate(inPage, { v, rows, name: `idb-costs-${serial++}` });
        });
        const x = {
          ms: ms / rows,
          main: cpuOf(threads, /^Renderer \/ CrRendererMain$/) / rows,
          backend: cpuOf(threads, /^Browser \/ ThreadPoolForegroundWorker$/) / rows,
        };
        got.set(v.name, [...(got.get(v.name) ?? []), x]);
        console.log(
          `round ${r + 1} ${v.name.padEnd(14)} wall ${x.ms.toFixed(3)}, main ${x.main.toFixed(3)}, backend ${x.backend.toFixed(3)} ms an operation; load ${loadavg()[0].toFixed(1)}`,
        );
      }
    console.log(`\nmedians, ms an operation (${rows} rows):`);
    for (const [name, xs] of got)
      console.log(
        `  ${name.padEnd(14)} wall ${median(xs.map((x) => x.ms)).toFixed(3)}, main ${median(xs.map((x) => x.main)).toFixed(3)}, backend ${median(xs.map((x) => x.backend)).toFixed(3)}`,
      );
  } finally {
    await close();
  }
}

await main();
