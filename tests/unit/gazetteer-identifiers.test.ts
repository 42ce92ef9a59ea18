import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../lib/worker/extract/matcher';
import { findCatalogueEntities, insideDottedName } from '../../lib/worker/extract/gazetteer';
import { extractEntities } from '../../lib/worker/extract/entities';
import { inUrlPath } from '../../lib/worker/extract/url-path';
import { catalogueEntry } from '../support/catalogue-entry';

const e = catalogueEntry;
const m = compileMatcher([
  e('malware:netwire', 'NetWire', ['NetWiredRC']),
  e('malware:xmrig', 'XMRig'),
  e('malware:socat', 'socat'),
  e('actor:gorgon-group', 'Gorgon Group', ['G0078']),
  e('actor:apt33', 'APT33', ['Elfin']),
  e('malware:plugx', 'PlugX'),
  e('location:qatar', 'Qatar'),
]);
const names = (text: string) => findCatalogueEntities(text, m).map((x) => x.text);
const all = (text: string) => extractEntities(text, m, { organizations: false }).map((x) => `${x.type}:${x.text}`);

describe('names inside dotted identifiers', () => {
  it('a detection name, a file name or a namespace is not a mention of the word inside it', () => {
    expect(names('Zscaler detects it as Win32.Backdoor.NetWiredRC and Win32 . Coinminer.Xmrig today.')).toEqual([]);
    expect(names('Download socat.zip and open Qatar.pdf')).toEqual([]);
    expect(names('It asks for PlugX_ALERT_WINDOW and reads qatar_PlugX.')).toEqual([]);
    expect(names('PlugX, in Qatar.')).toEqual(['PlugX', 'Qatar']);
    expect(insideDottedName('Backdoor.NetWiredRC', 9, 19)).toBe(true);
    expect(insideDottedName('Xmrig.x', 0, 5)).toBe(true);
  });
  it('a full stop, a comma or a dot at the end of the text does not glue', () => {
    expect(names('The loader dropped NetWiredRC. Then XMRig ran, and socat. Qatar')).toEqual(['NetWiredRC', 'XMRig', 'socat', 'Qatar']);
    expect(names('Payload: NetWire.')).toEqual(['NetWire']);
  });
});

describe('names and ATT&CK ids in a link’s path', () => {
  it('are the link’s, spaced out or not', () => {
    const t = 'adopted by APT actors such as the [ Gorgon Group ] ( https : / / attack.mitre.org / groups / G0078 / ) .';
    expect(all(t).filter((x) => x.startsWith('actor:'))).toEqual(['actor:Gorgon Group']);
    expect(inUrlPath('see attack.mitre.org/groups/G0078/', 'see attack.mitre.org/groups/'.length)).toBe(true);
    expect(inUrlPath('from m00nd3v [ . ] com / NetWire / Decryption', 'from m00nd3v [ . ] com / '.length)).toBe(true);
    // (A segment's letters may be any script's: an ASCII one is read by a cheaper pattern, the others not.)
    expect(inUrlPath('see example.com/café/v2_1/NetWire', 'see example.com/café/v2_1/'.length)).toBe(true);
    expect(names('downloaded from m00nd3v [ . ] com / NetWire / Decryption / BouncyCastle.dll')).toEqual([]);
  });
  it('lists written with slashes and ids in prose stay mentions', () => {
    expect(names('the Iranian group APT33 / Elfin back in 2016, and Winnti / PlugX hosts')).toEqual(['APT33', 'Elfin', 'PlugX']);
    expect(all('MITRE tracks the group as G0078.')).toEqual(['actor:G0078']);
    expect(inUrlPath('APT33 / Elfin', 8)).toBe(false);
    expect(inUrlPath('/ sites / default / files / NetWire', 27)).toBe(false);
  });
});
