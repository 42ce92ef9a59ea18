import type { DateMention } from '../../../shared/dates';
import type { SentenceInfo } from './index';

/**
 * When the incident happened, from the dates in its sentences. The date of a statement ("said on
 * Friday") is when the news broke, not when the attack happened; a date next to "detected",
 * "discovered", "occurred", "began" or the incident noun is.
 */
const REPORTING_BEFORE =
  /\b(?:said|says|announced|stated|told|reported|disclosed|confirmed|published|wrote|revealed|warned)\s+(?:\w+\s+){0,1}$/i;
const HAPPENING_NEAR =
  /\b(?:detected|discovered|noticed|identified|occurred|began|started|took place|happened|hit|struck|attacked|breached|compromised|encrypted|incident|attack|breach|intrusion|between|since|first)\b/i;

export function chooseWhen(text: string, sentences: SentenceInfo[], published?: string, victimKey?: string): DateMention | undefined {
  let best: { d: DateMention; score: number } | undefined;
  const scored: { d: DateMention; score: number }[] = [];
  const pubDay = published?.slice(0, 10);
  sentences.forEach((s, rank) => {
    for (const d of s.dates) {
      if (pubDay && d.iso && d.iso.localeCompare(pubDay.slice(0, d.iso.length)) > 0) continue; // after publication
      const before = text.slice(Math.max(s.start, d.start - 30), d.start);
      const around = text.slice(Math.max(s.start, d.start - 40), Math.min(s.end, d.end + 25));
      let score = 2 - rank * 0.25; // earlier sentences of the story first
      if (REPORTING_BEFORE.test(before)) score -= 2;
      if (HAPPENING_NEAR.test(around)) score += 1.5;
      if (d.iso === undefined) score -= 1;
      if (d.iso !== undefined && d.iso.length === 10) score += 0.5; // the precise date of a timeline
      if (victimKey !== undefined && s.entities.some((e) => e.key === victimKey)) score += 0.5;
      scored.push({ d, score });
      if (best === undefined || score > best.score) best = { d, score };
    }
  });
  if (best === undefined) return undefined;
  // "in April ... on April 12": a close runner-up that refines the chosen period is the better answer.
  const chosen = best;
  const refined = scored.filter(
    (x) =>
      x.d.iso && chosen.d.iso && x.d.iso.length > chosen.d.iso.length && x.d.iso.startsWith(chosen.d.iso) && x.score >= chosen.score - 1.5,
  );
  refined.sort((a, b) => b.score - a.score);
  return (refined[0] ?? chosen).d;
}
