/**
 * What people read for the engine's types: one word list for the sidebar, the card, the options page and
 * the card's "why it matched". Plain data: imported by page code, extension pages and Node alike.
 */
import type { EntityType, IndicatorSubtype } from './types';

/** An entity type in words (singular): the sidebar's group headings, the card, the options' switches. */
export const TYPE_LABELS: Record<EntityType, string> = {
  actor: 'Threat actor',
  malware: 'Malware',
  vulnerability: 'Vulnerability',
  technique: 'ATT&CK technique',
  vendor: 'Vendor',
  product: 'Product',
  organization: 'Organisation',
  location: 'Place',
  attack: 'Attack type',
  indicator: 'Indicator',
};

/** An indicator's kind in words; hashes written as their standards write them (SHA-256, not SHA256). */
export const INDICATOR_LABELS: Record<IndicatorSubtype, string> = {
  ipv4: 'IPv4 address',
  ipv6: 'IPv6 address',
  domain: 'domain',
  url: 'URL',
  email: 'e-mail address',
  md5: 'MD5 hash',
  sha1: 'SHA-1 hash',
  sha256: 'SHA-256 hash',
  sha512: 'SHA-512 hash',
};

/** An indicator subtype in words; an unknown one as it came. */
export function indicatorLabel(subtype: string): string {
  return (INDICATOR_LABELS as Record<string, string | undefined>)[subtype] ?? subtype;
}
