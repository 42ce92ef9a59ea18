/**
 * The ~10,000-word security article the extraction benchmark reads, assembled at run time from real
 * security text in ../shared (news feed bodies, then CTI report sentences from the NER sets) — never
 * stored in the project.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED } from './catalogue';

const WORD_RE = /\p{L}[\p{L}\p{N}'’-]*/gu;

export function countWords(text: string): number {
  return text.match(WORD_RE)?.length ?? 0;
}

/** Text of RSS/Atom bodies, tags dropped and the common entities decoded (bench input only). */
function feedTexts(): string[] {
  const dir = join(SHARED, 'fixtures/feeds/oculus');
  const out: string[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.xml'))) {
    const xml = readFileSync(join(dir, f), 'utf8');
    for (const m of xml.matchAll(/<(?:content:encoded|description)>([\s\S]*?)<\/(?:content:encoded|description)>/g)) {
      const text = m[1]
        .replace(/<!\[CDATA\[|\]\]>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#8217;/g, '’')
        .replace(/&#8220;|&#8221;/g, '"')
        .replace(/&amp;/g, '&')
        .replace(/<[^>]*>/g, ' ')
        .replace(/&nbsp;/g, '\u00a0')
        .replace(/[ \t]+/g, ' ');
      if (countWords(text) > 20) out.push(text.trim());
    }
  }
  return out;
}

/** Sentences of the NER sets, their tokenised spacing undone where it is plain punctuation. */
function nerTexts(): string[] {
  const out: string[] = [];
  for (const src of ['annoctr', 'cyner']) {
    for (const line of readFileSync(join(SHARED, 'eval/ner', `${src}.jsonl`), 'utf8').split('\n')) {
      if (!line) continue;
      const text = (JSON.parse(line) as { text: string }).text.replace(/ ([,.;:!?)’]) ?/g, '$1 ').replace(/\( /g, '(');
      if (countWords(text) >= 8) out.push(text);
    }
  }
  return out;
}

export function buildArticle(words = 10_000): string {
  const parts: string[] = [];
  let n = 0;
  // Every fifth NER sentence, so that the article spans many reports rather than the first few.
  for (const t of [...feedTexts(), ...nerTexts().filter((_, i) => i % 5 === 0)]) {
    if (n >= words) break;
    if (n + countWords(t) > words + 200) continue; // a long feed body would overshoot the size
    parts.push(t);
    n += countWords(t);
  }
  return parts.join('\n\n');
}
