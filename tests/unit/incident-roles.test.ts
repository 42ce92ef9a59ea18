import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../lib/worker/engine';
import { compileMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { VICTIM_MIN_CONFIDENCE, victimConfidence } from '../../lib/worker/extract/incidents/roles';

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

describe('who told, posted, warned or published the story is not the victim', () => {
  const withSite = (text: string, site: string) =>
    analyzeText(text, matcher, { published: '2024-05-20', site }).incidents.map((i) => i.victim?.name ?? null);

  test('the outlet a statement was given to, and a news outlet by its name', () => {
    expect(
      victims(
        'Hackers breached the network of Westbrook Telecom, the company said. In an email to the IDG News Service, the hacker explained how the data breach came about.',
      ),
    ).toEqual(['Westbrook Telecom']);
    expect(victims('A source told the BBC that the data breach was serious.')).not.toContain('BBC');
  });

  test('the platform something was posted on', () => {
    expect(victims('A researcher reported on Twitter that 27,000 servers were hit by ransomware.')).not.toContain('Twitter');
  });

  test('who warns of a scam is not its victim', () => {
    expect(
      victims('The Indiana Department of Revenue is warning taxpayers of fraudulent phishing emails that ask for their passwords.'),
    ).not.toContain('Indiana Department of Revenue');
  });

  test('a regulator told of a breach is not its victim, a regulator said to be hacked is', () => {
    expect(
      victims(
        'The Food and Drug Administration has become concerned about a data breach that exposed the records of 40,000 patients of a hospital group.',
      ),
    ).not.toContain('Food and Drug Administration');
    expect(
      victims('Hackers breached the Federal Trade Commission and stole the personal data of 3,000 staff members in the data breach.'),
    ).toContain('Federal Trade Commission');
  });

  test('who says it was not breached', () => {
    expect(
      victims(
        'Hackers claim to hold 300 million iCloud accounts in a data breach. Apple says its systems have not been breached and the data came from other services.',
      ),
    ).not.toContain('Apple');
  });

  test('the site named after the bar of the title', () => {
    expect(victims('Rsync errors lead to data breach at KWIC Internet | CSO Online\n\nThe breach exposed customer records.')).not.toContain(
      'CSO Online',
    );
  });

  test('the publisher of the page, from its address', () => {
    const text =
      'Sophos investigated a new Ryuk ransomware attack. Sophos said the attackers deployed ransomware across the network in three hours.';
    expect(withSite(text, 'https://news.sophos.com/en-us/2020/10/14/inside-a-new-ryuk-ransomware-attack/')).not.toContain('Sophos');
    // Without the address nothing says who wrote it, and the rule does not fire.
    expect(withSite(text, 'https://example.org/story')).not.toBeUndefined();
  });

  test('negative: an organisation that says it was hit stays the victim', () => {
    expect(victims('Acme Hospital said its systems were encrypted in a ransomware attack on Monday.')).toEqual(['Acme Hospital']);
  });
});

describe('a place is the victim only when the place itself was hit', () => {
  test('where the people hit are is not a victim', () => {
    expect(victims('The phishing campaign has mostly targeted users in Germany and Austria, researchers said.')).not.toContain('Germany');
  });
});

describe('victim confidence', () => {
  test('two plain cues give the highest confidence, a weak cue a low one, and every victim has one', () => {
    const incidents = analyzeText(
      'A ransomware attack hit Acme Hospital last week. Acme Hospital said its systems were encrypted.',
      matcher,
      {
        published: '2024-05-20',
      },
    ).incidents;
    expect(incidents[0].victim?.name).toBe('Acme Hospital');
    expect(incidents[0].victimConfidence).toBeGreaterThanOrEqual(0.6);
    for (const i of incidents) expect(i.victim === undefined).toBe(i.victimConfidence === undefined);
  });
});

describe('the calibration of victim confidence', () => {
  test('it rises with the cue score, from 0 to its ceiling, and the floor sits between a lone weak cue and a plain one', () => {
    const scores = [-3, 0, 1, 1.5, 2, 3, 4, 5, 6, 8, 12];
    const c = scores.map(victimConfidence);
    for (let k = 1; k < c.length; k++) expect(c[k]).toBeGreaterThanOrEqual(c[k - 1]);
    expect(c[0]).toBe(0);
    expect(c.at(-1)).toBeLessThanOrEqual(1);
    expect(victimConfidence(1.5)).toBeLessThan(VICTIM_MIN_CONFIDENCE);
    expect(victimConfidence(2)).toBeGreaterThanOrEqual(VICTIM_MIN_CONFIDENCE);
    expect(victimConfidence(3)).toBeGreaterThanOrEqual(VICTIM_MIN_CONFIDENCE);
  });

  test('it says about the share right that tuned fold a showed and fold b confirmed at each score', () => {
    // Fold a (fold b): scores 1–2 right 0.40 (0.40) of the time, 2.5–4 0.68 (0.66), 5 and over 0.82 (0.81).
    expect(victimConfidence(1.5)).toBeCloseTo(0.4, 1);
    expect(victimConfidence(3)).toBeGreaterThanOrEqual(0.6);
    expect(victimConfidence(3.5)).toBeLessThanOrEqual(0.72);
    expect(victimConfidence(5)).toBeGreaterThanOrEqual(0.75);
    expect(victimConfidence(12)).toBe(0.82);
  });
});

describe('who was hit, told the ways news tells it', () => {
  test('the users a product or a borrowed brand names are the victim', () => {
    expect(victims('A new phishing campaign is targeting Android users in India with fake banking apps that steal credentials.')).toEqual([
      'Android users',
    ]);
    expect(victims('Scammers sent phishing emails to Halvorsen Bank customers, posing as the bank’s fraud team.')).toEqual([
      'Halvorsen Bank customers',
    ]);
  });

  test('data stolen from X names X as the victim, not as a source', () => {
    expect(
      victims(
        'Officials warned about the data breach at the Office of Personnel Management. If a foreign entity is using the data stolen from OPM, they will use it to target people.',
      ),
    ).toEqual(['Office of Personnel Management']);
  });

  test('who says plainly it was not hit is never the victim, whatever else the text says of it', () => {
    expect(
      victims(
        'Hackers threaten to wipe millions of iCloud accounts unless they are paid a ransom in a data breach extortion. Apple says its systems haven’t been breached. The hackers say they stole credentials of Apple accounts.',
      ),
    ).not.toContain('Apple');
  });

  test('an earlier incident named as background is not this story’s victim', () => {
    const out = victims(
      'Ransomware hits Kestrel Maritime\n\nKestrel Maritime said ransomware encrypted its servers on Monday. The company is restoring from backups. Investigators said the same group behind the Zellner Logistics hacks committed last year may be responsible. Zellner Logistics had been hit by ransomware in 2021.',
    );
    expect(out).toEqual(['Kestrel Maritime']);
  });

  test('who found the flaw or the leak reports it', () => {
    expect(
      victims(
        'McDonald’s India app leaked the data of 2.2 million users in a data breach. The flaw, found by payments company Fallible, exposed names and addresses.',
      ),
    ).not.toContain('Fallible');
  });
});

describe('places, makers, sponsors and platforms are not who was hit', () => {
  test('a list of places is where the people hit are; a region is never the victim', () => {
    expect(victims('A phishing campaign hit Denmark, Germany and several surrounding countries on Wednesday morning.')).toEqual([null]);
    expect(victims('A massive ransomware attack hits Europe with widespread ransom demands.')).not.toContain('Europe');
    expect(victims('Ransomware attack on Estonia: hackers encrypted the servers of government agencies on Monday.')).toEqual(['Estonia']);
  });

  test('the maker that fixes the flaw, the sponsor of the attackers, the platform of a post', () => {
    expect(
      victims(
        'Hackers exploited a Word flaw for months in an espionage campaign against diplomats. Microsoft patched the flaw in April. Microsoft could have fixed the problem earlier.',
      ),
    ).not.toContain('Microsoft');
    expect(victims('The cyber actors, sponsored by the Reconnaissance General Bureau, were behind the ransomware attack.')).not.toContain(
      'Reconnaissance General Bureau',
    );
    expect(victims('A researcher found an artifact on Twitter linking the ransomware attack to the Lazarus group.')).not.toContain(
      'Twitter',
    );
  });

  test('the research centre of a university, the breach notification service', () => {
    expect(
      victims(
        'The Cyber Security Research Center at the Ben-Gurion University found a way to steal data in a data breach through router lights.',
      ),
    ).not.toContain('Ben-Gurion University');
    expect(
      victims(
        'Kestrel Maritime was hacked and its customer records leaked in a data breach. Breach notification service LeakedSource announced the addition of the Kestrel Maritime records.',
      ),
    ).toEqual(['Kestrel Maritime']);
  });
});

describe('the victim speaking of its own breach', () => {
  test('quoted as a source, or named a research firm, it is still the victim where the text says it was hit', () => {
    expect(
      victims(
        'GameStop customers received breach notification warnings this week. The breach occurred between August and February, according to GameStop.',
      ),
    ).toEqual(['GameStop']);
    expect(victims('Market research firm Forrester says hackers stole sensitive reports from its website in a data breach.')).toEqual([
      'Forrester',
    ]);
  });

  test('the victims a text lists, a website hacked, a scam fallen for', () => {
    expect(victims('Data breach: the Kestrel Travel Association website was hacked and 43,000 people were affected.')).toEqual([
      'Kestrel Travel Association',
    ]);
    expect(victims('Kestrel Maritime loses $1 million after falling for a phishing scam sent by a conman.')).toEqual(['Kestrel Maritime']);
  });
});

describe('who arrests, who is the attacker, who reports', () => {
  test('the arresting authority, the group linked to a state, the firm that said so in a report', () => {
    expect(
      victims(
        'A fraud scheme bilked two US companies out of $100 million with phishing emails. The suspect was arrested last week by Lithuanian authorities, prosecutors said.',
      ),
    ).not.toContain('Lithuanian authorities');
    expect(
      victims(
        'Advanced Persistent Threat group linked to China said to be attacking companies in an espionage campaign against their suppliers.',
      ),
    ).not.toContain('Advanced Persistent Threat');
    expect(
      victims(
        'Multiple targets are sent the same ransom demand in DDoS attacks, Akamai said in a report today. Akamai said in a report that attacks rose.',
      ),
    ).not.toContain('Akamai');
  });
});

describe('the victim named by reference', () => {
  test('"the company" in a victim’s role reaches the organisation named before it, not a source', () => {
    expect(
      victims(
        'Kestrel Maritime runs container terminals in three ports. According to Proofpoint, phishing is rising. On Monday the company said hackers stole employee records in a data breach.',
      ),
    ).toEqual(['Kestrel Maritime']);
    // Without a victim's role, "the company" reaches no one.
    expect(
      victims(
        'Kestrel Maritime runs container terminals. A data breach exposed records of millions of people, the company’s rivals noted.',
      ),
    ).not.toContain('Kestrel Maritime');
  });
});

describe('who is not the victim of the story (issue 8, CASIE tuned errors)', () => {
  test('the firm that tells another of the attack it found', () => {
    const v = victims(
      'Phishing scammers target Payrix customers in a well crafted attack. The phishing kit copies the login page. Kestrel Security says it has notified Payrix of the phishing campaign.',
    );
    expect(v).not.toContain('Kestrel Security');
  });

  test('the platform that acts against a lure run on it', () => {
    expect(
      victims(
        'Google said it has disabled the offending accounts involved in a widespread spree of phishing emails that hit journalists and universities on Wednesday.',
      ),
    ).not.toContain('Google');
  });

  test('a place inside a longer name the text writes in capitals', () => {
    const v = victims(
      'A major phishing attack hit University College London on Wednesday, and the university said its systems were shut down.',
    );
    expect(v).not.toContain('London');
    expect(v).not.toContain('United Kingdom');
  });

  test("a place's possessive before an acronym: what belongs to the place was hit, not the place", () => {
    const v = victims(
      'Ransomware hit computers at Colorado’s DOT last week. The Colorado Department of Transportation said it shut down 2,000 computers after the attack.',
    );
    expect(v).not.toContain('Colorado');
    // A generic acronym after the possessive ("Atlanta's IT systems") still leaves the place.
    expect(victims('A ransomware attack hit the city of Atlanta’s IT systems on Thursday.')).toContain('City of Atlanta');
  });

  test('a verb of telling whose object is no incident of its own does not make the speaker the victim', () => {
    // Named after the lede (where a name's place alone makes it the story's subject).
    const lede =
      'Phishing emails that promise free flights and prize draws are reaching travellers this month. The messages copy the look of real booking confirmations, ' +
      'down to the logos and the fonts, and link to pages that ask for a card number to claim the prize. Travellers who followed the links were asked for ' +
      'their passwords as well, and several said they had typed them in before noticing anything wrong. ';
    const confidence = (text: string) =>
      analyzeText(text, matcher, { published: '2024-05-20', victimMin: 0 }).incidents.find((i) => i.victim?.name === 'Zorvex Networks')
        ?.victimConfidence ?? 0;
    const telling = confidence(`${lede}Zorvex Networks confirmed that these phishing campaigns have a high success rate.`);
    const hit = confidence(`${lede}Zorvex Networks confirmed that phishing emails let hackers steal payroll data from its systems.`);
    expect(hit).toBeGreaterThanOrEqual(VICTIM_MIN_CONFIDENCE);
    expect(telling).toBeLessThan(hit - 0.2);
  });

  test('a passive without its auxiliary ("X, hit by ransomware, ...") and a refusal to pay say who was hit', () => {
    // After the lede, where a name's place alone does not make it the story's subject.
    const lede =
      'Ransomware gangs kept busy this spring, and the sums they ask for keep growing. Several hospitals, schools and shipping firms have had to ' +
      'send staff home while their networks were rebuilt from backups, and insurers say the claims have doubled in a year. Security teams ' +
      'advise patching remote access systems first, since that is how most of the gangs get in. ';
    const confidence = (text: string, name: string) =>
      analyzeText(text, matcher, { published: '2024-05-20', victimMin: 0 }).incidents.find((i) => i.victim?.name === name)
        ?.victimConfidence ?? 0;
    const hit = confidence(
      `${lede}Zorvex Logistics, hit by ransomware on Monday, told staff not to turn on their computers.`,
      'Zorvex Logistics',
    );
    const named = confidence(
      `${lede}Zorvex Logistics told staff not to turn on their computers after ransomware spread on Monday.`,
      'Zorvex Logistics',
    );
    expect(hit).toBeGreaterThanOrEqual(VICTIM_MIN_CONFIDENCE);
    expect(hit).toBeGreaterThan(named);
    const refused = confidence(`${lede}Kestrel Studios declined to pay the ransom to the ransomware gang.`, 'Kestrel Studios');
    const spoke = confidence(`${lede}Kestrel Studios spoke about the ransom asked by the ransomware gang.`, 'Kestrel Studios');
    expect(refused).toBeGreaterThanOrEqual(VICTIM_MIN_CONFIDENCE);
    expect(refused).toBeGreaterThan(spoke);
  });

  test('the words after the second name of a pair tell of both ("X and Y lose £77m after falling for a phishing scam")', () => {
    const text =
      'Two firms duped\n\nMicrosoft and Apple lose ‘£77million after falling for phishing scam’ run by a conman who posed as a supplier.';
    // One victim an incident: the first of two equals (without the pair's reading, the second alone had the words).
    expect(victims(text)).toEqual(['Microsoft']);
  });

  test('a known organisation inside a longer name: the whole name is the victim', () => {
    expect(victims('Hackers breached Dorset Vale Hospital NHS Foundation Trust last week and stole patient data.')).toContain(
      'Dorset Vale Hospital NHS Foundation Trust',
    );
  });

  test('an earlier incident named by its year, or told as what the same group did last year', () => {
    expect(
      victims(
        'Ransomware hit thousands of computers on Friday. Researchers found code that was previously used by a group behind the high-profile 2014 hack of Sony.',
      ),
    ).not.toContain('Sony');
    expect(
      victims(
        'Over a dozen charities were approached with ransom demands by hackers. One of them was approached by what officials say is the same group behind the Democratic National Committee hacks committed last year.',
      ),
    ).not.toContain('Democratic National Committee');
  });

  test('the attacker named by "hacked by" or "was behind", and the organisation a speaker works for', () => {
    expect(
      victims('The agency website was hacked by Zeroline and data leaked online. The hacker leaked the accounts that he found.'),
    ).not.toContain('Zeroline');
    expect(
      victims(
        'Ransomware hit 300,000 computers in May. Analysts say the Kessel Bureau, the country’s spy agency, was behind the ransomware attack.',
      ),
    ).not.toContain('Kessel Bureau');
    expect(
      victims(
        'Phishing texts are now so convincing that even experts are fooled, said Paul Dane, retail fraud director at Marlow Banking Group, about the phishing scam.',
      ),
    ).not.toContain('Marlow Banking Group');
  });

  test('a place whose possessive opens a longer name ("the UK\'s Foreign Office") was not hit itself', () => {
    expect(victims('A hacker group targeted the UK’s Foreign Office over several months in a phishing campaign.')).not.toContain(
      'United Kingdom',
    );
  });

  test('the group a place describes, or the instances of a product, named as the victim rather than the place or the product', () => {
    const v = victims('The ransomware campaign is targeting German HR companies with emails that pose as job applications.');
    // The group weighs less than a name: here it stays under the floor (the fixture ddos-claim-platform names the bank).
    expect(
      victims(
        'Several Danish banks had their websites knocked offline by DDoS attacks. Jyske Bank said its online banking was down for hours.',
      ),
    ).not.toContain('Danish banks');
    expect(v).toContain('German HR companies');
    expect(v).not.toContain('Germany');
    expect(victims('A phishing campaign hit US-based businesses with emails that carried a fake invoice.')).toContain(
      'US-based businesses',
    );
    expect(victims('Hackers hit Jenkins servers with ransomware, encrypting files and demanding a ransom.')).toContain('Jenkins servers');
  });

  test('the maker whose product was hit ("compromised Microsoft\'s Edge browser") is not the victim', () => {
    expect(
      victims(
        "Hackers escape a virtual machine through a browser\n\nTeams at a hacking contest pulled off a rare feat: they compromised Microsoft's heavily guarded Edge browser and escaped the virtual machine it ran in. The hack won $105,000.",
      ),
    ).not.toContain('Microsoft');
  });

  test('the site named after the title line\'s last dash is the publisher, never reached by "the company"', () => {
    expect(
      victims(
        'Ransomware demands keep rising – Brightwater Labs, Inc.\n\nRansomware gangs demanded more last quarter. The company said a ransomware attack encrypted its servers in March.',
      ),
    ).not.toContain('Brightwater Labs, Inc.');
  });

  test('negative: the victim the headline and lede name with an incident verb still is', () => {
    expect(victims('Hackers hit Acme Bank with ransomware\n\nAcme Bank said its systems were encrypted on Friday.')).toContain('Acme Bank');
  });
});

describe('negations, suppositions, speakers and platforms (issue 8, round 8)', () => {
  test('a cue under a negation does not name the victim', () => {
    expect(victims('The ransomware outbreak has not infiltrated U.S. government systems, the White House said.')).not.toContain(
      'United States',
    );
    expect(
      victims(
        'Leaked iCloud credentials came from third parties. "There have not been any breaches in any of Apple\'s systems," a spokesperson said. The hackers demanded a ransom.',
      ),
    ).not.toContain('Apple');
  });

  test('negative: a plain cue without a negation still does', () => {
    expect(victims('A ransomware attack has hit Acme Corp systems.')).toEqual(['Acme Corp']);
    expect(victims('A ransomware attack has not hit Acme Corp systems.')).toEqual([null]);
  });

  test('a supposition or advice is not a report', () => {
    expect(
      victims(
        'Ransomware outbreak spreads\n\nA phishing email is going around. If you have been a victim of a scam and think your Valley Federal Credit Union account has been compromised, call us.',
      ),
    ).toEqual([null]);
    // Negative: the name before the supposition is reported.
    expect(
      victims(
        'Ransomware outbreak spreads\n\nA ransomware attack hit Acme Corp systems, and if you are a customer you should change your password.',
      ),
    ).toEqual(['Acme Corp']);
  });

  test('the employer of a speaker introduced by a long role, and the sponsor behind an apposition', () => {
    expect(
      victims(
        'Ransomware attacks are rising, according to research led by Jane Roe, an assistant professor of computer science and engineering at the Stanford University, whose team traced the payments.',
      ),
    ).not.toContain('Stanford University');
    expect(
      victims(
        'The hackers, believed to be sponsored by Russia’s main intelligence arm, the GRU, breached the International Association of Athletics Federations.',
      ),
    ).not.toContain('GRU');
  });

  test('a sentence that opens on a platform says where something was said', () => {
    expect(
      victims('The breach hit the studio last month. On Twitter, the hacker suggested that other networks would be next.'),
    ).not.toContain('Twitter');
  });

  test('"the company" reaches the organisation the text names most, not the last one named', () => {
    expect(
      victims(
        'Larson Studios makes films. Larson Studios is a post-production firm. The leak was announced on Twitter by the hackers. The company was hit by a data breach in December.',
      ),
    ).toEqual(['Larson Studios']);
  });

  test('the brand a lure borrows, telling that it was alerted to the fakes, is not the victim', () => {
    expect(
      victims(
        'Phishing emails pretending to come from Luno are circulating. Luno says it has been alerted to the fake emails bearing its name.',
      ),
    ).not.toContain('Luno');
    expect(victims('A phishing attack hit Acme Bank employees. Acme Bank said it has notified customers.')).toEqual(['Acme Bank']);
  });
});

describe('examples and places read as names (issue 8, round 10)', () => {
  test('a name in a list of three or more is an example, not the story’s victim', () => {
    const lede =
      'The hackers go by many names: Fancy Bear, Pawn Storm and Sofacy. They have been active for a decade and are the focus of a new report. ' +
      'The report describes the tools they use, how they move inside a network and how they hide, in more than forty pages of detail and many figures. ' +
      'It also lists the servers and the domains they registered over the years, and what they have in common with other groups. ';
    const story = (list: string) => `${lede}The group, after targeting ${list}, sent phishing emails to diplomats.`;
    expect(victims(story('the Democratic National Committee (DNC), the World Anti-Doping Agency and the German government'))).not.toContain(
      'Democratic National Committee',
    );
    // Named alone, the one organisation the group targeted is its victim.
    expect(victims(story('the Democratic National Committee'))).toContain('Democratic National Committee');
  });

  test('a county’s name before the noun it describes is where the victim is, like a place', () => {
    expect(
      victims(
        'Hackers hit Brenton County utility with ransomware attack\n\nThe Brenton Water and Sewer Authority said its internal computer system was encrypted by ransomware on Monday.',
      ),
    ).toEqual(['Brenton Water and Sewer Authority']);
    expect(
      victims(
        'Hackers hit Brenton County with ransomware attack\n\nThe county said its computer system was encrypted by ransomware on Monday.',
      ),
    ).toEqual(['Brenton County']);
  });

  test('a reporting adverb before or inside "was hit" still tells who was hit', () => {
    const text = (words: string) =>
      'An official in a small county has resigned after being tricked into wiring $50,000 to an overseas bank account. ' +
      'She believed she was replying to an email from another official about a payment that was due, and sent the money the same day. ' +
      'The county board met on Monday evening to discuss what happened and how such payments should be checked before they are sent out. ' +
      'Its members asked for a report on the matter by the end of the month. ' +
      `Brenton Hospital ${words} of a phishing scam.`;
    expect(victims(text('apparently was the victim'))).toEqual(['Brenton Hospital']);
    expect(victims(text('was apparently the victim'))).toEqual(['Brenton Hospital']);
  });
});
