/**
 * Sentence spans of a text, robust to the abbreviations of news prose ("Mr.", "Inc.", "U.S.", "Sept.",
 * "e.g.", "No. 3", "v2.1", initials "J. Smith"). A line break between paragraphs always ends a sentence.
 */
export interface Span {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st mt ft inc corp co ltd llc plc bros dept univ gov govt sen rep gen col lt sgt capt ' +
    'no nos vs etc al approx est fig figs vol pp ed eds ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun'
  ).split(' '),
);

// A full stop, question or exclamation mark (with closing quotes/brackets) followed by space: a
// candidate boundary. One class each side, so the scan is linear.
const BOUNDARY = /[.!?…]+["'”’)\]]*(?=\s)/g;

export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = skipSpace(text, 0);
  const push = (end: number) => {
    let e = end;
    while (e > start && /\s/.test(text[e - 1])) e--;
    if (e > start) out.push({ start, end: e });
  };
  // Paragraph breaks first: each paragraph is split on its own.
  const para = /\n\s*\n|\n(?=\s*(?:[-*•#]|\d+\.)\s)/g;
  let pStart = 0;
  const paragraphs: Span[] = [];
  for (let m = para.exec(text); m !== null; m = para.exec(text)) {
    paragraphs.push({ start: pStart, end: m.index });
    pStart = m.index + m[0].length;
  }
  paragraphs.push({ start: pStart, end: text.length });

  for (const p of paragraphs) {
    start = skipSpace(text, p.start);
    BOUNDARY.lastIndex = start;
    for (let m = BOUNDARY.exec(text); m !== null && m.index < p.end; m = BOUNDARY.exec(text)) {
      const end = Math.min(p.end, m.index + m[0].length);
      if (m[0][0] === '.' && m[0].length === 1 && !isSentenceEnd(text, m.index, end)) continue;
      push(end);
      start = skipSpace(text, end);
    }
    if (start < p.end) push(p.end);
    start = p.end;
  }
  return out;
}

const WORDISH = /[\p{L}\p{N}.]/u;

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/** Whether the full stop at `dot` ends a sentence rather than an abbreviation or an initial. */
function isSentenceEnd(text: string, dot: number, end: number): boolean {
  // The word before the dot, read backwards (letters, digits and inner dots: "U.S", "Inc").
  let w = dot;
  while (w > 0 && dot - w < 20 && WORDISH.test(text[w - 1])) w--;
  const word = text.slice(w, dot);
  const next = /^\s+(\S)/u.exec(text.slice(end, end + 8))?.[1] ?? '';
  // The next sentence starts with a capital, a digit, a quote or a bracket.
  if (next !== '' && /[\p{Ll}]/u.test(next)) return false;
  const lw = word.toLowerCase();
  if (ABBREVIATIONS.has(lw)) {
    // "Acme Inc. said" goes on; "... by Acme Inc. The company" is ambiguous: a capital after a company
    // form usually starts a new sentence, after a title ("Dr.") it never does.
    return (
      /^(?:inc|corp|co|ltd|llc|plc|etc|al)$/.test(lw) &&
      /\p{Lu}/u.test(next) &&
      !/^\s+(?:said|says|and|or)\b/.test(text.slice(end, end + 10))
    );
  }
  // Initials and dotted acronyms: "J. Smith", "U.S. officials" — a single letter before the dot.
  if (/^(?:\p{L}\.)*\p{L}$/u.test(word) && word.length <= 5 && /\p{Lu}/u.test(word)) {
    // "the U.S. The agency": a dotted acronym at a sentence end is rare next to its use mid-sentence.
    return false;
  }
  return true;
}
