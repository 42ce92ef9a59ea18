import { resolve } from 'node:path';
import { loadLabelled } from './clusters';
import { prepareFeedItem } from '../../lib/sync/ingest-items';
import { itemFeatures } from '../../lib/cluster/features';
import { sameEvent } from '../../lib/cluster/rule';
const ROOT = resolve(import.meta.dirname, '../..');
const { loadMatcherFor } = await import('../../cli/matcher-cache');
const { matcher } = await loadMatcherFor([resolve(ROOT, '../shared/fixtures/misp-galaxy/clusters'), resolve(ROOT, '../shared/fixtures/kev/known_exploited_vulnerabilities.json')]);
const set = loadLabelled().filter((l) => l.split === 'tune');
const fs = set.map((l) => itemFeatures(prepareFeedItem(l.item, matcher).article, 0));
const TW = Number(process.argv[2] ?? 2);
const docs = fs.map((f) => { const m = new Map<string, number>(); for (const w of f.extra) m.set(w, 1); for (const a of f.anchors) m.set(a, 1); for (const w of f.words) m.set(w, TW); return m; });
const df = new Map<string, number>();
for (const d of docs) for (const k of d.keys()) df.set(k, (df.get(k) ?? 0) + 1);
const N = docs.length;
const vec = docs.map((d) => { const v = new Map<string, number>(); let n = 0; for (const [k, x] of d) { const w = x * Math.log(N / df.get(k)!); v.set(k, w); n += w * w; } n = Math.sqrt(n) || 1; for (const [k, w] of v) v.set(k, w / n); return v; });
const rows: string[] = [];
for (let i = 0; i < N; i++) for (let j = i + 1; j < N; j++) {
  let s = 0; for (const [k, w] of vec[i]) s += w * (vec[j].get(k) ?? 0);
  const same = set[i].event === set[j].event;
  const days = Math.abs(fs[i].t - fs[j].t) / 86400000;
  if (days > 10) continue;
  if (s < 0.15 && !same) continue;
  rows.push(`${s.toFixed(3)} ${same ? 'SAME' : '    '} rule=${sameEvent(fs[j], fs[i]).toFixed(1)} ${days.toFixed(0)}d | ${set[i].item.title.slice(0, 40)} || ${set[j].item.title.slice(0, 40)}`);
}
console.log(rows.sort().reverse().join('\n'));
