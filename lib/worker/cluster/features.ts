/** An analysed item's clustering features (see rule.ts). */
import type { AnalysedArticle } from '../../shared/analysis/protocol';
import type { EntityMatch, EntityRef } from '../../shared/types';
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

/**
 * What an item that reports no incident is about: the organisations its headline names. A denial ("Cyber
 * Expert: Haven't Seen CIA Hacking Tools on Black Market"), a hypothetical or a commentary reports nothing
 * that happened, but it is still a story of that victim's event. Offsets tell the headline's names (the
 * text read opens with the title); entities without offsets (rows of older versions) give none.
 */
function headlineSubjects(title: string, entities: readonly Pick<EntityMatch, 'key' | 'name' | 'type' | 'start' | 'end'>[]): EntityRef[] {
  return uniqueRefs(entities.filter((e) => e.type === 'organization' && e.end > e.start && e.end <= title.length));
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
  } else {
    const subjects = headlineSubjects(a.title, a.entities);
    if (subjects.length) f.subjects = subjects;
  }
  const text = `${a.title}\n${a.summary ?? ''}`;
  const family = familyOf(main?.type, text);
  if (family) f.family = family;
  if (saysOutbreak(text)) f.outbreak = true;
  return f;
}
