import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../lib/worker/engine';
import { compileMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';

const matcher = compileMatcher(seedCatalogue());
const victims = (text: string) => analyzeText(text, matcher, { published: '2024-05-20' }).incidents.map((i) => i.victim?.name ?? null);

describe('the people hit, named by a product the catalogue does not know (issue 8, round 12)', () => {
  test('a capitalised name before a word for its users, in a sentence that says they were hit', () => {
    expect(victims('Hackers launched a phishing attack on Tor users last week, stealing their passwords.')).toEqual(['Tor users']);
    expect(
      victims(
        'Phishers offer WoW players free pets\n\nAvid World of Warcraft players are being targeted with phishing emails seemingly coming from Blizzard.',
      ),
    ).toContain('World of Warcraft players');
  });

  test('negative: a word the text also writes in lower case, or an acronym of a kind, names no product', () => {
    expect(victims('A phishing attack on Internet users stole passwords. Every internet user should beware.')).toEqual([null]);
    expect(victims('A phishing attack on PC users stole passwords.')).toEqual([null]);
  });
});

describe('the present’s passive of being hit (issue 8, round 12)', () => {
  test('"X is being held to ransom": the text’s plain word that it was hit, not only a name near the attack', () => {
    const text =
      'Ransomware attacks on hospitals keep growing this year, experts say, as gangs look for victims that cannot afford downtime. Backups and segmentation help, but many hospitals still lack both, and insurers have started to ask about them before they renew a policy. Several states now require hospitals to report an attack within days. In Ohio, Greenfield Regional Hospital is being held to ransom by a ransomware gang that encrypted its files.';
    const [incident] = analyzeText(text, matcher, { published: '2024-05-20' }).incidents;
    expect(incident.victim?.name).toBe('Greenfield Regional Hospital');
    // Without the cue the name is only near the attack (0.45).
    expect(incident.victimConfidence).toBeGreaterThan(0.6);
  });
});

describe('a name after "if" or "whether" is supposed, not reported (issue 8, round 12)', () => {
  test('"unclear whether X was hit", "if X said it was hit"', () => {
    expect(
      victims('Hackers stole customer records in a data breach last week. It is unclear whether Acme Corp was hit by the data breach.'),
    ).toEqual([null]);
    expect(
      victims(
        'Hackers stole customer records in a data breach last week at a retailer, but if Acme Corp said it was hit, shares would fall.',
      ),
    ).toEqual([null]);
  });
});

describe('a part of the victim, named by what it belongs to (issue 8, round 13)', () => {
  test('"the city\'s Department of X" is the city\'s, not a victim of its own', () => {
    const text =
      'Ransomware hits Springfield\n\nThe City of Springfield was hit by a ransomware attack on Monday that locked files on hundreds of computers. Officials said the attack disrupted online payments. The city’s Department of Information Management, which first discovered the attack, said it had taken systems offline to contain the cyberattack.';
    const named = victims(text);
    expect(named).toContain('City of Springfield');
    expect(named).not.toContain('Department of Information Management');
  });
});

describe('what might happen is not what did (issue 8, round 13)', () => {
  const confidence = (text: string) => analyzeText(text, matcher, { published: '2024-05-20' }).incidents[0]?.victimConfidence ?? 0;
  test('"could hit X", "X could lose $5 million": a modal takes the cue away (the name is only near the attack)', () => {
    expect(confidence('Experts warned that a ransomware attack could hit Acme Corp next.')).toBeLessThan(
      confidence('Experts warned that a ransomware attack hit Acme Corp last week.'),
    );
    expect(confidence('Acme Corp could lose $5 million in a ransomware attack, experts warned.')).toBeLessThan(
      confidence('Acme Corp lost $5 million in a ransomware attack, experts warned.'),
    );
  });

  test('"would leave the company exposed": no victim by reference', () => {
    const lede =
      'Ransomware attacks on retailers rose again this spring, a report found, and the gangs behind them asked for more money than ever. Shops that pay are hit again within months, and insurers have started to ask about backups before they renew a policy. Several states now require retailers to report an attack within days, and regulators have fined two chains for reporting late. ';
    const story = (s: string) => victims(`${lede}Analysts looked at many firms, among them Acme Corp, which sells garden tools. ${s}`);
    expect(story('Unpatched servers would leave the company exposed to a ransomware attack, regulators said.')).toEqual([null]);
    expect(story('Unpatched servers left the company exposed to a ransomware attack, regulators said.')).toEqual(['Acme Corp']);
  });
});

describe('whom a lure or a scam deceives (issue 8, round 13)', () => {
  const confidence = (text: string) => analyzeText(text, matcher, { published: '2024-05-20' }).incidents[0]?.victimConfidence ?? 0;
  test('"tricked X into", "defrauded X": the deceived are who was hit', () => {
    expect(confidence('A phishing scam tricked Acme Corp into wiring $2 million to the fraudsters.')).toBeGreaterThan(
      confidence('A phishing scam mentioned Acme Corp while wiring $2 million to the fraudsters.'),
    );
  });

  test('"trick Australians into": the people of a place, named as its people, not the place', () => {
    expect(victims('Scammers are trying to trick Australians into handing over their personal details in a phishing campaign.')).toEqual([
      'Australians',
    ]);
    expect(victims('Scammers in Australia sent a phishing campaign to bank customers.')).not.toContain('Australia');
  });
});

describe('the present of the attacker’s verb, as headlines write it (issue 8, round 13)', () => {
  const confidence = (text: string) => analyzeText(text, matcher, { published: '2024-05-20' }).incidents[0]?.victimConfidence ?? 0;
  test('"Ransomware hits X", "SamSam strikes X": the object is who was hit', () => {
    const body = '\n\nFiles on hundreds of computers were encrypted and the gang asked for a ransom in bitcoin.';
    expect(confidence(`Ransomware hits Acme Corp${body}`)).toBeGreaterThan(confidence(`Ransomware spotted at Acme Corp${body}`));
    expect(confidence(`SamSam ransomware strikes Acme Corp${body}`)).toBeGreaterThan(confidence(`SamSam ransomware and Acme Corp${body}`));
  });
});

describe('a name given to a thing (issue 8, round 13)', () => {
  test('"set up a news outlet called X": the lure the attacker made, not whom it hit', () => {
    const story = (s: string) =>
      victims(
        `Iranian hackers ran a phishing campaign against journalists this spring. The group set up a news outlet ${s} to lure targets in.`,
      );
    expect(story('called Acme Corp')).toEqual([null]);
    expect(story('at Acme Corp')).toEqual(['Acme Corp']);
  });
});

describe('where a place’s people or group were hit (issue 8, round 13)', () => {
  test('the place of "Australians" and "Turkish users" is the place by its own name', () => {
    const place = (text: string) => analyzeText(text, matcher, { published: '2024-05-20' }).incidents[0]?.place?.name;
    expect(place('Scammers are trying to trick Australians into handing over their personal details in a phishing campaign.')).toBe(
      'Australia',
    );
    expect(place('A phishing campaign targeted Turkish users this week, stealing passwords.')).toBe('Turkey');
  });
});

describe('the platform a lure runs on (issue 8, round 13)', () => {
  test('"ads on X" elsewhere in a phishing story: X is where, not who, without the text’s word that it was hit', () => {
    const story = (s: string) =>
      victims(
        `Phishing scam promises Acme Corp verification\n\nA phishing campaign promises page owners a verified badge from Acme Corp and steals their card details. The crooks pay for targeted ads${s} to reach them.`,
      );
    expect(story(' on Acme Corp')).toEqual([null]);
    expect(story('')).toEqual(['Acme Corp']);
  });
});

describe('the cues in more tenses and forms (issue 8, round 14)', () => {
  // A name after the lede, where only the text's words put it in the victim's role: without them it is a name near the attack (≤ 0.57).
  const lede =
    'Ransomware attacks on businesses keep growing this year, experts say, as gangs look for victims that cannot afford downtime. Backups and segmentation help, but many firms still lack both, and insurers have started to ask about them before they renew a policy. ';
  const confidence = (sentence: string, name: string) => {
    const incident = analyzeText(lede + sentence, matcher, { published: '2024-05-20' }).incidents.find((i) => i.victim?.name === name);
    return incident?.victimConfidence ?? 0;
  };

  test('the attacker’s verb in -ing: "crippling X", "disrupting X"', () => {
    expect(
      confidence(
        'The ransomware spread across networks over the weekend, crippling Greenfield Logistics and its depots.',
        'Greenfield Logistics',
      ),
    ).toBeGreaterThan(0.6);
  });

  test('"stolen unreleased records from X": words between the theft and whom it was from', () => {
    expect(
      confidence(
        'The hackers claim to have stolen unreleased customer records from Greenfield Logistics in a data breach.',
        'Greenfield Logistics',
      ),
    ).toBeGreaterThan(0.6);
  });

  test('"X has suffered", "X suffers"', () => {
    expect(confidence('Greenfield Logistics has suffered a ransomware attack.', 'Greenfield Logistics')).toBeGreaterThan(0.6);
    expect(confidence('Greenfield Logistics suffers ransomware attack, halting deliveries.', 'Greenfield Logistics')).toBeGreaterThan(0.6);
  });

  test('the ransom paid: "X paid a ransom", "by paying $17,000 to decrypt its files", "was forced to pay"', () => {
    const hospital = 'Greenfield Regional Hospital';
    expect(confidence(`Last month ${hospital} paid a ransom of $55,000 after a ransomware attack.`, hospital)).toBeGreaterThan(0.6);
    expect(
      confidence(`${hospital} made headlines by paying $17,000 to decrypt its files after a ransomware attack.`, hospital),
    ).toBeGreaterThan(0.6);
    expect(confidence(`${hospital} was forced to pay $44,000 to the ransomware operators.`, hospital)).toBeGreaterThan(0.6);
  });

  test('"a cyberattack on X" (one word), "X became the latest victim", "X is one of the victims"', () => {
    const name = 'Greenfield Logistics';
    expect(confidence(`Police are investigating a cyberattack on ${name} that encrypted files.`, name)).toBeGreaterThan(0.6);
    expect(confidence(`${name} became the latest victim of ransomware.`, name)).toBeGreaterThan(0.6);
    expect(confidence(`${name} is one of the victims of the ransomware attack.`, name)).toBeGreaterThan(0.6);
  });

  test('what the victim does about it: "X informed its customers", "X took its websites offline"', () => {
    const name = 'Greenfield Logistics';
    expect(confidence(`${name} informed its customers of a data breach.`, name)).toBeGreaterThan(0.6);
    expect(confidence(`${name} took its websites offline after a ransomware attack.`, name)).toBeGreaterThan(0.6);
  });

  test('"hacking into X", "records belonging to X", "X came under attack", "X shut down 2,000 computers"', () => {
    const name = 'Greenfield Logistics';
    expect(confidence(`The gang is accused of hacking into ${name} and stealing files.`, name)).toBeGreaterThan(0.6);
    expect(confidence(`The hackers leaked records belonging to ${name} on a forum.`, name)).toBeGreaterThan(0.6);
    expect(confidence(`${name} came under a ransomware attack on Monday.`, name)).toBeGreaterThan(0.6);
    expect(confidence(`${name} shut down 2,000 computers after a ransomware attack.`, name)).toBeGreaterThan(0.6);
  });

  test('negative: "hack into Microsoft based computers" names the kind of machine, not who was hit', () => {
    const incidents = analyzeText(
      `${lede}Hackers used a leaked ransomware toolkit to hack into Microsoft based computers around the globe.`,
      matcher,
      { published: '2024-05-20' },
    ).incidents;
    expect(incidents.map((i) => i.victim?.name)).not.toContain('Microsoft');
  });

  test('negative: paying for something else is no cue ("X paid $2,000 to the researcher as a bug bounty")', () => {
    expect(
      confidence('Greenfield Logistics paid $2,000 to the researcher as a bug bounty after a ransomware scare.', 'Greenfield Logistics'),
    ).toBeLessThan(0.6);
  });
});

describe('weak evidence names no victim (issue 8, round 16)', () => {
  const head = 'Ransomware attacks rose again this spring\n\nThe number of attacks on retailers rose by a third this spring. ';
  const confidence = (text: string) => analyzeText(text, matcher, { published: '2024-05-20' }).incidents[0]?.victimConfidence ?? 0;

  test('a name that opens a statement is not a victim for that alone; its word that it was hit is', () => {
    expect(confidence(`${head}Greenfield Logistics said that backups remain the best defence against ransomware.`)).toBeLessThan(0.5);
    expect(confidence(`${head}Greenfield Logistics said hackers encrypted its servers with ransomware.`)).toBeGreaterThan(0.6);
  });

  test('a name in the lede before the incident’s word, with no cue, is a weak guess', () => {
    expect(confidence(`${head}Greenfield Logistics counted 400 ransomware attacks in April.`)).toBeLessThan(0.5);
    expect(confidence(`${head}Greenfield Logistics was hit by a ransomware attack in April.`)).toBeGreaterThan(0.6);
  });

  test('"X reported that", "X discovered that": a word of its own incident must follow, as after "X confirmed"', () => {
    const phish = 'Phishing campaign spreads across Europe\n\nA phishing campaign is spreading across Europe. ';
    expect(confidence(`${phish}Greenfield Logistics reported that the phishing gang uses fake invoices.`)).toBeLessThan(0.5);
    expect(
      confidence(`${phish}Greenfield Logistics reported that hackers stole its customer data in the phishing attack.`),
    ).toBeGreaterThan(0.6);
    const ransom = 'Ransomware campaign spreads across Europe\n\nA ransomware campaign is spreading across Europe. ';
    expect(confidence(`${ransom}Greenfield Logistics discovered that the gang now sells access to other crews.`)).toBeLessThan(0.5);
  });
});
