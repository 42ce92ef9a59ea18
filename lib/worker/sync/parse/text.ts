/**
 * Feed HTML to plain text without a DOM (htmlparser2's tokenizer): text is kept, tags are dropped, block
 * elements become line breaks, script/style contents vanish, entities are decoded. Nothing of it is ever
 * inserted as markup anywhere: the result is a string for text nodes and the engine.
 */
import { Parser } from 'htmlparser2';

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'table',
  'blockquote',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'figure',
  'figcaption',
  'hr',
  'dd',
  'dt',
  'dl',
]);
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'head', 'title']);

/** Plain text of an HTML fragment, whitespace collapsed (paragraphs kept as single newlines), at most `max` chars. */
export function htmlToText(html: string, max = 100_000): string {
  if (!/[<&]/.test(html)) return collapse(html).slice(0, max);
  const parts: string[] = [];
  let hidden = 0;
  let size = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (HIDDEN.has(name)) hidden++;
        else if (BLOCK.has(name)) parts.push('\n');
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        else if (BLOCK.has(name)) parts.push('\n');
        else if (name === 'td' || name === 'th') parts.push(' ');
      },
      ontext(text) {
        if (hidden || size > max * 2) return;
        parts.push(text);
        size += text.length;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return collapse(parts.join('')).slice(0, max);
}

function collapse(s: string): string {
  return s
    .replace(/[ \t\f\v\u00a0\r]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim();
}

/** One-line text (titles, authors). */
export function inlineText(html: string, max = 1000): string {
  return htmlToText(html, max * 2)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}
