/**
 * The shapes of records the worker takes from outside, shared by the two doors they come in by: a message
 * (lib/worker/messaging-guard.ts) and an export file (lib/worker/export/import.ts). One declaration, so
 * that what one door lets in the other does not refuse: an incident stored from a message must survive
 * the export → import round trip.
 *
 * Strings are text. A title may well hold markup ("Stored XSS through <svg> tags in …"), and a save, an
 * export and an import must carry it unchanged: every page shows these strings as text, never as markup,
 * which is what makes a hostile one harmless (tests/e2e/collection.test.ts imports one and looks).
 */
import * as v from 'valibot';
import { INCIDENT_TYPES } from '../shared/types';

/** A string of at most `max` characters. */
export const textUpTo = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** Anything `Date.parse` reads. */
export const date = v.pipe(
  v.string(),
  v.maxLength(40),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'not a date'),
);

export const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
/**
 * The longest entity name the engine makes: an indicator is named by its value, and a URL may be 2,048
 * characters long (lib/worker/extract/patterns/indicators.ts); its key is the value after `indicator:url:`.
 * Shorter bounds refused every message naming a long phishing URL (the page's cards and related incidents)
 * and every export holding one.
 */
const MAX_ENTITY_NAME = 2100;
export const entityName = textUpTo(MAX_ENTITY_NAME);
export const entityKey = v.pipe(v.string(), v.maxLength(MAX_ENTITY_NAME + 100), v.regex(/^[a-z]+:\S+$/, 'not an entity key'));
const entityRef = v.object({ key: entityKey, name: entityName, start: v.optional(offset), end: v.optional(offset) });
const unit = v.pipe(v.number(), v.minValue(0), v.maxValue(1));

/** An incident as the engine reports it (lib/shared/types.ts Incident). */
export const incident = v.object({
  type: v.picklist(INCIDENT_TYPES),
  victim: v.optional(entityRef),
  victimConfidence: v.optional(unit),
  actor: v.optional(entityRef),
  place: v.optional(entityRef),
  entities: v.optional(v.pipe(v.array(entityRef), v.maxLength(1000))),
  when: v.optional(v.pipe(v.string(), v.maxLength(40))),
  whenText: v.optional(v.pipe(v.string(), v.maxLength(200))),
  spans: v.pipe(v.array(v.object({ start: offset, end: offset })), v.maxLength(1000)),
  summary: textUpTo(1000),
  confidence: v.optional(unit),
});
