/** Saved articles for the collection and export tests: shaped as the worker's analysis leaves them. */
import type { SaveRequest } from '../../lib/shared/messaging';
import type { ArticleFindings } from '../../lib/worker/db/collection';

const CITRIX_TEXT =
  'LockBit affiliates linked to APT28 exploited CVE-2023-4966 (Citrix Bleed) against Boeing in the United States, ' +
  'using Cobalt Strike and spearphishing (T1566.001). Indicators: 185.220.101.45, evil.com, ' +
  "44d88612fea8a8f36de82e1278abb02f and http://bad.example/x?a='1'. Boeing said data was stolen.";

export const CITRIX_SAVE: SaveRequest = {
  url: 'https://www.bleepingcomputer.com/news/security/citrix-bleed-boeing/#comments',
  title: 'LockBit used Citrix Bleed to breach Boeing',
  site: 'bleepingcomputer.com',
  published: '2023-11-13',
  author: 'Sergiu Gatlan',
  text: CITRIX_TEXT,
  tags: ['Ransomware', ' citrix '],
  note: '=HYPERLINK("http://evil")',
};

const m = (key: string, type: string, name: string, subtype?: string) =>
  ({ key, type, name, subtype }) as ArticleFindings['entities'][number];

export const CITRIX_FINDINGS: ArticleFindings = {
  entities: [
    m('malware:lockbit', 'malware', 'LockBit', 'ransomware'),
    m('actor:apt28', 'actor', 'APT28'),
    m('vulnerability:cve-2023-4966', 'vulnerability', 'CVE-2023-4966'),
    m('organization:boeing', 'organization', 'Boeing'),
    m('location:united-states', 'location', 'United States'),
    m('malware:cobalt-strike', 'malware', 'Cobalt Strike', 'tool'),
    m('attack:spear-phishing', 'attack', 'Spear-phishing'),
    m('technique:t1566.001', 'technique', 'T1566.001'),
    m('indicator:ipv4:185.220.101.45', 'indicator', '185.220.101.45', 'ipv4'),
    m('indicator:domain:evil.com', 'indicator', 'evil.com', 'domain'),
    m('indicator:md5:44d88612fea8a8f36de82e1278abb02f', 'indicator', '44d88612fea8a8f36de82e1278abb02f', 'md5'),
    m("indicator:url:http://bad.example/x?a='1'", 'indicator', "http://bad.example/x?a='1'", 'url'),
    m('organization:boeing', 'organization', 'Boeing'),
    m('product:citrix-netscaler-adc', 'product', 'NetScaler ADC'),
  ],
  incidents: [
    {
      type: 'ransomware',
      summary: 'Ransomware attack on Boeing by LockBit',
      actor: { key: 'actor:apt28', name: 'APT28' },
      victim: { key: 'organization:boeing', name: 'Boeing' },
      place: { key: 'location:united-states', name: 'United States' },
      entities: [
        { key: 'malware:lockbit', name: 'LockBit' },
        { key: 'vulnerability:cve-2023-4966', name: 'CVE-2023-4966' },
        { key: 'malware:cobalt-strike', name: 'Cobalt Strike' },
        { key: 'technique:t1566.001', name: 'T1566.001' },
        { key: 'indicator:ipv4:185.220.101.45', name: '185.220.101.45' },
      ],
      spans: [{ start: 0, end: 120 }],
      when: '2023-11',
    },
    {
      type: 'data-breach',
      summary: 'Data breach at Boeing',
      victim: { key: 'organization:boeing', name: 'Boeing' },
      spans: [{ start: 200, end: 240 }],
    },
  ],
};

export const ICC_SAVE: SaveRequest = {
  url: 'https://therecord.media/icc-espionage',
  title: 'War crimes tribunal says September cyberattack was act of espionage',
  site: 'therecord.media',
  published: '2023-10-20T14:05:00+00:00',
  text: 'The International Criminal Court said the incident in September was espionage, says The Hague.',
  tags: ['espionage'],
};

export const ICC_FINDINGS: ArticleFindings = {
  entities: [
    m('organization:international-criminal-court', 'organization', 'International Criminal Court'),
    m('location:the-hague', 'location', 'The Hague'),
  ],
  incidents: [
    {
      type: 'espionage',
      summary: 'Espionage against International Criminal Court',
      victim: { key: 'organization:international-criminal-court', name: 'International Criminal Court' },
      spans: [{ start: 0, end: 60 }],
    },
  ],
};

/** A page saved without its text (a tab the content script did not read). */
export const BARE_SAVE: SaveRequest = { url: 'https://example.org/notes/page', title: 'Vendor advisory, read later', tags: ['todo'] };
