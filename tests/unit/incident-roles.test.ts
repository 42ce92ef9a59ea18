import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../lib/worker/engine';
import { compileMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';

const matcher = compileMatcher(seedCatalogue());
const victims = (text: string) => analyzeText(text, matcher, { published: '2024-05-20' }).incidents.map((i) => i.victim?.name ?? null);

describe('the reporter is never the victim', () => {
  test('a research team by its name, or by what it does in the text', () => {
    expect(
      victims(
        'Check Point Research discovered new evidence of an ongoing cyber espionage operation against government entities. The espionage campaign used the Aria-body backdoor.',
      ),
    ).not.toContain('Check Point Research');
    expect(
      victims('Talos identified multiple lure documents during this campaign. The phishing campaign targeted the Azerbaijan government.'),
    ).not.toContain('Cisco Talos');
    expect(
      victims(
        'There were 4.5 million phishing attempts according to an analysis released by Kaspersky. The phishing attacks abused the brand.',
      ),
    ).not.toContain('Kaspersky');
    expect(
      victims(
        'The sample was submitted to VirusTotal on December 10. A wiper attack hit Saipem, which said its servers in the Middle East were disrupted.',
      ),
    ).toEqual(['Saipem']);
  });

  test('the firm called in to respond', () => {
    expect(
      victims(
        'CrowdStrike was contacted on April 30, 2016 to respond to a suspected breach. The data breach at the Democratic National Committee was confirmed.',
      ),
    ).not.toContain('CrowdStrike');
  });

  test('negative: a company that discovers a breach of its own network is the victim', () => {
    expect(victims('Acme Corp discovered a data breach on its network in March and said hackers stole customer records.')).toEqual([
      'Acme Corp',
    ]);
    expect(
      victims(
        'Microsoft said it had been breached by a nation-state actor that accessed email accounts of its senior leadership in a data breach.',
      ),
    ).toContain('Microsoft');
  });
});

describe('the attacker is not the victim', () => {
  test('the subject of an attacker’s verb, or whom the attackers serve', () => {
    expect(
      victims('In July 2015, Russian intelligence gained access to Democratic National Committee (DNC) networks. This was a data breach.'),
    ).toEqual(['Democratic National Committee']);
    expect(victims('Two separate Russian intelligence-affiliated adversaries breached the DNC network in a data breach.')).not.toContain(
      'Russian intelligence',
    );
  });
});

describe('a place is the victim only when the place itself was hit', () => {
  test('a place that describes the targets is not the victim', () => {
    expect(victims('The group has targeted Singapore organizations since 2017 in an espionage campaign that stole data.')).not.toContain(
      'Singapore',
    );
    expect(victims('The espionage campaign targeted US and European energy firms with spear-phishing emails.')).not.toContain(
      'United States',
    );
  });

  test('negative: a place that was hit is', () => {
    expect(
      victims(
        'A wave of DDoS attacks hit Estonia, knocking government and bank websites offline in a distributed denial-of-service attack.',
      ),
    ).toContain('Estonia');
  });
});

describe('the maker of an exploited product is not who was hit', () => {
  test('a vendor named for its product in an exploitation story', () => {
    expect(
      victims(
        'The threat actors exploited CVE-2019-11510, an arbitrary file reading vulnerability affecting Pulse Secure VPN appliances, to gain access to federal networks. The flaw was actively exploited.',
      ),
    ).not.toContain('Ivanti');
  });
});

describe('a security firm the catalogue knows needs the text’s word to be a victim', () => {
  test('a weak cue does not make Proofpoint the victim of the phishing it describes', () => {
    expect(
      victims(
        'The phishing attack proved elaborate, and Proofpoint says the kit is the real novelty. The phishing attack begins with a friendly landing page, Proofpoint says.',
      ),
    ).not.toContain('Proofpoint');
  });

  test('negative: a firm that says it was breached is the victim', () => {
    expect(victims('FireEye said it was breached by a nation-state attacker that stole its red team tools in a data breach.')).toContain(
      'FireEye',
    );
  });
});
