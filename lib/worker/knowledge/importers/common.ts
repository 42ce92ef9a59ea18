/** What every importer shares: its result shape and the small clean-ups of names, aliases and refs. */
import type { CatalogueEntry } from '../../../shared/types';
import { cleanName } from '../keys';

export interface ImportResult {
  entries: CatalogueEntry[];
  /** Rows that were malformed (wrong shape, no name) and left out. One bad row never stops an import. */
  skipped: number;
  /** Well-formed rows left out on purpose (deprecated, revoked, sectors, "Multiple Products" ...). */
  ignored: number;
}

/** How many refs an imported entry keeps: the sources list dozens, a reader wants a few. */
const MAX_REFS = 5;

/** A field that sources write as a string or as a list of strings, as a list of non-empty strings. */
export function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value] : [];
  if (Array.isArray(value)) return value.filter((x): x is string => typeof x === 'string' && x.trim() !== '');
  return [];
}

/** Cleaned aliases without the name itself and without repeats (compared case-insensitively). */
export function aliasList(name: string, candidates: Iterable<string>): string[] {
  const seen = new Set([name.toLowerCase()]);
  const out: string[] = [];
  for (const c of candidates) {
    const a = cleanName(c);
    const k = a.toLowerCase();
    if (a && !seen.has(k)) {
      seen.add(k);
      out.push(a);
    }
  }
  return out;
}

/** The first few http(s) refs, the preferred ones (e.g. attack.mitre.org) first. */
export function pickRefs(refs: string[], prefer?: RegExp): string[] | undefined {
  const urls = [...new Set(refs.map((r) => r.trim()).filter((r) => /^https?:\/\//i.test(r)))];
  if (prefer) urls.sort((a, b) => Number(prefer.test(b)) - Number(prefer.test(a)));
  return urls.length ? urls.slice(0, MAX_REFS) : undefined;
}

/** Deprecation as ATT&CK writes it into descriptions when the object itself carries no flag. */
export function saysDeprecated(description: string | undefined): boolean {
  return !!description && /\bdeprecated\b/i.test(description.slice(0, 200));
}

/** ATT&CK files ransomware under "malware"; its first sentence says "X is (a new) ransomware ...", within a few words. */
export function malwareSubtypeFromText(description: string | undefined, fallback: 'malware' | 'tool'): string {
  const first = description?.slice(0, 300) ?? '';
  return /\b(?:is|was)\s+(?:[\w.-]+\s+){0,4}?ransomware\b/i.test(first) ? 'ransomware' : fallback;
}

/**
 * ATT&CK's wording for a program that ships with the operating system: "a Windows utility", "an operating
 * system utility", "the Windows command-line interpreter", "a command-line utility", "a component of the
 * Windows operating system", "a utility commonly available with operating systems", "The Tasklist utility".
 * A utility named for its job ("an FTP downloader utility") is not one, nor "a free Microsoft tool" (PsExec).
 */
const SYSTEM_UTILITY =
  /\b(?:windows|operating system|unix-based|linux|command[- ]line|scripting)\s+(?:command[- ]line\s+)?(?:utility|interpreter|tool)\b|\bmicrosoft utility\b|\bcomponent of the (?:windows )?operating system\b|\bis an? utility\b|^the \S+ utility\b|\butility commonly available\b/i;

/**
 * A built-in system program that ATT&CK files as a tool because attackers run it (cmd, net.exe, schtasks,
 * certutil, netstat): its description says so, or one of its names is an executable's file name. Such
 * entries stay in the catalogue for look-ups, but a mention of "cmd.exe" in an article is not a malware
 * name for a reader to be pointed at (see matcher/ambiguity.ts).
 */
export function isSystemUtility(names: readonly string[], description: string | undefined): boolean {
  return names.some((n) => /\.exe$/i.test(n.trim())) || (!!description && SYSTEM_UTILITY.test(description));
}

/**
 * ATT&CK files some software under the name of the company whose product carried it ("Allwinner is a
 * company that supplies processors…": the backdoor in its kernel). The description's first words say so.
 */
export function describesCompany(description: string | undefined): boolean {
  return !!description && /^\S+(?: \S+)? is an? (?:[\w-]+ ){0,3}?(?:company|vendor|manufacturer|corporation|firm)\b/i.test(description);
}
