/**
 * Feed items of real-world shape, shared by the ingest and clustering tests: one ransomware attack reported
 * by two publishers (Boeing), another LockBit victim (ICBC), and a CVE's patch with its later exploitation
 * wave reported twice (Citrix Bleed).
 */
import type { FeedItem } from '../../lib/worker/sync/item';

/** The reference "now" of these items (a few days after the last of them). */
export const NOW = Date.parse('2023-11-20T00:00:00Z');

export function item(
  site: string,
  slug: string,
  published: string,
  title: string,
  summary: string,
  extra: Partial<FeedItem> = {},
): FeedItem {
  return { sourceId: `feed:${site}`, url: `https://${site}/${slug}`, guid: `${site}:${slug}`, title, summary, published, ...extra };
}

export const BOEING_1 = item(
  'bleepingcomputer.example',
  'boeing-lockbit',
  '2023-11-02T10:00:00Z',
  'Boeing confirms LockBit ransomware attack on parts business',
  'Boeing said the LockBit ransomware gang breached its parts and distribution business and threatened to leak data.',
);
export const BOEING_2 = item(
  'therecord.example',
  'lockbit-boeing-claim',
  '2023-11-03T08:00:00Z',
  'LockBit claims Boeing hack, threatens to publish stolen files',
  'The LockBit gang listed Boeing on its leak site, saying the aerospace company had until November 2 to pay.',
);
export const ICBC = item(
  'securityweek.example',
  'icbc-ransomware',
  '2023-11-10T09:00:00Z',
  'LockBit ransomware hits Industrial and Commercial Bank of China',
  'ICBC said its US arm was hit by a LockBit ransomware attack that disrupted Treasury trades.',
);
export const CITRIX_PATCH = item(
  'thehackernews.example',
  'citrix-patch',
  '2023-10-10T09:00:00Z',
  'Citrix patches critical NetScaler flaw CVE-2023-4966',
  'Citrix released updates for CVE-2023-4966, a critical information disclosure vulnerability in NetScaler ADC and Gateway.',
);
export const CITRIX_EXPLOITED = item(
  'darkreading.example',
  'citrix-bleed-exploited',
  '2023-10-18T09:00:00Z',
  'Hackers exploit Citrix Bleed CVE-2023-4966 to hijack sessions',
  'Attackers are exploiting CVE-2023-4966 in the wild to hijack authenticated sessions on NetScaler appliances, researchers warned.',
);
export const CITRIX_EXPLOITED_2 = item(
  'theregister.example',
  'citrix-bleed-wave',
  '2023-10-20T09:00:00Z',
  'Citrix Bleed exploitation wave hits NetScaler boxes worldwide',
  'Mass exploitation of CVE-2023-4966 is under way, with attackers hijacking sessions on unpatched NetScaler devices.',
);
