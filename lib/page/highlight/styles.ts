/**
 * How each entity type looks. A translucent background keeps the page's own text colour, so it reads on
 * light and dark pages alike; the underline style differs per type so that colour is never the only cue
 * (the card and the sidebar also name the type in words).
 */
import type { EntityType } from '../../shared/types';
import { TYPE_LABELS } from '../../shared/labels';
import type { PageWindow } from './support';
import { settings, type HighlightColors } from '../../shared/settings';

export interface TypeStyle {
  /** Words for people: what the sidebar and the card call this type (lib/shared/labels.ts). */
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

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** A chosen colour as a translucent tint like the built-in ones; undefined for anything but `#rrggbb`. */
export function tintOf(color: string, alpha = 0.24): string | undefined {
  if (!HEX_COLOR.test(color)) return undefined;
  const n = Number.parseInt(color.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** A type's look with the user's colour (from the options page) in place of its own. */
export function styleOf(type: EntityType, colors: HighlightColors = {}): TypeStyle {
  const own = TYPE_STYLES[type];
  const color = colors[type];
  const tint = color ? tintOf(color) : undefined;
  return tint ? { ...own, color: color!, tint } : own;
}

export function highlightCss(colors: HighlightColors = {}): string {
  const rules: string[] = [];
  for (const type of Object.keys(TYPE_STYLES) as EntityType[]) {
    const s = styleOf(type, colors);
    rules.push(
      `::highlight(${highlightName(type)}) { background-color: ${s.tint}; text-decoration: underline ${s.line} ${s.color}; text-decoration-thickness: 2px; text-underline-offset: 3px; }`,
    );
  }
  rules.push(`::highlight(${INCIDENT_HIGHLIGHT}) { background-color: rgba(128, 128, 128, 0.10); }`);
  rules.push(`::highlight(${FLASH_HIGHLIGHT}) { background-color: rgba(255, 200, 0, 0.65); color: #000; }`);
  rules.push(`::highlight(${ACTIVE_HIGHLIGHT}) { background-color: rgba(255, 200, 0, 0.45); }`);
  return rules.join('\n');
}

/** The user's colours as stored, and their changes; nothing where there is no extension storage. */
function watchColors(apply: (colors: HighlightColors) => void): () => void {
  try {
    const item = settings().highlightColors;
    item.getValue().then(apply, () => undefined);
    return item.watch((colors) => apply(colors ?? {}));
  } catch {
    return () => undefined; // a page outside the extension (the page bench): the built-in colours
  }
}

/**
 * Adds the highlight styles to the document through a constructed sheet: no <style> element in the page.
 * The sheet follows the colours chosen on the options page. Returns the function that takes it out again
 * (and stops following them).
 *
 * Firefox before 153 (ESR 140) shows a content script the page's `adoptedStyleSheets` through an Xray
 * wrapper that can be neither iterated nor given a sheet made in the content script's compartment
 * (Mozilla bugs 1751346, 1928865). There the sheet is made by the page's own constructor and added
 * through the page's own view of the document (`wrappedJSObject`): the same sheet, the same result.
 */
export function installHighlightStyles(win: PageWindow): () => void {
  let adopted: AdoptedSheet;
  try {
    adopted = adoptSheet(win, highlightCss());
  } catch (error) {
    const page = (win as { wrappedJSObject?: PageWindow }).wrappedJSObject;
    if (!page) throw error;
    adopted = adoptSheet(page, highlightCss());
  }
  const unwatch = watchColors((colors) => adopted.sheet.replaceSync(highlightCss(colors)));
  return () => {
    unwatch();
    adopted.remove();
  };
}

interface AdoptedSheet {
  sheet: CSSStyleSheet;
  remove: () => void;
}

function adoptSheet(win: PageWindow, css: string): AdoptedSheet {
  const doc = win.document;
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(css);
  // In place: the list's own methods work on the page's view in Firefox, where a new array could not be
  // handed over (it would belong to the content script).
  doc.adoptedStyleSheets.push(sheet);
  const remove = () => {
    const now = doc.adoptedStyleSheets;
    const at = now.indexOf(sheet);
    if (at >= 0) now.splice(at, 1);
  };
  return { sheet, remove };
}
