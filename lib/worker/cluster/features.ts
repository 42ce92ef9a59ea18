/** An analysed item's clustering features (see rule.ts). */
import type { AnalysedArticle } from '../../shared/analysis/protocol';
import type { EntityRef } from '../../shared/types';
import { anchorWeight, distinctiveWords, familyOf, saysOutbreak, type ItemFeatures } from './rule';

function uniqueRefs(refs: (EntityRef | undefined)[]): EntityRef[] {
  const out = new Map<string, EntityRef>();
  for (const r of refs) if (r && !out.has(r.key)) out.set(r.key, { key: r.key, name: r.name });
  return [...out.values()];
}

/** Time of an ISO date, or `fallback` when there is none or it does not parse. */
export function timeOf(date: string | undefined, fallback: number): number {
  const t = date ? Date.parse(date) : NaN;
  return Number.isNaN(t) ? fallback : t;
}

export function itemFeatures(
  a: Pick<AnalysedArticle, 'title' | 'summary' | 'published' | 'entities' | 'incidents'>,
  now: number,
): ItemFeatures {
  const main = a.incidents[0];
  // Victims and actors of every incident of the same type as the main one (a roundup's other stories are not this event).
  const same = main ? a.incidents.filter((i) => i.type === main.type) : [];
  const victims = uniqueRefs(same.map((i) => i.victim));
  const actors = uniqueRefs(same.map((i) => i.actor));
  const anchors = new Set<string>(victims.map((v) => v.key));
  const names: Record<string, string> = {};
  for (const e of a.entities)
    if (anchorWeight(e.key) > 0 && !anchors.has(e.key)) {
      anchors.add(e.key);
      names[e.key] = e.name;
    }
  for (const r of [...victims, ...actors]) {
    anchors.add(r.key);
    names[r.key] = r.name;
  }
  const words = distinctiveWords(a.title);
  const inTitle = new Set(words);
  const extra = distinctiveWords(a.summary ?? '').filter((w) => !inTitle.has(w));
  const f: ItemFeatures = { t: timeOf(a.published, now), victims, actors, anchors: [...anchors], names, words, extra };
  if (main) {
    f.type = main.type;
    f.summary = main.summary;
  }
  const text = `${a.title}\n${a.summary ?? ''}`;
  const family = familyOf(main?.type, text);
  if (family) f.family = family;
  if (saysOutbreak(text)) f.outbreak = true;
  return f;
}
