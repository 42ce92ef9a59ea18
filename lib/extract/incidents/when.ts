import type { DateMention } from '../dates';
import type { SentenceInfo } from './index';

/**
 * When the incident happened, from the dates in its sentences. The date of a statement ("said on
 * Friday") is when the news broke, not when the attack happened; a date next to "detected",
 * "discovered", "occurred", "began" or the incident noun is.
 */
const REPORTING_BEFORE = /\b(?:said|says|announced|stated|told|reported|disclosed|confirmed|published|wrote|revealed|warned)\s+(?:\w+\s+){0,1}$/i;
const HAPPENING_NEAR = /\b(?:detected|discovered|noticed|identified|occurred|began|started|took place|happened|hit|struck|attacked|breached|compromised|encrypted|incident|attack|breach|intrusion|between|since|first)\b/i;

export function chooseWhen(text: string, sentences: SentenceInfo[], published?: string): DateMention | undefined {
  let best: { d: DateMention; score: number } | undefined;
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
      if (best === undefined || score > best.score) best = { d, score };
    }
  });
  return best?.d;
}
