/** Saved articles as Markdown: a section per article, with its facts, tags, note, entities and incidents. */
import type { SavedArticle } from '../../shared/messaging';
import { ENTITY_TYPES, INCIDENT_LABELS, type EntityType } from '../../shared/types';
import { articleDay } from '../../shared/collection/filter';

/**
 * Text that Markdown shows as it is: line breaks folded, the characters that make emphasis, code, links,
 * images, HTML, tables or headings escaped.
 */
export function mdText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\`*_[\]<>|#!~])/g, '\\$1');
}

/** As mdText, for text that starts a line: a start that would make a list or a quote is escaped too. */
export function mdLine(text: string): string {
  return mdText(text)
    .replace(/^([-+])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A link destination Markdown cannot misread (spaces, brackets and angle brackets percent-encoded). */
function mdUrl(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const TYPE_NAMES: Record<EntityType, string> = {
  actor: 'Threat actors',
  malware: 'Malware and tools',
  vulnerability: 'Vulnerabilities',
  technique: 'ATT&CK techniques',
  vendor: 'Vendors',
  product: 'Products',
  organization: 'Organisations',
  location: 'Places',
  attack: 'Attack types',
  indicator: 'Indicators',
};

function section(a: SavedArticle): string {
  const lines = [`## [${mdText(a.title)}](${mdUrl(a.url)})`, ''];
  const facts = [
    a.site,
    a.author ? `by ${a.author}` : '',
    a.published ? `published ${articleDay(a)}` : '',
    `saved ${new Date(a.savedAt).toISOString().slice(0, 10)}`,
  ].filter(Boolean);
  lines.push(mdLine(facts.join(' · ')), '');
  if (a.tags.length) lines.push(`Tags: ${a.tags.map((t) => `\`${t.replace(/`/g, "'")}\``).join(', ')}`, '');
  if (a.note) lines.push(...a.note.split(/\r?\n/).map((l) => `> ${mdLine(l)}`), '');
  if (a.excerpt) lines.push(mdLine(a.excerpt), '');
  if (a.incidents.length) {
    lines.push('Incidents:', '');
    for (const i of a.incidents) lines.push(`- ${mdLine(i.summary || INCIDENT_LABELS[i.type])}`);
    lines.push('');
  }
  for (const type of ENTITY_TYPES) {
    const names = a.entities.filter((e) => e.type === type).map((e) => mdText(e.name));
    if (names.length) lines.push(`${TYPE_NAMES[type]}: ${names.join(', ')}`, '');
  }
  return lines.join('\n');
}

export function toMarkdown(articles: readonly SavedArticle[], title = 'Incident Lens collection'): string {
  return (
    [`# ${mdText(title)}`, '', ...articles.map(section)]
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}
