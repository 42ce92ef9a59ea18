/**
 * How each entity type looks. A translucent background keeps the page's own text colour, so it reads on
 * light and dark pages alike; the underline style differs per type so that colour is never the only cue
 * (the card and the sidebar also name the type in words).
 */
import type { EntityType } from '../types';
import { TYPE_LABELS } from '../labels';
import type { PageWindow } from './support';

export interface TypeStyle {
  /** Words for people: what the sidebar and the card call this type (lib/labels.ts). */
  label: string;
  /** Underline and swatch colour; mid-tone so it shows on white and on near-black. */
  color: string;
  /** Background tint, translucent. */
  tint: string;
  line: 'solid' | 'double' | 'dotted' | 'dashed' | 'wavy';
}

export const TYPE_STYLES: Record<EntityType, TypeStyle> = {
  actor: { label: TYPE_LABELS.actor, color: '#e0464f', tint: 'rgba(224, 70, 79, 0.24)', line: 'solid' },
  malware: { label: TYPE_LABELS.malware, color: '#a45ee5', tint: 'rgba(164, 94, 229, 0.24)', line: 'wavy' },
  vulnerability: { label: TYPE_LABELS.vulnerability, color: '#f08c1a', tint: 'rgba(240, 140, 26, 0.26)', line: 'double' },
  technique: { label: TYPE_LABELS.technique, color: '#17a398', tint: 'rgba(23, 163, 152, 0.22)', line: 'dotted' },
  vendor: { label: TYPE_LABELS.vendor, color: '#3d8bfd', tint: 'rgba(61, 139, 253, 0.20)', line: 'dashed' },
  product: { label: TYPE_LABELS.product, color: '#1fa2c4', tint: 'rgba(31, 162, 196, 0.20)', line: 'dotted' },
  organization: { label: TYPE_LABELS.organization, color: '#2fa84f', tint: 'rgba(47, 168, 79, 0.22)', line: 'solid' },
  location: { label: TYPE_LABELS.location, color: '#b8912a', tint: 'rgba(184, 145, 42, 0.22)', line: 'dashed' },
  attack: { label: TYPE_LABELS.attack, color: '#e0559b', tint: 'rgba(224, 85, 155, 0.20)', line: 'dotted' },
  indicator: { label: TYPE_LABELS.indicator, color: '#8a97a8', tint: 'rgba(138, 151, 168, 0.30)', line: 'double' },
};

/** The registry name of a type's highlight: `il-actor`. Prefixed so that we never clash with the page's own. */
export function highlightName(type: EntityType): string {
  return `il-${type}`;
}

/** Incidents: the sentences that report them, tinted faintly under the entity highlights. */
export const INCIDENT_HIGHLIGHT = 'il-incident';
/** One entity's occurrences, briefly, after a click in the sidebar. */
export const FLASH_HIGHLIGHT = 'il-flash';
/** The occurrence the card is showing. */
export const ACTIVE_HIGHLIGHT = 'il-active';

export function highlightCss(): string {
  const rules: string[] = [];
  for (const [type, s] of Object.entries(TYPE_STYLES) as [EntityType, TypeStyle][]) {
    rules.push(
      `::highlight(${highlightName(type)}) { background-color: ${s.tint}; text-decoration: underline ${s.line} ${s.color}; text-decoration-thickness: 2px; text-underline-offset: 3px; }`,
    );
  }
  rules.push(`::highlight(${INCIDENT_HIGHLIGHT}) { background-color: rgba(128, 128, 128, 0.10); }`);
  rules.push(`::highlight(${FLASH_HIGHLIGHT}) { background-color: rgba(255, 200, 0, 0.65); color: #000; }`);
  rules.push(`::highlight(${ACTIVE_HIGHLIGHT}) { background-color: rgba(255, 200, 0, 0.45); }`);
  return rules.join('\n');
}

/**
 * Adds the highlight styles to the document through a constructed sheet: no <style> element in the page.
 * Returns the function that takes them out again.
 *
 * Firefox before 153 (ESR 140) shows a content script the page's `adoptedStyleSheets` through an Xray
 * wrapper that can be neither iterated nor given a sheet made in the content script's compartment
 * (Mozilla bugs 1751346, 1928865). There the sheet is made by the page's own constructor and added
 * through the page's own view of the document (`wrappedJSObject`): the same sheet, the same result.
 */
export function installHighlightStyles(win: PageWindow): () => void {
  try {
    return adoptSheet(win, highlightCss());
  } catch (error) {
    const page = (win as { wrappedJSObject?: PageWindow }).wrappedJSObject;
    if (!page) throw error;
    return adoptSheet(page, highlightCss());
  }
}

function adoptSheet(win: PageWindow, css: string): () => void {
  const doc = win.document;
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(css);
  // In place: the list's own methods work on the page's view in Firefox, where a new array could not be
  // handed over (it would belong to the content script).
  doc.adoptedStyleSheets.push(sheet);
  return () => {
    const now = doc.adoptedStyleSheets;
    const at = now.indexOf(sheet);
    if (at >= 0) now.splice(at, 1);
  };
}
