/**
 * What publishing software appends to every item of a feed, not the story: WordPress's "The post <title>
 * appeared first on <site>.", "[…]" where an excerpt was cut, "Continue reading →" and "Read more" link
 * labels, an aggregator's "This article has been indexed from <site>" / "Read the original article".
 * Left in, the trailer puts the site's name and the title's words a second time into every item of that
 * feed: the engine reads the site as an organisation the story names, search matches it, and two
 * unrelated items of one publisher share words that say nothing about their events.
 *
 * Only the end of a text is looked at, and only its last lines; a story's own words elsewhere stay.
 */

/** How far from the end a trailer is looked for (a trailer is a line or two; a text may be 100,000 characters). */
const TAIL = 1500;

/** Whole last lines that are a trailer. */
const TRAILER_LINES: RegExp[] = [
  // The title in it is one headline (no sentence ends inside), the site a name.
  /^The post (?:(?![.!?]\s).){1,500} appeared first on [^!?\n]{1,120}\.?$/u,
  /^This (?:article|post|entry) (?:has been indexed|was (?:first )?published|first appeared) (?:from|on|at) .{1,200}$/iu,
  /^(?:Read the original (?:article|post)|Source)\s*:.{0,300}$/iu,
  // A link label, alone or with the story's quoted title or its site: not a sentence that starts so.
  /^(?:Continue reading|Read more|Read the (?:full|rest of the) (?:article|story|post))(?:\s*(?:…|\.\.\.|[→»›>:]+))?(?:\s*["“‘«].{1,300}["”’»]|\s(?:at|on) [^.]{1,80})?\s*[→»›>.…]*$/iu,
];

/** An excerpt's bracketed cut mark at the very end: "… the attack [...]". */
const CUT_MARK = /(?<=\S)\s*\[(?:\.\.\.|…|&hellip;)\]$/u;

/** A link label after the story's last sentence: "… attack. Read more »". */
const TRAILING_LABEL =
  /(?<=[.!?…"”’)])\s*(?:The post (?:(?![.!?]\s).){1,500} appeared first on [^!?\n]{1,120}\.?|\s*[([]?(?:Continue reading|Read more)\s*(?:…|\.\.\.)?\s*[→»›>]*\s*[)\]]?)\s*$/iu;

/** `text` without the trailers its feed's software added at its end (the text itself when there is none). */
export function withoutTrailers(text: string): string {
  let out = text.trimEnd();
  for (;;) {
    const cut = out.lastIndexOf('\n');
    const last = out.slice(cut + 1).trim();
    if (!TRAILER_LINES.some((re) => re.test(last))) break;
    if (cut < 0) return '';
    out = out.slice(0, cut).trimEnd();
  }
  const from = Math.max(0, out.length - TAIL);
  const label = TRAILING_LABEL.exec(out.slice(from));
  if (label) out = out.slice(0, from + label.index).trimEnd();
  // After a full stop the mark only says the excerpt ends there; within a sentence, that the sentence goes on.
  return out.replace(CUT_MARK, (_m, offset: number) => (/[.!?"”’)]$/u.test(out.slice(0, offset)) ? '' : '…'));
}
