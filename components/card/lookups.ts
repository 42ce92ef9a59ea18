/**
 * Where an analyst can look an entity up. Only links: nothing is fetched or sent until the user clicks one.
 */
export interface Lookup {
  label: string;
  url: string;
}

const enc = encodeURIComponent;

export function indicatorLookups(subtype: string | undefined, value: string): Lookup[] {
  switch (subtype) {
    case 'ipv4':
    case 'ipv6':
      return [
        { label: 'VirusTotal', url: `https://www.virustotal.com/gui/ip-address/${enc(value)}` },
        { label: 'Shodan', url: `https://www.shodan.io/host/${enc(value)}` },
        { label: 'AbuseIPDB', url: `https://www.abuseipdb.com/check/${enc(value)}` },
        { label: 'urlscan', url: `https://urlscan.io/search/#${enc(`page.ip:"${value}"`)}` },
      ];
    case 'domain':
      return [
        { label: 'VirusTotal', url: `https://www.virustotal.com/gui/domain/${enc(value)}` },
        { label: 'urlscan', url: `https://urlscan.io/domain/${enc(value)}` },
        { label: 'Shodan', url: `https://www.shodan.io/search?query=${enc(`hostname:${value}`)}` },
      ];
    case 'url':
      return [
        { label: 'VirusTotal', url: `https://www.virustotal.com/gui/search/${enc(enc(value))}` },
        { label: 'urlscan', url: `https://urlscan.io/search/#${enc(`page.url:"${value}"`)}` },
      ];
    case 'md5':
    case 'sha1':
    case 'sha256':
    case 'sha512':
      return [
        { label: 'VirusTotal', url: `https://www.virustotal.com/gui/file/${enc(value)}` },
        {
          label: 'MalwareBazaar',
          url: `https://bazaar.abuse.ch/browse.php?search=${enc(`${subtype === 'sha512' ? 'sha3_384' : subtype}:${value}`)}`,
        },
      ];
    case 'email':
      return [{ label: 'VirusTotal', url: `https://www.virustotal.com/gui/search/${enc(enc(value))}` }];
    default:
      return [];
  }
}

/** Reference pages for ids: NVD and KEV for CVEs, the ATT&CK site for techniques. */
export function referenceLookups(type: string, name: string): Lookup[] {
  if (type === 'vulnerability' && /^CVE-\d{4}-\d{4,}$/i.test(name)) {
    const id = name.toUpperCase();
    return [
      { label: 'NVD', url: `https://nvd.nist.gov/vuln/detail/${id}` },
      { label: 'CISA KEV', url: `https://www.cisa.gov/known-exploited-vulnerabilities-catalog?search_api_fulltext=${id}` },
    ];
  }
  const t = /^T(\d{4})(?:\.(\d{3}))?$/i.exec(name);
  if (type === 'technique' && t) {
    return [{ label: 'MITRE ATT&CK', url: `https://attack.mitre.org/techniques/T${t[1]}/${t[2] ? `${t[2]}/` : ''}` }];
  }
  return [];
}
