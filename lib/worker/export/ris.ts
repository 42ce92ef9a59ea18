/**
 * Saved articles as RIS, the tagged format reference managers import (Zotero, EndNote, Mendeley, Citavi):
 * each article a web page (`TY  - ELEC`, Zotero's "Web Page") with what a citation needs: title (TI), the
 * site's name (T2, Zotero's "Website Title"), author (AU), date published (DA, PY), URL (UR) and the day it
 * was saved as the day accessed (Y2), with the tags as keywords (KW), the excerpt as abstract (AB) and the
 * note (N1). One tag per line, CRLF line ends, each value on one line.
 */
import type { SavedArticle } from '../../shared/messaging';

/**
 * A value on one line: line breaks and control characters folded to spaces. A value that began a line would
 * otherwise be read as a tag of its own ("ER  - " ends the record).
 */
function risValue(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029\s]+/g, ' ').trim();
}

/**
 * A note as text: Zotero reads a note that holds markup as HTML, so the characters that make markup are
 * written as entities (it then shows them as they were typed).
 */
function risNote(text: string): string {
  return risValue(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** RIS dates are YYYY/MM/DD/ (the trailing slash ends the date part). */
function risDate(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 10).replace(/-/g, '/')}/`;
}

function record(a: SavedArticle): string[] {
  const lines: string[] = [];
  const add = (tag: string, value: string | undefined) => {
    const v = value === undefined ? '' : risValue(value);
    if (v) lines.push(`${tag}  - ${v}`);
  };
  add('TY', 'ELEC');
  add('TI', a.title);
  add('T2', a.site);
  add('AU', a.author);
  const published = a.published ? Date.parse(a.published) : NaN;
  if (!Number.isNaN(published)) {
    add('DA', risDate(published));
    add('PY', new Date(published).toISOString().slice(0, 4));
  }
  add('UR', a.url);
  add('Y2', risDate(a.savedAt));
  for (const t of a.tags) add('KW', t);
  add('AB', a.excerpt);
  if (a.note.trim()) lines.push(`N1  - ${risNote(a.note)}`);
  lines.push('ER  - ');
  return lines;
}

export function toRis(articles: readonly SavedArticle[]): string {
  return articles.map((a) => record(a).join('\r\n') + '\r\n').join('\r\n');
}
