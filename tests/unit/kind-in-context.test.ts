import { describe, it, expect } from 'vitest';
import { compileMatcher } from '../../lib/worker/extract/matcher';
import { findCatalogueEntities } from '../../lib/worker/extract/gazetteer';
import {
  isListGap,
  sentenceSaysCampaign,
  sentenceSaysCrew,
  sentenceSaysExploit,
  sentenceSaysKind,
  speaksOfTheField,
} from '../../lib/worker/extract/kind-in-context';
import { catalogueEntry } from '../support/catalogue-entry';

const e = catalogueEntry;

// Names that are ordinary words or other things' names: each needs a cue word, or what the sentence says.
const m = compileMatcher([
  e('malware:kronos', 'Kronos', ['Kronos Banking Trojan'], { ambiguous: ['Kronos'] }),
  e('malware:anubis', 'Anubis', [], { ambiguous: ['Anubis'] }),
  e('malware:osiris', 'Osiris', [], { ambiguous: ['Osiris'] }),
  e('malware:ares', 'Ares', [], { ambiguous: ['Ares'] }),
  e('malware:maze', 'Maze', [], { subtype: 'ransomware' }),
  e('malware:emotet', 'Emotet'),
  e('malware:buer', 'Buer', ['Buer Loader']),
  e('malware:raccoon', 'Raccoon', ['Raccoon Stealer']),
  e('malware:nanocore', 'NanoCore', ['NanoCore RAT']),
  e('malware:xmrig', 'XMRig', ['XMRig Miner']),
  e('actor:leviathan', 'Leviathan', ['TEMP.Periscope'], { ambiguous: ['Leviathan'] }),
  e('actor:apt28', 'APT28'),
  e('actor:winnti', 'Winnti', ['Winnti Group']),
  e('malware:winnti', 'Winnti'),
  e('malware:tor', 'Tor', [], { subtype: 'tool' }),
  e('malware:teamviewer', 'TeamViewer', [], { subtype: 'tool' }),
  e('malware:cobalt-strike', 'Cobalt Strike', [], { subtype: 'tool' }),
]);

const found = (text: string) => findCatalogueEntities(text, m).map((x) => `${x.text}=${x.key} (${x.why?.rule})`);

describe('what the sentence says a name is', () => {
  it('a copula or an apposition with a word for malware', () => {
    expect(found('Kronos is a banking trojan that first emerged in 2014.')).toEqual(['Kronos=malware:kronos (sentence-says-so)']);
    expect(found('* Kronos * is a banking trojan that first emerged in 2014 .')).toEqual(['Kronos=malware:kronos (sentence-says-so)']);
    expect(found('The campaign seeks to deliver Anubis, a particularly nasty piece of malware.')).toEqual([
      'Anubis=malware:anubis (sentence-says-so)',
    ]);
  });

  it('a noun after a list, said of each of its names', () => {
    expect(found('These rules are valid on unpacked Kronos, Osiris, and Ares binaries.')).toEqual([
      'Kronos=malware:kronos (sentence-says-so)',
      'Osiris=malware:osiris (sentence-says-so)',
      'Ares=malware:ares (sentence-says-so)',
    ]);
    expect(found('Kronos and Ares samples were found.')).toEqual([
      'Kronos=malware:kronos (sentence-says-so)',
      'Ares=malware:ares (sentence-says-so)',
    ]);
    expect(found('Leviathan and APT28 actors have targeted ships.')).toEqual([
      'Leviathan=actor:leviathan (sentence-says-so)',
      'APT28=actor:apt28 (name)',
    ]);
    // The last name unknown to the catalogue: nothing settled in the list, the noun after it still says it.
    expect(found('The packer shares code with Kronos and Zyklop binaries.')).toEqual(['Kronos=malware:kronos (sentence-says-so)']);
    // Negative: a list that a noun does not follow says nothing ("Kronos, Osiris and Ares were gods").
    expect(found('Kronos, Osiris and Ares were worshipped.')).toEqual([]);
  });

  it('a campaign’s name, said to be one, is neither actor nor malware', () => {
    expect(found('The tools are similar to APT28, another cyber-espionage campaign found in 2016.')).toEqual([]);
    expect(found('Emotet was an operation run by the police.')).toEqual([]);
    // Negative: the group and the malware said as such, and a campaign of theirs.
    expect(found('Leviathan, an espionage actor, ran a campaign.')).toEqual(['Leviathan=actor:leviathan (sentence-says-so)']);
    expect(found('Emotet, a campaign of spam, spread widely.')).toEqual(['Emotet=malware:emotet (name)']);
    expect(found('Emotet, a global malware campaign, hit banks.')).toEqual(['Emotet=malware:emotet (name)']);
    expect(found('Emotet, the campaign’s first payload, hit banks.')).toEqual(['Emotet=malware:emotet (name)']);
  });

  it('what is done with malware, and what it has', () => {
    expect(found('The loader later deployed Maze on the file servers.')).toEqual(['Maze=malware:maze (sentence-says-so)']);
    expect(found('We found three Ares samples on the host.')).toEqual(['Ares=malware:ares (sentence-says-so)']);
    expect(found('We have observed multiple copies of Kronos with more than 50 installs.')).toEqual([
      'Kronos=malware:kronos (sentence-says-so)',
    ]);
    expect(found('Starting with the PHA family , Osiris .')).toEqual(['Osiris=malware:osiris (sentence-says-so)']);
    // A list after the noun is no apposition: "malware, Ares" needs the noun right before its comma.
    expect(found('It drops malware. Ares was worshipped in Sparta.')).toEqual([]);
    expect(found('Once installed, Kronos can also steal credentials.')).toEqual(['Kronos=malware:kronos (sentence-says-so)']);
    expect(found('Then Anubis can completely hijack an Android device.')).toEqual(['Anubis=malware:anubis (sentence-says-so)']);
    expect(found('Once a target is found, Anubis overlays the original application.')).toEqual([
      'Anubis=malware:anubis (sentence-says-so)',
    ]);
    expect(found('Anubis: the new banking trojan in town')).toEqual(['Anubis=malware:anubis (sentence-says-so)']);
    // Its use, its developers, what it can do and how it is set up.
    expect(found('The actor’s use of Ares shows flexibility.')).toEqual(['Ares=malware:ares (sentence-says-so)']);
    expect(found('The developers of Kronos gave it everything they had.')).toEqual(['Kronos=malware:kronos (sentence-says-so)']);
    expect(found('One of Osiris capabilities is screen capture.')).toEqual(['Osiris=malware:osiris (sentence-says-so)']);
    expect(found('The attacker can update the configuration of Ares in the panel.')).toEqual(['Ares=malware:ares (sentence-says-so)']);
  });

  it('what an actor does or is held for', () => {
    expect(found('Saudi Arabia, Germany and Norway have been targeted by Leviathan.')).toEqual([
      'Leviathan=actor:leviathan (sentence-says-so)',
    ]);
    expect(found('Campaigns attributed to either Leviathan or the GC family.')).toEqual(['Leviathan=actor:leviathan (sentence-says-so)']);
    expect(found('Leviathan, an espionage actor, spearphishes maritime targets.')).toEqual([
      'Leviathan=actor:leviathan (sentence-says-so)',
    ]);
    expect(found('Leviathan has been targeting maritime firms since 2014.')).toEqual(['Leviathan=actor:leviathan (sentence-says-so)']);
    // Who uses malware: "Leviathan used a new backdoor", "Leviathan deploys custom malware".
    expect(found('Leviathan used a new backdoor against the navy.')).toEqual(['Leviathan=actor:leviathan (sentence-says-so)']);
    expect(found('Leviathan deploys custom malware.')).toEqual(['Leviathan=actor:leviathan (sentence-says-so)']);
    // Negative: using something else says nothing ("Leviathan used a harpoon").
    expect(found('The Leviathan used a harpoon in the story.')).toEqual([]);
  });

  it('leaves the ordinary word alone when the sentence says nothing of the kind', () => {
    expect(found('Kronos is the Greek titan of time.')).toEqual([]);
    expect(found('The Leviathan is a sea monster in the Bible.')).toEqual([]);
    expect(found('Ares was worshipped in Sparta.')).toEqual([]);
    expect(found('In the myth, Kronos can also swallow his children.')).toEqual([]);
    expect(found('She is reading about Anubis, a god of ancient Egypt.')).toEqual([]);
  });

  it('other names given right after it: the name is meant, of the kind the catalogue says', () => {
    expect(found('One of the most active threat groups ; Leviathan , also known as TEMP , Periscope.')).toEqual([
      'Leviathan=actor:leviathan (sentence-says-so)',
    ]);
    expect(found('We first tracked Kronos ( also known as Joker ) in 2017.')).toEqual(['Kronos=malware:kronos (sentence-says-so)']);
    // Only names are given as other names: "Kronos, also known as the titan" is the word.
    expect(found('Kronos , also known as the titan of time , ate his children.')).toEqual([]);
  });

  it('a list of attackers before the name', () => {
    expect(found('It was used by state-sponsored actors such as Leviathan.')).toEqual(['Leviathan=actor:leviathan (sentence-says-so)']);
    expect(found('Threat actors like APT28, Leviathan and others use it.')).toEqual([
      'APT28=actor:apt28 (name)',
      'Leviathan=actor:leviathan (sentence-says-so)',
    ]);
    expect(found('Titans like Kronos and Leviathan were feared.')).toEqual([]);
  });

  it('a name shared by an actor and its toolset keeps the actor unless a cue word says malware', () => {
    expect(found('Analysts detected a new Winnti sample uploaded from Germany.')).toEqual(['Winnti=actor:winnti (name)']);
  });
  it('a toolset the catalogue knows only in full ("Carbanak Backdoor") is the malware when a word for malware follows its actor’s name', () => {
    const cat = compileMatcher([
      e('actor:carbanak', 'Carbanak'),
      e('malware:carbanak-malware', 'Carbanak Backdoor', ['Carbanak Backdoor']),
    ]);
    const typed = (text: string) => findCatalogueEntities(text, cat).map((x) => `${x.text}=${x.key}`);
    expect(typed('Carbanak malware was used by the group.')).toEqual(['Carbanak=malware:carbanak-malware']);
    expect(typed('They deployed the Carbanak backdoor.')).toEqual(['Carbanak=malware:carbanak-malware']);
    // A word that goes on past its letters is another word ("backdoor2"), in an ASCII text too.
    expect(typed('They saw Carbanak backdoor2 files.')).toEqual(['Carbanak=actor:carbanak']);
    // The actor otherwise, and after words that are not for malware.
    expect(typed('Carbanak targeted banks. The Carbanak group was busy.')).toEqual(['Carbanak=actor:carbanak', 'Carbanak=actor:carbanak']);
    // "gang" is a cue of both kinds; a gang is people.
    expect(typed('The Carbanak gang stole millions from banks.')).toEqual(['Carbanak=actor:carbanak']);
  });
  it('a name shared by an actor and its toolset, a cue word for both: the actor where the sentence speaks of people', () => {
    expect(found('The Winnti gang stole the certificates.')).toEqual(['Winnti=actor:winnti (name)']);
    expect(found('The certificates were stolen by Winnti malware.')).toEqual(['Winnti=malware:winnti (name)']);
  });
  it('a name shared by an actor and its toolset, cues of both kinds near: the noun right after the name decides', () => {
    const cat = compileMatcher([e('actor:turla', 'Turla', ['Snake']), e('malware:snake', 'Snake')]);
    const typed = (text: string) => findCatalogueEntities(text, cat).map((x) => `${x.text}=${x.key}`);
    // "group" two words before is the actor's cue; "malware" right after is the name's head.
    expect(typed("The Turla group's Snake malware was disrupted.")).toEqual(['Turla=actor:turla', 'Snake=malware:snake']);
    expect(typed('The hacker group Snake malware authors')).toEqual(['Snake=malware:snake']);
    // Without a word for malware after it, the cue before it stands.
    expect(typed('The hacker group Snake was busy.')).toEqual(['Snake=actor:turla']);
  });
  it('a name shared by an actor and its toolset, listed with malware of another name: the toolset', () => {
    expect(found('Earth Lusca used Emotet and Winnti against government targets.')).toEqual([
      'Emotet=malware:emotet (name)',
      'Winnti=malware:winnti (name)',
    ]);
    expect(found('Reports of Winnti / Emotet C2 hostnames.')).toEqual(['Winnti=malware:winnti (name)', 'Emotet=malware:emotet (name)']);
    // Unless the sentence says it is the group.
    expect(found('The Winnti group used Emotet and Kronos loaders.')).toEqual([
      'Winnti group=actor:winnti (name)',
      'Emotet=malware:emotet (name)',
      'Kronos=malware:kronos (listed-with-its-kind)',
    ]);
    expect(found('Attacks attributed to Winnti and Emotet infections.')).toEqual([
      'Winnti=actor:winnti (name)',
      'Emotet=malware:emotet (name)',
    ]);
  });
  it('whichever of the two the catalogue lists first', () => {
    // The malware first, as a synced MISP catalogue may list them (its tool galaxy before its threat actors).
    const first = compileMatcher([e('malware:invisimole', 'InvisiMole'), e('actor:invisimole', 'InvisiMole')]);
    const typed = (text: string) => findCatalogueEntities(text, first).map((x) => `${x.text}=${x.key}`);
    expect(typed('Attackers installed InvisiMole on the servers.')).toEqual(['InvisiMole=actor:invisimole']);
    expect(typed('The InvisiMole backdoor beacons over DNS.')).toEqual(['InvisiMole=malware:invisimole']);
  });
});

describe('a list says what its names are', () => {
  it('names beside a settled name of the same kind are of that kind, along the list', () => {
    expect(found('The packer shares code with Emotet, Kronos, Osiris, and Ares.')).toEqual([
      'Emotet=malware:emotet (name)',
      'Kronos=malware:kronos (listed-with-its-kind)',
      'Osiris=malware:osiris (listed-with-its-kind)',
      'Ares=malware:ares (listed-with-its-kind)',
    ]);
  });

  it('the names a settled name is also known as are of its kind', () => {
    expect(found('APT28, also known as Leviathan, was active.')).toEqual([
      'APT28=actor:apt28 (name)',
      'Leviathan=actor:leviathan (listed-with-its-kind)',
    ]);
    expect(found('Emotet (aka Kronos) returned.')).toEqual([
      'Emotet=malware:emotet (name)',
      'Kronos=malware:kronos (listed-with-its-kind)',
    ]);
  });

  it('a name of another kind in the list does not settle it', () => {
    expect(found('Groups such as APT28 and Ares were named.')).toEqual(['APT28=actor:apt28 (name)']);
  });

  it('the gap is a separator and nothing else', () => {
    const t = 'Emotet and Maze, or Ares / Kronos';
    expect(isListGap(t, 6, 11)).toBe(true);
    expect(isListGap(t, 15, 20)).toBe(true);
    expect(isListGap(t, 24, 27)).toBe(true);
    expect(isListGap('Emotet was seen with Maze', 6, 21)).toBe(false);
  });
});

describe('a name the writer sets in quotes', () => {
  const q = compileMatcher([
    e('malware:agent-smith', 'Agent Smith', [], { ambiguous: ['Agent Smith'] }),
    e('malware:play', 'Play', [], { ambiguous: ['Play'], subtype: 'ransomware' }),
  ]);
  const hits = (text: string) => findCatalogueEntities(text, q).map((x) => `${x.text} (${x.why?.rule})`);
  it('counts, unless it is one ordinary word', () => {
    expect(hits('“ Agent Smith ” currently uses its broad access to show ads.')).toEqual(['Agent Smith (quoted)']);
    expect(hits('Then "Agent Smith" tries to infect the application.')).toEqual(['Agent Smith (quoted)']);
    expect(hits('Agent Smith said the agent would call.')).toEqual([]);
    expect(hits('Press the “Play” button to start.')).toEqual([]);
  });
});

describe('a short form in capitals that begins a longer name', () => {
  const short = compileMatcher([e('malware:lockbit', 'LockBit', ['ABCD'], { subtype: 'ransomware' })]);
  const hits = (text: string) => findCatalogueEntities(text, short).map((x) => x.text);
  it('is that name’s, unless a word for its kind follows', () => {
    expect(hits('A pediatrics practice, ABCD Pediatrics, serving San Antonio, was hit. ABCD’s servers were encrypted.')).toEqual([]);
    expect(hits('The ABCD ransomware encrypted files; ABCD then asked for money.')).toEqual(['ABCD', 'ABCD']);
  });
});

describe('where a malware name ends', () => {
  it('the word for what it is, that the catalogue folded into an alias, is left out when the bare name is the same family', () => {
    expect(found('The Buer loader was first discovered in 2019.')).toEqual(['Buer=malware:buer (name)']);
    expect(found('Raccoon Stealer is an increasingly popular malware.')).toEqual(['Raccoon=malware:raccoon (case)']);
    expect(found('Ares is a new fork of the Kronos banking trojan.').at(-1)).toBe('Kronos=malware:kronos (name)');
    expect(found('It installs the NanoCore RAT on the host.')).toEqual(['NanoCore=malware:nanocore (name)']);
    // "Miner" stays part of the name the catalogue gives.
    expect(found('It drops the XMRig Miner on the host.')).toEqual(['XMRig Miner=malware:xmrig (name)']);
  });

  it('and when a long-tail list knows the family only by its full form, unless its words are ordinary ones', () => {
    const full = compileMatcher([
      e('malware:epsilon', 'Epsilon Ransomware', [], { subtype: 'ransomware' }),
      e('malware:rat', 'Remote Access Trojan', []),
      e('malware:emotet', 'Emotet'),
      e('malware:emotet-loader', 'Emotet Loader', []),
      e('actor:carbanak', 'Carbanak'),
      e('malware:carbanak-malware', 'Carbanak backdoor', []),
    ]);
    const ends = (text: string) => findCatalogueEntities(text, full).map((x) => `${x.text}=${x.key}`);
    expect(ends('We analysed the Epsilon ransomware loader.')).toEqual(['Epsilon=malware:epsilon']);
    expect(ends('It installs a Remote Access Trojan.')).toEqual(['Remote Access Trojan=malware:rat']);
    // The bare name is another entity's: the full form stays whole.
    expect(ends('It installs the Emotet Loader.')).toEqual(['Emotet Loader=malware:emotet-loader']);
    // A toolset named after its actor: the name, as everywhere else.
    expect(ends('The Carbanak backdoor beacons over HTTP.')).toEqual(['Carbanak=malware:carbanak-malware']);
  });

  it('sentenceSaysKind reads only its side of the sentence', () => {
    const t = 'It was a worm. Kronos then appeared.';
    expect(sentenceSaysKind(t, t.indexOf('Kronos'), t.indexOf('Kronos') + 6, 'malware')).toBe(false);
  });

  it('sentenceSaysKind: after an opening preposition and a comma the sentence goes on, with no apposition', () => {
    const says = (t: string, name: string) => sentenceSaysKind(t, t.indexOf(name), t.indexOf(name) + name.length, 'malware');
    expect(says('In August, a variant of the Hancitor downloader was found.', 'August')).toBe(false);
    expect(says('Since Kronos, a new banking trojan, appeared, banks worry.', 'Kronos')).toBe(false);
    // Negative: the apposition of a subject, and a preposition inside the sentence, say what the name is.
    expect(says('August, a variant of the Hancitor downloader, was found.', 'August')).toBe(true);
    expect(says('It was used by Kronos, a banking trojan.', 'Kronos')).toBe(true);
  });
});

describe('a ransomware family spoken of as the people who run it', () => {
  const rm = compileMatcher([
    e('malware:darkside', 'DarkSide', [], { subtype: 'ransomware' }),
    e('malware:samsam', 'SamSam', [], { subtype: 'ransomware' }),
    e('malware:dharma', 'Dharma', [], { subtype: 'ransomware' }),
    e('malware:conti', 'Conti', [], { subtype: 'ransomware' }),
  ]);
  const typed = (text: string) => findCatalogueEntities(text, rm).map((x) => `${x.text}=${x.key}`);
  it('is the actor: its affiliates, operators or developer, a group it is one of', () => {
    expect(typed('Some of the TTPs observed from DarkSide affiliates follow.')).toEqual(['DarkSide=actor:darkside']);
    expect(typed('While spotted in 2020, DarkSide’s developer debuted the ransomware in November.')).toEqual(['DarkSide=actor:darkside']);
    expect(typed('DarkSide was not the only group to make this announcement.')).toEqual(['DarkSide=actor:darkside']);
    expect(typed('Ransomware groups such as SamSam and Dharma spread via RDP.')).toEqual(['SamSam=actor:samsam', 'Dharma=actor:dharma']);
  });
  it('is the actor where the text calls it a gang or a group', () => {
    expect(typed('The Conti gang claimed the attack.')).toEqual(['Conti=actor:conti']);
    expect(typed('The Conti ransomware group leaked the data.')).toEqual(['Conti=actor:conti']);
    expect(typed('Conti ransomware operators moved laterally.')).toEqual(['Conti=actor:conti']);
    expect(typed('DarkSide, a ransomware group that emerged in 2020, hit the pipeline.')).toEqual(['DarkSide=actor:darkside']);
    expect(typed('The ransomware gang DarkSide hit the pipeline.')).toEqual(['DarkSide=actor:darkside']);
  });
  it('is the malware otherwise', () => {
    expect(typed('The DarkSide ransomware encrypted the servers.')).toEqual(['DarkSide=malware:darkside']);
    // A capitalised "Group" begins a company's name; "group policy" is Windows'; "a group of" describes.
    expect(typed('Conti Group said it was not involved.')).toEqual(['Conti=malware:conti']);
    expect(typed('Conti changed the group policy objects.')).toEqual(['Conti=malware:conti']);
    expect(typed('Conti group policy objects were changed.')).toEqual(['Conti=malware:conti']);
    expect(typed('DarkSide, a group of files, was found.')).toEqual(['DarkSide=malware:darkside']);
    expect(typed('Ransomware such as SamSam and Dharma spread via RDP.')).toEqual(['SamSam=malware:samsam', 'Dharma=malware:dharma']);
    expect(sentenceSaysCrew('Its operators run DarkSide.', 21, 29)).toBe(false);
    // An opening phrase's comma ends the phrase: what follows is the sentence, not an apposition.
    expect(typed('According to DarkSide, the ransomware gang used a zero-day.')).toEqual(['DarkSide=malware:darkside']);
  });
  it('is the actor doing what people do, in a text that calls it a gang elsewhere', () => {
    const gang = 'The Conti gang has been active since 2020. ';
    expect(typed(`${gang}Conti targeted schools. Conti claimed the attack.`)).toEqual([
      'Conti=actor:conti',
      'Conti=actor:conti',
      'Conti=actor:conti',
    ]);
    // What the software does, or said to be malware, stays the malware.
    expect(typed(`${gang}Conti encrypts files with AES.`)).toEqual(['Conti=actor:conti', 'Conti=malware:conti']);
    expect(typed(`${gang}Conti's targeted nature shows in its notes.`)).toEqual(['Conti=actor:conti', 'Conti=malware:conti']);
    // Without the gang elsewhere, the deed alone decides nothing.
    expect(typed('Conti targeted schools.')).toEqual(['Conti=malware:conti']);
  });
  it('gives its crew’s other name, right after it, to the crew too', () => {
    const rv = compileMatcher([e('malware:revil', 'REvil', ['Sodinokibi'], { subtype: 'ransomware' })]);
    const crew = (text: string) => findCatalogueEntities(text, rv).map((x) => `${x.text}=${x.key}`);
    expect(crew('The REvil group, also known as Sodinokibi, attacked Kaseya.')).toEqual(['REvil=actor:revil', 'Sodinokibi=actor:revil']);
    expect(crew('The REvil gang (aka Sodinokibi) hit the firm.')).toEqual(['REvil=actor:revil', 'Sodinokibi=actor:revil']);
    // The family's other name after the family is the family; after the crew but not given as its name, too.
    expect(crew('REvil, also known as Sodinokibi, encrypts files.')).toEqual(['REvil=malware:revil', 'Sodinokibi=malware:revil']);
    expect(crew('The REvil group deployed Sodinokibi.')).toEqual(['REvil=actor:revil', 'Sodinokibi=malware:revil']);
  });
});

describe('a tool the text speaks of as a program people use', () => {
  it('its users, its network or browser, an account: the product, and its other mentions with it', () => {
    expect(found('The malicious code is injected in all Tor traffic. Tor users were unmasked on the Tor network.')).toEqual([
      'Tor=product:tor (sentence-says-product)',
      'Tor=product:tor (sentence-says-product)',
      'Tor=product:tor (sentence-says-product)',
    ]);
    expect(found('Victims were told to download the Tor Browser.')).toEqual(['Tor=product:tor (sentence-says-product)']);
    expect(found('The attackers logged in with a stolen TeamViewer account.')).toEqual([
      'TeamViewer=product:teamviewer (sentence-says-product)',
    ]);
    expect(found('A TeamViewer vulnerability let attackers in.')).toEqual(['TeamViewer=product:teamviewer (sentence-says-product)']);
  });
  it('negative: a cue word of malware by a mention keeps it the tool; so does a text that never speaks of it as a product', () => {
    expect(found('TeamViewer users were warned. The attackers dropped the TeamViewer malware.')).toEqual([
      'TeamViewer=product:teamviewer (sentence-says-product)',
      'TeamViewer=malware:teamviewer (name)',
    ]);
    expect(found('The attackers deployed TeamViewer for access.')).toEqual(['TeamViewer=malware:teamviewer (name)']);
    // Malware has victims, not users; a capitalised "User" of a header is the tool's.
    expect(found('ET TROJAN Observed Cobalt Strike User-Agent')).toEqual(['Cobalt Strike=malware:cobalt-strike (case)']);
  });
});

describe('speaksOfTheField', () => {
  const page = (words: string) => `${'The soil was dry and the roses needed pruning before the frost came. '.repeat(16)}${words}`;
  it('a long text speaks of the field only with one of its own words', () => {
    expect(speaksOfTheField(page('A heart attack, a plant virus and worms in the garden.'))).toBe(false);
    expect(speaksOfTheField(page('The gardeners’ forum was hacked last week.'))).toBe(true);
    expect(speaksOfTheField(page('It patched CVE-2023-4966 and a ransomware strain.'))).toBe(true);
  });
  it('"C2" in a model\'s name ("Hisense C2 Ultra") is no word of the field', () => {
    expect(speaksOfTheField(page('The Hisense C2 Ultra has a bright screen.'))).toBe(false);
    expect(speaksOfTheField(page('The C2 server answered.'))).toBe(true);
  });
  it('a short text is not judged', () => {
    expect(speaksOfTheField('Lazarus rose on the third day.')).toBe(true);
  });
});

// The long patterns run only where a cheap test finds their noun (a woken worker need not build the others): that
// test reads the noun in any case, as the patterns do.
describe('the noun looked for first, in any case', () => {
  const at = (text: string, name: string): [string, number, number] => [text, text.indexOf(name), text.indexOf(name) + name.length];
  it('finds the copula, the apposition and the list with their nouns in capitals', () => {
    expect(sentenceSaysKind(...at('Kronos, a particularly nasty BANKING TROJAN, returned.', 'Kronos'), 'malware')).toBe(true);
    expect(sentenceSaysKind(...at('Leviathan, an espionage ACTOR, struck.', 'Leviathan'), 'actor')).toBe(true);
    expect(sentenceSaysKind(...at('Patchwork used a new BACKDOOR in May.', 'Patchwork'), 'actor')).toBe(true);
    expect(sentenceSaysKind(...at('It was used by APT ACTORS LIKE Bitter and Sidewinder.', 'Bitter'), 'actor')).toBe(true);
    expect(sentenceSaysExploit(...at('DoubleAgent, a new attack TECHNIQUE, abuses it.', 'DoubleAgent'), 'malware')).toBe(true);
    expect(sentenceSaysCampaign(...at('Groundbait, another cyber-espionage CAMPAIGN, was found.', 'Groundbait'))).toBe(true);
  });
  it('finds the copula’s opening, the deed and the word before in capitals, and a list’s joints', () => {
    expect(sentenceSaysKind(...at('Kronos IS A banking trojan.', 'Kronos'), 'malware')).toBe(true);
    expect(sentenceSaysKind(...at('Taurus CAN ALSO STEAL passwords.', 'Taurus'), 'malware')).toBe(true);
    expect(sentenceSaysKind(...at('They DEPLOYED THE Kronos loader.', 'Kronos'), 'malware')).toBe(true);
    expect(sentenceSaysKind(...at('They saw Kronos / Osiris samples.', 'Kronos'), 'malware')).toBe(true);
    expect(sentenceSaysKind(...at('They saw Kronos, and Osiris samples.', 'Kronos'), 'malware')).toBe(true);
    expect(sentenceSaysKind(...at('They saw Kronos and the samples.', 'Kronos'), 'malware')).toBe(false);
  });
  it('without the noun, only a flaw’s fate says exploit', () => {
    expect(sentenceSaysExploit(...at('EternalBlue and EternalRomance were all patched in March.', 'EternalBlue'), 'malware')).toBe(true);
    expect(sentenceSaysExploit(...at('EternalBlue, a tool of the group, spread.', 'EternalBlue'), 'malware')).toBe(false);
  });
});

// Round 18: more patterns behind a cheap test of their first or last words, ASCII-worded ones read without `u` where it
// changes nothing, and a list's rest by ASCII classes in an ASCII text. Each form below reaches its pattern only if
// its cheap test lets it through.
describe('every form of a look passes its cheap test', () => {
  const at = (text: string, name: string): [string, number, number] => [text, text.indexOf(name), text.indexOf(name) + name.length];
  const kind = (text: string, name: string, type: string) => sentenceSaysKind(...at(text, name), type);
  it('the words before malware: each verb and each phrase, singular or plural, in any case', () => {
    for (const before of [
      'They DOWNLOADED THE',
      'Pushing a',
      'Infected with',
      'Forks of',
      'COPIES OF',
      'A copy of the',
      'The developers of',
    ])
      expect(kind(`${before} Kronos.`, 'Kronos', 'malware'), before).toBe(true);
    expect(kind('Within the confines of Official Kronos stores.', 'Kronos', 'malware')).toBe(false);
  });
  it('what follows malware: each noun, in any case', () => {
    for (const after of ['COMMAND-AND-CONTROL servers', '’s configuration', 'Traffic was seen', 'capabilities grew', 'PLUGINS load'])
      expect(kind(`We saw Kronos ${after}.`.replace(' ’', '’'), 'Kronos', 'malware'), after).toBe(true);
  });
  it('before and after an actor: each phrase, in any case', () => {
    for (const text of ['It was ATTRIBUTED TO Leviathan.', 'Attacks carried out by the Leviathan crew.', 'Hits by threat actor Leviathan.'])
      expect(kind(text, 'Leviathan', 'actor'), text).toBe(true);
    for (const text of [
      'Leviathan HAS BEEN TARGETING ships.',
      'Leviathan’s operators left.',
      'Leviathan breached a port.',
      'Leviathan had carried out raids.',
    ])
      expect(kind(text, 'Leviathan', 'actor'), text).toBe(true);
    expect(kind('Leviathan has a long tail.', 'Leviathan', 'actor')).toBe(false);
  });
  it('a flaw’s fate in capitals', () => {
    expect(sentenceSaysExploit(...at('EternalBlue WAS QUIETLY PATCHED in March.', 'EternalBlue'), 'malware')).toBe(true);
  });
  it('letters that only `u` folds to ASCII ones (ſ, the Kelvin sign) are read as the patterns read them', () => {
    expect(kind('Kronos, a particularly nasty ranſomware, returned.', 'Kronos', 'malware')).toBe(true);
    expect(kind('They saw Kronos ſamples.', 'Kronos', 'malware')).toBe(true);
    expect(kind('It is the work of hac\u212Aers Leviathan.', 'Leviathan', 'actor')).toBe(true);
  });
  it('a list’s rest with digits, dots and hyphens in an ASCII text, and past ASCII', () => {
    expect(kind('They saw Kronos, APT-C-23 and Ares.2 samples.', 'Kronos', 'malware')).toBe(true);
    expect(kind('They saw Kronos, Ärës and Osiris samples.', 'Kronos', 'malware')).toBe(true);
  });
});
