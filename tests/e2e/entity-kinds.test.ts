/// <reference types="chrome" />
/**
 * What a sentence says a name is, in the built extension (headless Chromium): a feed item handed to the
 * worker's ingest is read by the engine there, and the stored item's entity keys type each name as its
 * sentence does: a ransomware family's affiliates are an actor, the family's own encryptor stays malware,
 * and "the Cobalt group" is the actor Cobalt Group. The crew's card is its family's catalogue entry. A name in a
 * list of groups is an actor; a shop named so, and a word of description after a known name, are no malware. A name
 * the text says is an attacker ("as a ... APT group", "also known as" after an actor, "attributed to X", "the X group")
 * is an actor; a research team described as a group is not.
 */
import { describe, expect, it } from 'vitest';
import { ask } from './extension-page';
import { probeSession } from './probe-session';

const session = probeSession();

/** One feed item with `text` as its summary and content (plus `more`) ingested by the worker; the entity keys stored with it. */
async function storedKeys(slug: string, title: string, text: string, more = ''): Promise<string[]> {
  const url = `https://news.example/${slug}`;
  const report = await session.ingest([
    {
      sourceId: 'feed:news',
      guid: `news-${slug}`,
      url,
      title,
      summary: text,
      content: `${text}${more}`,
      published: new Date(Date.now() - 86_400_000).toISOString(),
    },
  ]);
  expect(report).toMatchObject({ added: 1, rejected: 0 });
  const article = (await session.tableRows('articles')).find((a) => a.url === url);
  return article?.entityKeys as string[];
}

describe('the worker types names by what their sentence says', () => {
  it('stores the ransomware family’s affiliates as an actor, its encryptor as malware, and "the Cobalt group" as the actor', async () => {
    const text =
      'Analysts described the techniques they saw from DarkSide affiliates in March. ' +
      'Separately, a phishing wave against banks was attributed to the Cobalt group by the researchers.';
    const keys = await storedKeys(
      'darkside-affiliates',
      'What analysts saw of ransomware affiliates',
      text,
      ' The DarkSide ransomware then encrypted the file servers.',
    );
    expect(keys).toContain('actor:darkside');
    expect(keys).toContain('malware:darkside');
    expect(keys).toContain('actor:cobalt-group');
    // The crew's card: no catalogue entry of its own, the family's, said to be of the crew behind it.
    const facts = await ask(session.probe, 'entityFacts', { entities: [{ key: 'actor:darkside', type: 'actor', name: 'DarkSide' }] });
    expect(facts['actor:darkside']).toMatchObject({ type: 'actor', name: 'DarkSide', sources: ['seed'] });
    expect(facts['actor:darkside'].description).toMatch(/^The crew behind the DarkSide ransomware\. Ransomware-as-a-service/);
  });

  it('stores a group named in a list of groups as an actor, and neither a shop nor a word after a known name as malware', async () => {
    const text =
      'The loader was used by state sponsored groups such as APT33 and Zorbex. ' +
      'The actor also runs a malware shop called “JiiN shop”, and sells the commercial M00nD3V   Logger   malware there.';
    const keys = await storedKeys('zorbex-loader', 'A loader shared by state sponsored groups', text);
    expect(keys).toContain('actor:apt33');
    expect(keys).toContain('actor:zorbex');
    expect(keys).toContain('malware:m00nd3v');
    expect(keys.filter((k) => /jiin|logger/.test(k))).toEqual([]);
  });

  it('stores as actors the names the text says are attackers: "as a ... APT group", "also known as", "attributed to", "the X group"', async () => {
    const text =
      'We assessed Sandcat as a high-capability APT group. Its lures resemble those of Leviathan, also known as TEMP, Periscope or ' +
      'Sapphire Wren. We have high confidence attributing this attack to Zarya Kolt . ' +
      'The tactics were those commonly used by the Lazarous group. Talos, a threat intelligence group, shared the indicators.';
    const keys = await storedKeys('sandcat-apt', 'A new APT group and its lures', text);
    // Leviathan is the catalogue's APT40 (its name needs the sentence: here, the other names given after it).
    for (const k of [
      'actor:sandcat',
      'actor:apt40',
      'actor:temp',
      'actor:periscope',
      'actor:sapphire-wren',
      'actor:zarya-kolt',
      'actor:lazarous',
    ])
      expect(keys).toContain(k);
    // A research team described as a group is no attacker.
    expect(keys.filter((k) => k.startsWith('actor:') && k.includes('talos'))).toEqual([]);
  });
});
