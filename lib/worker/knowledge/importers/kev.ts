/**
 * CISA Known Exploited Vulnerabilities catalogue (cisagov/kev-data, known_exploited_vulnerabilities.json)
 * → one `vulnerability` entry per CVE plus the `vendor` and `product` entries it names.
 *
 * Vulnerabilities are looked up by key (the pattern extractor finds the CVE id), so their only name is the
 * id. KEV writes vendors and products loosely ("QNAP" / "QNAP Systems", "Citrix / NetScaler ADC and
 * NetScaler Gateway", "Apple / Multiple Products"); the rules below make entities of them:
 * - vendors: legal and corporate suffixes are not part of the key ("QNAP Systems" → vendor:qnap), a
 *   parenthesis is an alias ("Hewlett Packard (HP)"), "A and B" names two vendors;
 * - products: lists are split ("iOS, iPadOS, and macOS" → three products) unless a piece would be only
 *   generic words ("Jira Server and Data Center" stays whole); a name made only of generic words gets its
 *   vendor in front ("Kernel" → "Linux Kernel"); a parenthesised abbreviation is an alias ("Cisco ASA");
 *   "Multiple Products", "Multiple Routers" and the like are not products.
 */
import * as v from 'valibot';
import type { CatalogueEntry } from '../../../shared/types';
import { canonicalCve, cleanName, shortDescription, slug } from '../keys';
import { aliasList, strings, type ImportResult } from './common';

const KevFile = v.looseObject({
  catalogVersion: v.string(),
  vulnerabilities: v.array(v.unknown()),
});

const KevRow = v.looseObject({
  cveID: v.pipe(v.string(), v.trim(), v.minLength(1)),
  vendorProject: v.optional(v.string(), ''),
  product: v.optional(v.string(), ''),
  vulnerabilityName: v.optional(v.string()),
  dateAdded: v.optional(v.string()),
  dueDate: v.optional(v.string()),
  shortDescription: v.optional(v.string()),
  knownRansomwareCampaignUse: v.optional(v.string()),
  notes: v.optional(v.string()),
  cwes: v.optional(v.unknown()),
});
type KevRow = v.InferOutput<typeof KevRow>;

/** True when the parsed JSON looks like the KEV catalogue. */
export function isKev(json: unknown): boolean {
  return v.is(KevFile, json);
}

const LEGAL_SUFFIX =
  /[\s,]+(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|gmbh|ag|plc|s\.?a|group|systems|software|technologies|foundation)\.?$/i;

/** Words that name no product on their own: a product made only of these gets its vendor in front. */
const GENERIC = new Set(
  (
    'a an and the of for on in to with kernel framework core sdk router routers desktop frontend tools tool director ' +
    'controller controllers firewall firewalls webmail device devices server servers web email mail camera cameras ' +
    'appliance appliances plugin plugins chipset chipsets product products software firmware driver drivers engine ' +
    'platform gateway gateways manager console agent agents client clients service services system systems data ' +
    'center centre os ui api cli suite application applications edition editions component components library ' +
    'module protocol stack network networks storage mobile nas ip wireless access point points switch switches ' +
    'series multiple model models cloud portal interface management proxy vpn'
  ).split(' '),
);

const JUNK_PRODUCT = /^(?:multiple|various|unspecified|unknown)\b/i;
const JUNK_VENDOR = /^(?:multiple|various|unknown|npm package)\b/i;

function isGeneric(name: string): boolean {
  const words = name
    .toLowerCase()
    .split(/[^a-z0-9+]+/)
    .filter(Boolean);
  return words.every((w) => GENERIC.has(w));
}

interface VendorName {
  key: string;
  name: string;
  aliases: string[];
}

/** "QNAP Systems" → vendor:qnap; "Hewlett Packard (HP)" → Hewlett Packard, alias HP; "A and B" → two. */
export function kevVendors(raw: string): VendorName[] {
  const cleaned = cleanName(raw);
  if (!cleaned || JUNK_VENDOR.test(cleaned)) return [];
  return cleaned.split(/\s+and\s+/i).flatMap((part) => {
    const aliases: string[] = [];
    let name = cleanName(
      part.replace(/\(([^()]*)\)/g, (_, inner: string) => {
        if (inner.trim()) aliases.push(inner.trim());
        return ' ';
      }),
    );
    if (!name) return [];
    let base = name;
    for (let m = LEGAL_SUFFIX.exec(base); m && m.index > 0; m = LEGAL_SUFFIX.exec(base)) base = base.slice(0, m.index);
    if (base !== name) aliases.push(name);
    name = base;
    const key = slug(name);
    return key ? [{ key: `vendor:${key}`, name, aliases }] : [];
  });
}

interface ProductName {
  key: string;
  name: string;
  aliases: string[];
  ambiguous: string[];
}

/** The products one KEV `product` field names, for the given vendor. */
export function kevProducts(raw: string, vendor: VendorName): ProductName[] {
  let s = cleanName(raw.replace(/\(\s*formerly[^()]*\)/gi, ' '));
  if (!s || JUNK_PRODUCT.test(s)) return [];
  const parts = s
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+/i)
    .map(cleanName)
    .filter(Boolean);
  const pieces = parts.length > 1 && parts.every((p) => looksLikeName(stripParens(p))) ? parts : [s];
  const out: ProductName[] = [];
  for (const piece of pieces) {
    const abbrs: string[] = [];
    s = cleanName(
      piece.replace(/\(([^()]*)\)/g, (_, inner: string) => {
        const a = inner.trim();
        if (/^[A-Za-z][A-Za-z0-9+.-]{1,9}$/.test(a)) abbrs.push(a);
        return ' ';
      }),
    ).replace(/ ,/g, ',');
    if (!s || JUNK_PRODUCT.test(s)) continue;
    const vendorPrefix = new RegExp(`^${escapeRegExp(vendor.name)}\\s+`, 'i');
    const bare = s.replace(vendorPrefix, '');
    const withVendor = bare.toLowerCase() === vendor.name.toLowerCase() ? vendor.name : `${vendor.name} ${bare}`;
    // "Kernel", "Windows", "Exchange", "QTS": the vendor's name makes these names; the bare word stays an alias.
    const name = isGeneric(bare) || isBareWord(bare) ? withVendor : s;
    const aliases = [withVendor, ...(isGeneric(bare) ? [] : [bare]), ...abbrs.map((a) => `${vendor.name} ${a}`)];
    const ambiguous: string[] = [];
    for (const a of abbrs) {
      if (a.length >= 3 && !isGeneric(a)) {
        aliases.push(a);
        ambiguous.push(a);
      }
    }
    const bareSlug = slug(bare);
    const vendorSlug = vendor.key.slice('vendor:'.length);
    const key = `product:${bareSlug.startsWith(`${vendorSlug}-`) || bareSlug === vendorSlug ? bareSlug : `${vendorSlug}-${bareSlug}`}`;
    if (bareSlug) out.push({ key, name, aliases: aliasList(name, aliases), ambiguous });
  }
  return out;
}

/**
 * A piece of a list that can stand as a product name by itself: several words, or a word that does not
 * read as plain English ("iPadOS", "NX-OS", "Log4j2"). "Backup and Replication", "Acrobat and Reader",
 * "Utah, Vancouver, and Washington DC Now Platform" are not split into words.
 */
function looksLikeName(part: string): boolean {
  const p = cleanName(part);
  if (isGeneric(p)) return false;
  return /\s/.test(p) || /\d/.test(p) || /\p{Ll}\p{Lu}/u.test(p) || /[-/.+]/.test(p);
}

/** One plain word ("Windows", "Tomcat") or a short all-capitals token ("QTS", "FTA", "XR"). */
function isBareWord(s: string): boolean {
  return /^\p{Lu}?\p{Ll}+$/u.test(s) || /^[A-Z0-9]{1,5}$/.test(s);
}

function stripParens(s: string): string {
  return s.replace(/\([^()]*\)/g, ' ');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Import the parsed KEV catalogue. Throws only when the JSON is not the KEV catalogue. */
export function importKev(json: unknown): ImportResult {
  const file = v.safeParse(KevFile, json);
  if (!file.success) throw new TypeError('not the CISA KEV catalogue (needs "catalogVersion" and "vulnerabilities")');
  const result: ImportResult = { entries: [], skipped: 0, ignored: 0 };
  const vendors = new Map<string, { entry: CatalogueEntry; forms: Map<string, number> }>();
  const products = new Map<string, CatalogueEntry>();

  for (const raw of file.output.vulnerabilities) {
    const parsed = v.safeParse(KevRow, raw);
    const cve = parsed.success ? canonicalCve(parsed.output.cveID) : undefined;
    if (!parsed.success || !cve) {
      result.skipped++;
      continue;
    }
    const row = parsed.output;
    const rowVendors = kevVendors(row.vendorProject);
    for (const vn of rowVendors) addVendor(vendors, vn);
    const productKeys: string[] = [];
    const vendor = rowVendors[0];
    if (vendor) {
      for (const p of kevProducts(row.product, vendor)) {
        productKeys.push(p.key);
        addProduct(products, p, vendor);
      }
    }
    result.entries.push(vulnerability(cve, row, vendor, productKeys));
  }

  for (const { entry, forms } of vendors.values()) {
    // The most frequent spelling names the vendor; the others stay as aliases.
    const best = [...forms.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0][0];
    const all = [entry.name, ...entry.aliases, ...forms.keys()];
    entry.name = best;
    entry.aliases = aliasList(best, all);
    result.entries.push(entry);
  }
  result.entries.push(...products.values());
  return result;
}

function addVendor(map: Map<string, { entry: CatalogueEntry; forms: Map<string, number> }>, vn: VendorName): void {
  let slot = map.get(vn.key);
  if (!slot) {
    slot = { entry: { key: vn.key, type: 'vendor', name: vn.name, aliases: [], sources: ['kev'] }, forms: new Map() };
    map.set(vn.key, slot);
  }
  slot.forms.set(vn.name, (slot.forms.get(vn.name) ?? 0) + 1);
  slot.entry.aliases = aliasList(slot.entry.name, [...slot.entry.aliases, ...vn.aliases]);
}

function addProduct(map: Map<string, CatalogueEntry>, p: ProductName, vendor: VendorName): void {
  const known = map.get(p.key);
  if (known) {
    known.aliases = aliasList(known.name, [...known.aliases, p.name, ...p.aliases]);
    if (p.ambiguous.length) known.ambiguous = [...new Set([...(known.ambiguous ?? []), ...p.ambiguous])];
    return;
  }
  const e: CatalogueEntry = {
    key: p.key,
    type: 'product',
    name: p.name,
    aliases: p.aliases,
    sources: ['kev'],
    meta: { vendor: vendor.name, vendorKey: vendor.key },
  };
  if (p.ambiguous.length) {
    e.ambiguous = p.ambiguous;
    e.cues = [vendor.name];
  }
  map.set(p.key, e);
}

function vulnerability(cve: string, row: KevRow, vendor: VendorName | undefined, productKeys: string[]): CatalogueEntry {
  const meta: NonNullable<CatalogueEntry['meta']> = {
    vendor: cleanName(row.vendorProject),
    product: cleanName(row.product),
    ransomware: row.knownRansomwareCampaignUse === 'Known',
  };
  if (vendor) meta.vendorKey = vendor.key;
  if (productKeys.length) meta.productKeys = productKeys;
  if (row.vulnerabilityName) meta.title = cleanName(row.vulnerabilityName);
  if (row.dateAdded) meta.kevAdded = row.dateAdded;
  if (row.dueDate) meta.dueDate = row.dueDate;
  if (row.shortDescription) meta.shortDescription = cleanName(row.shortDescription);
  const cwes = strings(row.cwes);
  if (cwes.length) meta.cwes = cwes;
  const e: CatalogueEntry = {
    key: `vulnerability:${cve.toLowerCase()}`,
    type: 'vulnerability',
    name: cve,
    aliases: [],
    sources: ['kev'],
    meta,
  };
  const description = shortDescription(row.shortDescription);
  if (description) e.description = description;
  const refs = (row.notes ?? '').split(/[\s;,]+/).filter((u) => /^https?:\/\//i.test(u));
  if (refs.length) e.refs = [...new Set(refs)].slice(0, 5);
  return e;
}
