import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../lib/worker/engine';
import { compileMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';

const matcher = compileMatcher(seedCatalogue());
const types = (text: string) =>
  analyzeText(text, matcher, { published: '2024-05-20' })
    .incidents.map((i) => i.type)
    .sort();

describe('incident types in threat reports', () => {
  test('a spying framework or an espionage group targeting governments is espionage', () => {
    expect(
      types(
        'Researchers found a full-blown spying framework used against a diplomatic entity in Central Asia. The spying framework consists of two packages and steals documents.',
      ),
    ).toContain('espionage');
    expect(
      types(
        'The cyberespionage group targeted government entities in the region. The group compromised ministries and embassies with a backdoor. The espionage group has been active since 2014.',
      ),
    ).toContain('espionage');
  });

  test('negative: talk of spying without a campaign is not espionage', () => {
    expect(types('Parents worry that apps spy on children. A new law was passed on Tuesday.')).not.toContain('espionage');
  });

  test('destructive malware that wipes disks is a wiper attack', () => {
    expect(
      types(
        'The malware hit the Winter Olympics. Its destructive functionality wipes the master boot record and renders the machines unusable. The destructive attack took systems offline.',
      ),
    ).toContain('wiper');
  });

  test('negative: ransomware deleting shadow copies is not a wiper', () => {
    expect(
      types('The ransomware attack encrypted files at Acme Corp. The ransomware deletes shadow copies before encrypting the data.'),
    ).not.toContain('wiper');
  });

  test('negative: the decryptor stage of a packed payload is not ransomware', () => {
    expect(
      types(
        'Hackers compromised the national data center of a Central Asian country in a cyberattack. The patched code jumps back to the decryptor’s second iteration, which then runs the backdoor. The cyberattack gave the hackers access to government resources.',
      ),
    ).not.toContain('ransomware');
  });

  test('an aside on ransomware does not name a spying campaign that the text tells at length', () => {
    const text =
      'The threat actor compromised a national data center in Central Asia. The attackers targeted government websites with watering-hole scripts. ' +
      'The intrusion gave the actor access to government resources. The attack used a new backdoor. ' +
      'The actor did not deploy ransomware.';
    expect(types(text)).not.toContain('ransomware');
  });

  test('a flaw and its fix, both told with strong words, are two incidents; a fix mentioned in passing is not', () => {
    expect(
      types(
        'Researchers discovered a critical vulnerability in the Acme router firmware, tracked as CVE-2024-1234. The researchers disclosed the flaw to Acme in March. ' +
          'Acme released a patch on May 2. The security update fixes the vulnerability. Users should install the security update.',
      ),
    ).toEqual(['patch', 'vulnerability-disclosure']);
    expect(
      types(
        'Researchers discovered a critical vulnerability in the Acme router firmware, tracked as CVE-2024-1234. The researchers disclosed the flaw to Acme in March. The flaw lets attackers run code. A fix is expected.',
      ),
    ).toEqual(['vulnerability-disclosure']);
  });
});

describe('a flaw and its fix: one story in two steps', () => {
  test('a vendor fixing a security flaw makes the flaw known: patch and disclosure', () => {
    expect(
      types(
        'Acme patches critical flaw in its VPN gateway\n\nAcme on Tuesday released a security update for its VPN gateway that fixes a critical remote code execution flaw tracked as CVE-2024-2222.',
      ),
    ).toEqual(['patch', 'vulnerability-disclosure']);
  });

  test('negative: an update that fixes no security flaw discloses nothing', () => {
    expect(
      types('Acme released an update for its photo app on Tuesday. The update fixes crashes and patches a display glitch, Acme said.'),
    ).not.toContain('vulnerability-disclosure');
  });

  test('a disclosure that tells of the fix released once reports the patch; a fix still to come does not', () => {
    const flaw =
      'Researchers at Lumen disclosed a critical vulnerability in the Orbix mail server that lets attackers read any mailbox. The flaw, CVE-2024-3333, affects all versions. ';
    expect(types(flaw + 'Orbix fixed the issue in version 4.2.')).toEqual(['patch', 'vulnerability-disclosure']);
    expect(types(flaw + 'Orbix said it will release a patch next month.')).toEqual(['vulnerability-disclosure']);
    expect(types(flaw + 'The flaw has not yet been patched.')).toEqual(['vulnerability-disclosure']);
    expect(types(flaw + 'No patch has been released, and the bug remains unpatched until Orbix fixes it.')).toEqual([
      'vulnerability-disclosure',
    ]);
  });
});

describe('a flaw and its fix are one story, whatever words of time the fix is told with', () => {
  test('a patch story reports the flaw it fixes though the fix is told "in the past month"', () => {
    expect(
      types(
        'Orbix chips get fixes\n\nDetails have been made public this week of a pairing weakness in Orbix chips. ' +
          'Phone makers list the bug as patched in the July security update. Patches for CVE-2024-5383 are already rolling out, with Lenovo posting updates in the past month.',
      ),
    ).toEqual(['patch', 'vulnerability-disclosure']);
  });
});

describe('phishing told in its own strong words is an event of its own, even as the way in (issue 8)', () => {
  test('the e-mails that let a ransomware attack in are reported beside it', () => {
    expect(
      types(
        'Ransomware attack hits Acme Health\n\nAcme Health was hit by a ransomware attack on Monday that encrypted its servers, the hospital said. ' +
          'The attack began with phishing emails sent to staff, the hospital said. The ransomware gang demanded a ransom of $2 million. ' +
          'The hospital refused to pay the ransom demand. One nurse had opened a malicious attachment. The hackers encrypted files on 300 computers.',
      ),
    ).toEqual(['phishing', 'ransomware']);
  });
});

describe('an espionage group is the actor, not an espionage incident', () => {
  test('zero-days exploited by a Chinese espionage group: an exploitation story', () => {
    const text =
      'Ivanti zero-days exploited by Chinese espionage group\n\nIvanti warned customers on Wednesday that two zero-day vulnerabilities in its Connect Secure VPN appliances, CVE-2023-46805 and CVE-2024-21887, are being exploited in the wild. ' +
      'Researchers at Volexity attributed the attacks to a suspected Chinese state-backed group they track as UTA0178.';
    expect(types(text)).not.toContain('espionage');
    expect(types(text)).toContain('vulnerability-exploitation');
  });
});

describe('the headline says what the story is', () => {
  test('a type the headline names is named outright, though the body tells it in weaker words', () => {
    expect(
      types(
        'Orbix phones have a serious security flaw\n\nWe noticed this week that the lock screen of Orbix phones can be skipped by pressing two keys. Orbix said it is looking into the issue.',
      ),
    ).toContain('vulnerability-disclosure');
  });

  test('negative: advice in a headline names no incident', () => {
    expect(
      types(
        'How to protect your phone from a security flaw\n\nKeep the system up to date. Always lock the screen, and remember that a security flaw can be anywhere.',
      ),
    ).toEqual([]);
  });
});

describe('a scam delivered by message or a sender posing as a brand is phishing', () => {
  test('scammers posing as a streaming service with fake e-mails: phishing, not a fraud of its own', () => {
    const got = types(
      'Scammers pose as Streamly in new e-mail scam\n\nSubscribers of Streamly are being sent fake emails asking them to update their payment details. ' +
        'The scammers are pretending to be Streamly and link to a page run by the scammers, police said on Monday.',
    );
    expect(got).toContain('phishing');
    expect(got).not.toContain('fraud');
  });

  test('scam e-mails are evidence of phishing, not its name: said once they make no incident, beside a lure they do', () => {
    expect(
      types('Police said on Monday that scam emails had been sent to residents. The police reminded people to report them.'),
    ).not.toContain('phishing');
    expect(types('Acme Bank said scam emails linking to a fake login page were sent to its customers on Monday.')).toContain('phishing');
  });

  test('negative: an investment scam with no message or impersonation stays fraud', () => {
    expect(
      types(
        'Police said an investment scam defrauded 300 retirees of $4 million last year. The fraudsters promised returns of 20 percent.',
      ),
    ).toEqual(['fraud']);
  });

  test('negative: attackers posing as another group of attackers (a false flag) lure no one', () => {
    expect(
      types(
        "Hackers posing as the Cyber Caliphate took over the broadcaster's social media accounts and posted propaganda, officials said.",
      ),
    ).not.toContain('phishing');
    expect(types('Hackers posing as the Lazarus Group took over the bank’s accounts, officials said.')).not.toContain('phishing');
    expect(types('Russian hackers posing as an Iranian hacktivist gang defaced the ministry’s website, officials said.')).not.toContain(
      'phishing',
    );
    // Posing as a person or a brand is still the lure.
    expect(types('Hackers posing as the bank’s chief executive tricked payroll staff, officials said.')).toContain('phishing');
  });

  test('negative: what an attacker could do with a spoofing flaw is not a phishing attack', () => {
    expect(
      types(
        'Orbix patches address bar spoofing flaw\n\nOrbix fixed a spoofing vulnerability in its browser on Monday. Attackers could abuse the flaw in phishing campaigns that show fake login pages impersonating banks.',
      ),
    ).not.toContain('phishing');
  });
});

describe('phishing named by what it sends or how it is run is phishing told outright (issue 8)', () => {
  test.each(['phishing attempts', 'phishing texts', 'phishing links', 'a phishing scheme'])('%s', (what) => {
    expect(
      types(
        `Acme Bank said on Wednesday that its customers had been the target of ${what} since January. The bank reported it to the police.`,
      ),
    ).toContain('phishing');
  });
});

describe('malicious spam is phishing', () => {
  test('malspam, malicious attachments, spear-fishing', () => {
    expect(
      types(
        'Hancitor malspam was disguised as parking ticket notices last week. The malicious spam carried Word documents with macros that installed Pony.',
      ),
    ).toContain('phishing');
  });

  test('negative: an e-mail campaign, a spam run or wave is no phishing by itself (a marketing mailing is one)', () => {
    expect(
      types(
        'Acme Retail said its e-mail campaign reached two million customers in May. The e-mail campaign was run by its marketing team, the company said, and a second e-mail wave followed.',
      ),
    ).not.toContain('phishing');
  });

  test('negative: spam filters and e-mail products are not phishing', () => {
    expect(
      types('Acme released a new spam filter for its e-mail product on Tuesday. The company said the update improves performance.'),
    ).not.toContain('phishing');
  });
});

describe('what the story reports, not what it mentions (issue 8)', () => {
  test('an espionage group that attacks someone is an espionage story; the group named alone is not', () => {
    expect(
      types(
        'Relentless Espionage Group Targets Organizations in Saudi Arabia\n\nThe espionage group targeted organizations in Saudi Arabia and the United States over the past three years. Symantec said the group used a range of tools.',
      ),
    ).toContain('espionage');
    expect(types('The espionage group has been active since 2014. A new law was passed on Tuesday.')).not.toContain('espionage');
  });

  test('what a tool can do or is for is a description, not a breach; the same words told as a happening are', () => {
    expect(
      types(
        'Researchers analysed a new remote access trojan called Plink. The trojan can be used to steal information from an infected computer. It is capable of stealing documents and passwords. Its purpose is to exfiltrate files to a server in the cloud. The trojan is designed to steal data from browsers.',
      ),
    ).not.toContain('data-breach');
    expect(
      types(
        'Researchers analysed a new remote access trojan called Plink. The trojan steals information from infected computers. It stole documents and passwords. It exfiltrated files to a server in the cloud. The trojan stole data from browsers.',
      ),
    ).toContain('data-breach');
  });

  test('a trend told in figures is not an incident', () => {
    expect(
      types(
        'Ransomware attacks rose 30% in 2016, survey finds\n\n49% of businesses fell victim to ransomware attacks in 2016, according to a new survey. The number of ransomware attacks rose by 30 percent, the report found. One in five companies paid a ransom, respondents said.',
      ),
    ).toEqual([]);
  });

  test('a fix shipped, told once in a news story of an attack, is reported too; a tool "patched or modified" is no fix', () => {
    expect(
      types(
        'Hackers breached Acme Corp and stole customer data\n\nHackers broke into the network of Acme Corp and stole the names and addresses of 40,000 customers, the company said on Monday. The attackers exploited a flaw in its web server software. The company said it notified affected customers. Vendor Widget released a security update for the flaw on Tuesday.',
      ),
    ).toContain('patch');
    expect(
      types(
        'Buckeye group shifts focus to Hong Kong\n\nThe espionage group attacked organizations in Hong Kong. Many of its hacking tools are open source applications that have been patched or modified by the group to evade detection. The group used spear-phishing emails.',
      ),
    ).not.toContain('patch');
  });

  test('data theft told in its own strong words stays a breach beside the ransomware attack', () => {
    expect(
      types(
        'Ransomware attack hits Acme Health\n\nAcme Health was hit by a ransomware attack that encrypted its servers on Monday, the hospital said. The attackers also stole the medical records of 55,000 patients. The hospital refused to pay the ransom demand.',
      ),
    ).toEqual(['data-breach', 'ransomware']);
  });
});

describe('the headline and the opening say what a story is about (issue 8)', () => {
  test("a page's headline that the text does not repeat names the incident; offsets stay the text's own", () => {
    const body =
      'Acme Health said on Monday that its computer systems were disrupted over the weekend. The hospital is working with outside investigators. Patients were diverted to other hospitals while the systems were restored.';
    const run = (title?: string) => analyzeText(body, matcher, { published: '2024-05-20', title }).incidents;
    expect(run().map((i) => i.type)).not.toContain('ransomware');
    const [incident] = run('Ransomware attack hits Acme Health');
    expect(incident.type).toBe('ransomware');
    for (const sp of incident.spans) expect(sp.start).toBeGreaterThanOrEqual(0);
    if (incident.victim?.start !== undefined) expect(body.slice(incident.victim.start, incident.victim.end)).toBe(incident.victim.name);
    // A text that opens with its headline is not given it twice.
    const withHead = `Ransomware attack hits Acme Health\n\n${body}`;
    expect(analyzeText(withHead, matcher, { title: 'Ransomware attack hits Acme Health' }).incidents).toEqual(
      analyzeText(withHead, matcher).incidents,
    );
  });
});

describe('the headline keeps its story (issue 8)', () => {
  test('a type the headline names stays beside a longer story told in the body', () => {
    const body = Array.from(
      { length: 8 },
      (_, i) => `The attackers stole customer records from database ${i + 1} and leaked the stolen data online, the company said.`,
    ).join(' ');
    expect(types(`Espionage group targets Acme Corp\n\n${body}`)).toContain('espionage');
  });

  test('a Unicode hyphen reads as a hyphen', () => {
    expect(
      types(
        'Hospital hit by denial‑of‑service attack\n\nA denial‑of‑service attack took the hospital website down on Monday, officials said.',
      ),
    ).toContain('ddos');
  });
});

describe('a hack that took data is a data breach (issue 8, CASIE data-breach recall)', () => {
  test('an untyped hack after which files leaked is a data breach', () => {
    const t = types(
      'Athletics body says it was hacked\n\nThe Halden Athletics Federation said Monday that it was the victim of a cyberattack by a hacking group. Medical files of athletes were later leaked online.',
    );
    expect(t).toContain('data-breach');
    expect(t).not.toContain('cyberattack');
  });

  test('negative: a hack that crashed a phone and took nothing stays a hack', () => {
    const t = types(
      'Latest message hack crashes phones within minutes\n\nA new hack crashes the phone when a crafted message arrives. Attackers hacked the devices of several users on Monday, who had to restart them.',
    );
    expect(t).not.toContain('data-breach');
  });
});

describe('the headline and lede say what the story is (issue 8)', () => {
  const body =
    'Researchers have followed the group since 2016. The group targets government agencies in Hong Kong and the US. ' +
    'Since March the group has mostly focused on organizations in Hong Kong, deploying a new backdoor. ' +
    'The attackers exploited several zero-day vulnerabilities in Internet Explorer to install the backdoor. ' +
    'The group has used at least eight zero-day vulnerabilities, and discovered four new flaws in Windows. ' +
    'The attackers stole documents and emails from file servers. ' +
    'In one case the group exfiltrated data from a ministry.';
  const spying = 'Cyberespionage group shifts its gaze to the US and Hong Kong';

  test('a spying campaign told in the headline: the flaws its exploits use and the data it takes are its means and aim, not other stories', () => {
    expect(types(`${spying}\n\n${body}`)).toEqual(['espionage']);
  });

  test('negative: a breach the lede tells of, or a text whose headline names no campaign, still reports it', () => {
    expect(types(`${spying}\n\nThe group stole documents from government agencies in a data breach. ${body}`)).toContain('data-breach');
    expect(types(`New backdoor spreads in Hong Kong\n\n${body}`)).toEqual(['data-breach', 'vulnerability-disclosure']);
  });

  test('negative: a ransomware story keeps the data breach told further down (the extortion and the leak are two events)', () => {
    const text =
      'Hackers demand ransom from Acme Corp after ransomware attack\n\n' +
      'Acme Corp said a ransomware attack encrypted its servers last week. The ransomware gang demanded a ransom of $5 million. ' +
      'The company refused to pay. On Monday the hackers leaked the stolen data of 20,000 customers, including names and addresses. ' +
      'The data breach exposed customer records in five states. Acme said the hackers stole personal information of customers and employees.';
    expect(types(text)).toEqual(['data-breach', 'ransomware']);
  });

  test('attack talk the text does not type belongs to the type the headline names, not to the tools it lists', () => {
    const text =
      'Elfin: Relentless espionage group targets multiple organizations in Saudi Arabia and U.S.\n\n' +
      'The group has attacked 50 organizations since 2016. It has compromised a wide range of targets, including governments and engineering firms. ' +
      'In one instance, a large U.S. company was attacked in the same month that a company it co-owns was compromised. ' +
      'DarkComet: a commodity RAT used to open a backdoor on an infected computer and steal information. ' +
      'NanoCore: a commodity RAT used to open a backdoor on an infected computer and steal information. ' +
      'Later the attackers exfiltrated data using an FTP tool.';
    const t = types(text);
    expect(t).toContain('espionage');
    expect(t).not.toContain('data-breach');
  });

  test('flaws told as exploited by an attack are its way in (exploitation), not flaws made known', () => {
    const text =
      'New backdoor spreads through booby-trapped documents\n\nThe attackers sent documents with exploits for a vulnerability in Microsoft Office to staff at several firms. ' +
      'The documents abuse the Office vulnerability CVE-2017-0199 to drop the backdoor. A second wave used exploits for the Equation Editor vulnerability CVE-2017-11882. ' +
      "Both vulnerabilities were exploited to install the backdoor on the firms' computers. The backdoor collects files and sends them to a server.";
    expect(types(text)).toEqual(['vulnerability-exploitation']);
  });

  test('negative: a flaw researchers discovered stays a disclosure, however it could be exploited', () => {
    const text =
      'Researchers find vulnerability in Microsoft Office\n\nResearchers discovered a vulnerability in Microsoft Office, tracked as CVE-2017-0199. ' +
      'The vulnerability could be exploited to run code when a user opens a document. Microsoft released a patch for the vulnerability on Tuesday.';
    expect(types(text)).toEqual(['patch', 'vulnerability-disclosure']);
  });

  test('a trigger word inside a file name, a path or an address is part of a name, not prose', () => {
    const text =
      "Attackers trojanized the vendor's software updates\n\nThe attackers compromised the build server of Acme Software and inserted a backdoor into the update. " +
      'The trojanized update was served from hxxps://downloads.acme-soft[.]com/core/2019.4/Acme-Core-v2019.4-Hotfix5.msp to customers. ' +
      'The package Acme-Core-v2019.4-Hotfix5.msp contains the backdoored Acme.Core.BusinessLayer.dll. ' +
      'Log entries appear under Microsoft-Windows-Security-Mitigations/KernelMode when it runs. The supply chain attack hit thousands of customers.';
    expect(types(text)).toEqual(['supply-chain']);
  });

  test('negative: the same word in prose still counts', () => {
    const text =
      'Acme ships a fix\n\nThe attackers compromised the build server of Acme Software and inserted a backdoor into the update. ' +
      'Acme released a hotfix for the flaw on Friday, Hotfix5, and urged customers to update to version 2019.5.';
    expect(types(text)).toContain('patch');
  });

  test('a forged token or an application that impersonates an account is not a phishing lure', () => {
    const text =
      'How the intruders moved through Acme Corp cloud accounts\n\nThe cyberattack on Acme Corp began in March, when hackers compromised its network. ' +
      'The actor stole the token-signing certificate of the victim organization. This let the actor forge SAML tokens that impersonate any of the organization’s existing users. ' +
      'The actor then read users’ emails by impersonating existing applications that hold the Mail.Read permission. The actor also added credentials to service principals, impersonating highly privileged accounts.';
    expect(types(text)).toEqual(['cyberattack']);
  });

  test('negative: messages or people impersonating a bank are phishing', () => {
    const text =
      'Bank customers targeted\n\nScammers sent messages impersonating Halvorsen Bank to its customers last week. ' +
      'The attackers were impersonating the bank’s support staff to steal logins. Customers who clicked were sent to a fake login page.';
    expect(types(text)).toEqual(['phishing']);
  });
});

describe('an actor known for spying tells what its attack is for (issue 8)', () => {
  const report =
    'Microsoft has tied STRONTIUM to a new pattern of credential harvesting attacks aimed at organizations involved in elections. ' +
    'Between September and June, STRONTIUM launched credential harvesting attacks against tens of thousands of accounts. ' +
    'The group used password spraying from thousands of addresses. STRONTIUM also relied on spear phishing emails in earlier campaigns.';

  test('credential harvesting by a state spying group (APT28) is espionage, and still phishing', () => {
    const incidents = analyzeText(report, matcher, { published: '2020-09-10' }).incidents;
    const spying = incidents.find((i) => i.type === 'espionage');
    expect(spying?.actor?.key).toBe('actor:apt28');
    // The actor says what the attack is for, not whom it hit: no victim guessed from the actor's sentences.
    expect(spying?.victim).toBeUndefined();
    expect(incidents.map((i) => i.type)).toContain('phishing');
  });

  test('negative: the same report by a group known for money is not espionage', () => {
    expect(types(report.replaceAll('STRONTIUM', 'FIN7'))).not.toContain('espionage');
  });

  test('negative: a spying group named once in a patch story makes no espionage', () => {
    expect(
      types(
        'Microsoft released security updates for 61 vulnerabilities on Patch Tuesday. One flaw had been exploited by APT28, the company said. The updates fix Windows and Office.',
      ),
    ).not.toContain('espionage');
  });
});

describe('news says a breach and a fix in other words (issue 8, CASIE recall)', () => {
  test('accounts stolen from a database and sold, or unauthorised access to a web server, are a data breach', () => {
    expect(
      types(
        'A vendor is selling 640,000 accounts of PlayStation users on a dark web marketplace. The accounts were stolen from an unknown database, the vendor said.',
      ),
    ).toContain('data-breach');
    expect(
      types(
        'We recently became aware of unauthorised access to the web server supporting our website by an external infiltrator. Specialist consultants confirmed that the server had been accessed.',
      ),
    ).toContain('data-breach');
  });

  test('negative: a database that stores records, or a server taken offline, is no breach', () => {
    expect(
      types('The hospital moved its patient records to a new database last year. The server was taken offline for maintenance.'),
    ).not.toContain('data-breach');
  });

  test('a flaw patched by its maker, told once in an attack story, is a patch too', () => {
    expect(
      types(
        'Ransomware scammers have been exploiting a flaw in Mobile Safari in a campaign to extort fees from users. The scammers demanded a ransom of $100 in iTunes gift cards. Apple patched the vulnerability on Monday with iOS 10.3.',
      ),
    ).toContain('patch');
  });

  test('negative: a service repaired after an outage is no patch', () => {
    expect(
      types(
        'Ransomware scammers have been targeting users in a campaign to extort fees. The scammers demanded a ransom of $100 in iTunes gift cards. The company fixed the outage on Monday.',
      ),
    ).not.toContain('patch');
  });
});

describe('what a tool does, told in the present, describes it (issue 8)', () => {
  test('negative: the tool used to exfiltrate data, whose purpose was to steal credentials, is described, not a breach', () => {
    expect(
      types(
        'ESET analysed the Dog stealer. The tool used to exfiltrate data from infected machines is written in .NET. The purpose was obviously to steal credentials.',
      ),
    ).not.toContain('data-breach');
  });

  test('the same words told of a victim, in the past, are a data breach', () => {
    expect(
      types(
        'Hackers broke into Acme Corp last week. The attackers exfiltrated the stolen data of 40,000 customers over FTP, the company said. They stole credentials of its employees.',
      ),
    ).toContain('data-breach');
  });
});

describe('a headline that tells a trend in words heads no attack of its own (issue 8)', () => {
  const body =
    'New variants of an Android ransomware family have appeared over the past six months, some 600 in all. The ransomware encrypts files and demands a ransom in bitcoin. Researchers published the figures on Tuesday.';

  test('negative: "SLocker ransomware variants surge" over a count of variants reports no ransomware attack', () => {
    expect(types(`SLocker Ransomware Variants Surge\n\n${body}`)).not.toContain('ransomware');
  });

  test('the same text under a headline that names an attack reports it', () => {
    expect(types(`SLocker ransomware hits Android users\n\n${body}`)).toContain('ransomware');
  });

  test('"the rise of" a group names its emergence, not a trend: its attack is still reported', () => {
    expect(
      types(
        'The Rise of Zorbex: Analyzing Disruptive Wiper Attacks\n\nThe Zorbex group used spear-phishing emails with malicious attachments against banks in Ukraine. The destructive malware wiped the disks of the banks in December.',
      ),
    ).toContain('wiper');
  });

  test('negative: a share told in words ("three-quarters of all malware") is a trend headline', () => {
    const text = (head: string) =>
      `${head}\n\nPhishing campaigns delivered most of the malware detected last year, a new report from the firm found. Attackers sent phishing emails with malicious attachments to staff.`;
    expect(types(text('Phishing attacks responsible for three-quarters of all malware'))).not.toContain('phishing');
    expect(types(text('Phishing attacks deliver malware to staff'))).toContain('phishing');
  });

  test('a headline’s present tense and a possessive among the words before the loot still tell a theft', () => {
    expect(
      types(
        "Malware Steals Driver's License Information From Acme Stores\n\nAcme Stores said on Monday that malware on its checkout terminals had been running since March. About 20,000 customers were affected, the company said.",
      ),
    ).toContain('data-breach');
  });

  test('a share in a report’s body tells how much one victim lost, not a trend', () => {
    expect(types('Hackers stole the personal data of half of the users of Acme Corp, the company said on Monday.')).toContain(
      'data-breach',
    );
  });

  test('a trend headline still reports an attack on someone named', () => {
    expect(
      types(
        'Ransomware attacks surge as Acme Hospital is hit\n\nAcme Hospital was hit by a ransomware attack on Monday that encrypted its servers. The attackers demanded a ransom of $50,000.',
      ),
    ).toContain('ransomware');
  });
});

describe('a flaw named in passing in a long report is not a flaw it discloses (issue 8)', () => {
  const steps = Array.from(
    { length: 45 },
    (_, i) => `In step ${i + 1} the loader reads its configuration from the registry and starts the next module.`,
  );
  const flaw = [
    'Researchers discovered a new vulnerability in Microsoft Office, CVE-2017-0199, which the documents use.',
    'The researchers reported the vulnerability to Microsoft, which confirmed the flaw in April.',
  ];
  const report = (body: string[]) =>
    `Phishing campaign targets banks in Asia\n\nThe phishing campaign sent malicious emails to banks in Asia last month. ${body.join(' ')}`;

  test('negative: a flaw told in two of fifty sentences of a phishing report is no disclosure', () => {
    const got = types(report([...steps.slice(0, 15), ...flaw, ...steps.slice(15)]));
    expect(got).toContain('phishing');
    expect(got).not.toContain('vulnerability-disclosure');
  });

  test('the same sentence in a short story is a disclosure', () => {
    expect(types(report(flaw))).toContain('vulnerability-disclosure');
  });

  const fix = 'Microsoft released a security update for the flaw in Office.';
  test('negative: a fix told once in fifty sentences of a phishing report is no patch story', () => {
    const got = types(report([...steps.slice(0, 15), fix, ...steps.slice(15)]));
    expect(got).toContain('phishing');
    expect(got).not.toContain('patch');
  });

  test('a fix released, told once in a long text that tells no attack (a product’s news), is still a patch', () => {
    const product = Array.from(
      { length: 45 },
      (_, i) => `Section ${i + 1} of the review covers the phone's camera, its battery and its price.`,
    );
    const text = `Acme ships new phones\n\n${[...product.slice(0, 25), 'Acme also said it patched a critical vulnerability in its firmware that let attackers take over the phones.', ...product.slice(25)].join(' ')}`;
    expect(types(text)).toContain('patch');
  });

  test('the same fix in a short story, or beside a flaw the long report tells at length, is a patch', () => {
    expect(types(report([fix]))).toContain('patch');
    const told = Array.from({ length: 3 }, () => flaw).flat();
    expect(types(report([...steps.slice(0, 15), ...told, fix, ...steps.slice(15)]))).toContain('patch');
  });
});

describe('an attack word told as an ability, an aim or a denial reports nothing that happened (issue 8)', () => {
  test('negative: malware that can steal, or has the capability to steal, is no data breach', () => {
    expect(
      types(
        'The mobile apps of seven banks in India were infected with malware that can steal sensitive financial information, a study has revealed. Researchers said the malware has the capability to steal user credentials.',
      ),
    ).not.toContain('data-breach');
  });

  test('negative: efforts to steal passwords, and data that was not compromised, are no data breach', () => {
    expect(
      types(
        'PayPal has notified law enforcement of the fake site and its efforts to steal password information, a spokesperson said. The company said no personal data was compromised.',
      ),
    ).not.toContain('data-breach');
  });

  test('negative: what a flaw can be exploited to do, however far the attack word sits from the "can", is its risk', () => {
    expect(
      types(
        'Acme Browser flaw allows theft of passwords\n\nA security researcher has discovered a vulnerability in Acme Browser that can be exploited to bypass a security protection feature and steal data such as passwords from other sites. The researcher explains the attack step by step on his blog.',
      ),
    ).toEqual(['vulnerability-disclosure']);
  });

  test('negative: a denial told with a contraction is a denial', () => {
    for (const not of ["didn't", 'wasn’t able to', "haven't"])
      expect(
        types(`Acme Corp said on Monday that the intruders ${not} steal customer records. The company restored its systems from backups.`),
      ).not.toContain('data-breach');
  });

  test('the same words told as done are a data breach', () => {
    expect(
      types(
        'The mobile apps of seven banks in India were infected with malware that stole sensitive financial information, a study has revealed. Researchers said the malware stole user credentials.',
      ),
    ).toContain('data-breach');
  });

  test('a realised ability and a hedged report still tell a happening', () => {
    expect(
      types(
        'Hackers were able to steal the personal data of 40,000 customers from Acme Corp, the company said on Monday. Names and addresses may have been accessed by an unauthorized party.',
      ),
    ).toContain('data-breach');
  });
});

describe('loot named by its earlier taking is not the theft (issue 8)', () => {
  test('negative: articles based on leaked emails report no data breach', () => {
    expect(
      types(
        'The journalist had published a series of articles based on leaked emails of government officials, the researchers said. The journalist’s site reported stories based on leaked documents of the ministry.',
      ),
    ).not.toContain('data-breach');
  });

  test('the same loot told as taken is a data breach', () => {
    expect(
      types(
        'The journalist had published a series of articles about emails that hackers leaked from government officials, the researchers said. The hackers leaked documents of the ministry.',
      ),
    ).toContain('data-breach');
  });

  test('negative: actors who abandoned ransomware report no ransomware attack', () => {
    expect(
      types(
        'Threat actors abandoned ransomware as their primary payload last year, researchers said. The actors abandoned ransomware attacks for banking trojans.',
      ),
    ).not.toContain('ransomware');
  });
});

describe('"exploited" tells of a flaw only where a flaw is named (issue 8)', () => {
  const story = (middle: string) =>
    'An espionage group altered DNS records of government domains in the Middle East, researchers said. The group spied on ministries for two years. It used servers in Iran. ' +
    middle;

  test('negative: a technique or a hijacking "exploited" by attackers is no exploited flaw', () => {
    expect(
      types(
        story(
          'The technique was exploited by the attackers against dozens of domains. The DNS hijacking has been exploited at a scale that shows the actors’ skill.',
        ),
      ),
    ).not.toContain('vulnerability-exploitation');
  });

  test('a flaw named in the sentence, or the one before, is exploited', () => {
    expect(
      types(
        story(
          'The flaw in the VPN appliance was exploited by the attackers against dozens of domains. The vulnerability has been exploited at a scale that shows the actors’ skill.',
        ),
      ),
    ).toContain('vulnerability-exploitation');
  });
});

describe('an incident told as an earlier one is background (issue 8)', () => {
  test('negative: previous reports of phishing attacks, prior phishing emails, report no phishing', () => {
    expect(
      types(
        'The actor altered DNS records of the registrar, researchers said. Customers have received previous reports describing sophisticated phishing attacks used by the actor. Prior phishing emails of the group were also described.',
      ),
    ).not.toContain('phishing');
  });

  test('the same attacks told as the story are phishing', () => {
    expect(
      types(
        'The actor altered DNS records of the registrar, researchers said. Customers have received reports describing sophisticated phishing attacks used by the actor. New phishing emails of the group were also described.',
      ),
    ).toContain('phishing');
  });
});

describe('a fix told in a few words in a disclosure story is the patch (issue 8)', () => {
  const flaw = 'Researchers at Qualys discovered a flaw in Sudo, tracked as CVE-2017-1000367, that lets a local user gain root privileges.';
  test.each([
    'The flaw has since been fixed.',
    'Sudo 1.8.20p1 fixes it, the maintainers said.',
    'The maintainers were able to close the loopholes within hours.',
    'Both issues received fixes over the summer, the researchers said.',
  ])('%s', (fix) => {
    expect(types(`${flaw} ${fix}`)).toEqual(['patch', 'vulnerability-disclosure']);
  });

  test('a fix said to be available is the patch; one awaited is not', () => {
    const zeroDay =
      'Cisco and Apache issue warnings over zero-day flaw\n\nCisco says it has observed active attacks against a zero-day vulnerability in Apache Struts. The vulnerability was disclosed on Monday.';
    expect(types(`${zeroDay} Administrators could apply the proper updates, which are currently available.`)).toContain('patch');
    expect(types(`${zeroDay} Administrators could apply the proper updates once a fix is available.`)).not.toContain('patch');
  });

  test('a bug found and then told as fixed in a breach story still reports the flaw', () => {
    expect(
      types(
        'Security researchers found a bug in Acme Cloud that exposed customer files. The bug was quickly fixed after the report, Acme said.',
      ),
    ).toContain('vulnerability-disclosure');
  });

  test('negative: the same story without the fix, or with one not made, reports only the flaw', () => {
    expect(types(flaw)).toEqual(['vulnerability-disclosure']);
    expect(types(`${flaw} The maintainers still haven't fixed it, the researchers said.`)).toEqual(['vulnerability-disclosure']);
  });
});

describe('systems or data held hostage for money are the ransom story (issue 8)', () => {
  test.each([
    'Acme Video Productions was held to ransom by hackers last week, its managing director said. The hackers locked the company out of its own systems.',
    // The idiom without its preposition.
    'Acme Games said hackers are holding the developer ransom for an undisclosed figure, threatening to publish its game files.',
  ])('%s', (text) => {
    expect(types(text)).toContain('ransomware');
  });

  test('data stolen and then used to extort money, or bought back, stays a data breach', () => {
    expect(
      types(
        'Acme Corp data breach: hackers extort $2 million\n\nAcme Corp said hackers stole the records of 3 million customers from its servers last month. The attackers are trying to extort money from the company by threatening to publish the files.',
      ),
    ).toContain('data-breach');
    expect(
      types(
        'Acme Corp paid hackers $1 million ransom to delete stolen data\n\nAcme Corp said hackers broke into its network and stole the personal information of 57 million users in 2016. The company paid the hackers $100,000 to delete the data and keep the breach quiet.',
      ),
    ).toContain('data-breach');
  });

  test('negative: advice never to pay a ransom, or an attempt to extort, reports no ransom story', () => {
    const got = types(
      'Experts said companies should never pay a ransom to criminals. Police said the gang tried to extort money from shops in the town but failed.',
    );
    expect(got).not.toContain('ransomware');
  });
});

describe('a discovery told in a headline’s present is a disclosure (issue 8)', () => {
  const body = 'The bug lets anyone with the phone read photos the owner had deleted. Apple said a fix is on the way.';
  test('"Researchers discover flaw ..." heads a disclosure', () => {
    expect(types(`Security researchers discover flaw allowing access to deleted photos on iPhone\n\n${body}`)).toContain(
      'vulnerability-disclosure',
    );
  });

  test('negative: a discovery told as an aim ("paid hackers to find bugs") discloses nothing', () => {
    expect(types(`Apple pays hackers to find bugs in its phones\n\nThe company runs a bounty programme for its phones.`)).not.toContain(
      'vulnerability-disclosure',
    );
  });
});

describe('what a breach takes: data and what people keep as data (issue 8)', () => {
  test('messages, photos or contacts taken are a data breach, however many', () => {
    expect(
      types(
        'A hacker who calls himself Cipher0007 managed to steal 200,000 private messages from the market, the site confirmed on Monday.',
      ),
    ).toContain('data-breach');
    expect(types('Acme Dating said on Monday that an intruder accessed the private photos and contacts of 5,000 members.')).toContain(
      'data-breach',
    );
  });

  test('negative: messages a tool can read are its ability, not a breach', () => {
    expect(types('The spyware can steal private messages and photos from the phone, the researchers said on Monday.')).not.toContain(
      'data-breach',
    );
  });
});

describe('a flaw and its fix told in an attack story are one story (issue 8)', () => {
  const attack =
    'Acme Hospital was hit by a ransomware attack on Monday that encrypted files across its network, the hospital said. ' +
    'The ransomware attack forced staff back to paper records. The attackers got in through a flaw in its VPN server, the hospital said.';
  test('a fix released for the flaw the attack used makes the flaw known too', () => {
    expect(types(`${attack} Acme Systems has since released a patch for the vulnerability.`)).toEqual([
      'patch',
      'ransomware',
      'vulnerability-disclosure',
    ]);
  });

  const breach =
    'Hackers broke into the Acme Market and stole the private data of 200,000 users, the site said on Monday. ' +
    "The hacker said he found two bugs in the market's software and used them to get in. The hacker disclosed the flaws to the company on Reddit.";
  test('the flaw the attack story tells keeps its fix, told as done', () => {
    expect(types(`${breach} The market's developers fixed the flaws on Tuesday.`)).toEqual([
      'data-breach',
      'patch',
      'vulnerability-disclosure',
    ]);
  });

  test('negative: a fix not yet made is no patch beside the flaw', () => {
    expect(types(`${breach} The market's developers have not fixed the flaws yet, the hacker said.`)).not.toContain('patch');
  });
});

describe('a fix told as an up-to-date system or as still to come is no patch (issue 8)', () => {
  const flaw = 'Researchers at Acme Labs discovered a heap overflow flaw in the Edge browser, the company said on Friday.';
  test('"fully patched versions" describes the systems hacked, not a fix', () => {
    expect(types(`${flaw} The contest pays for hacks that hijack computers running fully patched versions of Windows.`)).toEqual([
      'vulnerability-disclosure',
    ]);
  });

  test('"until after the vulnerabilities have been patched" is a fix still to come', () => {
    expect(
      types(
        `${flaw} The researchers said they keep the details confidential until after the underlying vulnerabilities have been patched.`,
      ),
    ).toEqual(['vulnerability-disclosure']);
  });

  test('negative: the same words told as done are the patch', () => {
    expect(types(`${flaw} The researchers said the underlying vulnerabilities have been patched.`)).toContain('patch');
  });
});

describe('a fix refused is no patch (issue 8)', () => {
  const flaw =
    'Microsoft zero-day to stay unpatched\n\nResearchers discovered a zero-day vulnerability in IIS 6.0 that attackers exploited last summer.';
  test.each([
    "Microsoft won't patch the flaw because it stopped supporting Windows Server 2003.",
    'Microsoft declined to patch the vulnerability.',
  ])('negative: %s', (fix) => {
    expect(types(`${flaw} ${fix}`)).toEqual(['vulnerability-disclosure']);
  });

  test('the fix released is the patch', () => {
    expect(types(`${flaw} Microsoft has patched the flaw in an update.`)).toEqual(['patch', 'vulnerability-disclosure']);
  });
});

describe('a flaw found by someone, told in the passive, is disclosed (issue 8)', () => {
  const lede = 'Acme security cameras can be easily disabled by an attacker in Bluetooth range, a researcher has found.\n\n';
  test('"They were discovered by researcher X" after the sentence naming the flaws', () => {
    expect(
      types(
        `${lede}The vulnerabilities are present in the latest firmware version running on the devices. They were discovered by researcher Jason Doyle last fall and reported to Acme. Triggering one of these flaws will make the devices crash and reboot.`,
      ),
    ).toContain('vulnerability-disclosure');
  });

  test('negative: malware found by researchers is no flaw made known', () => {
    expect(
      types(
        'A new banking trojan spreads through fake apps. The malware was discovered by researchers at ESET last week. The trojan steals login details from banking apps.',
      ),
    ).not.toContain('vulnerability-disclosure');
  });
});

describe('loot offered for sale, told in the passive, is a breach (issue 8)', () => {
  const body =
    '\n\nInsurance Australia Group said on Wednesday it had found the personal details of customers of one of the big four banks online, at $25 per customer.';
  test('"customer details being sold on the dark web"', () => {
    expect(types(`Big bank's customer details being sold on the dark web, insurer says${body}`)).toContain('data-breach');
  });

  test('negative: the same details only found, or data that might be for sale, are no breach', () => {
    expect(types(`Big bank's customer details found on the dark web, insurer says${body}`)).not.toContain('data-breach');
    expect(
      types('We look for where our data might be up for sale. The company said on Wednesday that it sells data to advertisers.'),
    ).toEqual([]);
  });
});

describe('what a tool does as a rule, and advice, are no happening (issue 8)', () => {
  test('negative: an attack verb in the simple present tells what a tool does, not a breach', () => {
    expect(types('The Lumo app steals contacts and text messages from the phone, researchers at Acme Labs said on Monday.')).not.toContain(
      'data-breach',
    );
    expect(types('PurpleWave also steals session files from the Telegram application.')).not.toContain('data-breach');
  });

  test('negative: a list of what actors can do with a device, each item a bare verb, is no breach', () => {
    expect(
      types(
        'The actors used the compromised routers to:\n\n- harvest login credentials;\n- steal account data;\n- copy configuration files.',
      ),
    ).toEqual([]);
  });

  test('a headline tells its story in the present: there the verb still reports a breach', () => {
    expect(types('Gang steals records of 3 million Acme customers\n\nAcme confirmed the incident on Monday.')).toContain('data-breach');
  });

  test('negative: a fix recommended is not a fix released', () => {
    expect(types('Administrators should apply the security updates as soon as they can, the agency said on Monday.')).not.toContain(
      'patch',
    );
    expect(types('We recommend that organisations install the security updates for their routers, the agency said.')).not.toContain(
      'patch',
    );
  });

  test('"must have" guesses at what happened: no advice', () => {
    expect(types('Acme said on Monday that the attackers must have accessed customer records in March.')).toContain('data-breach');
  });

  test('a fix released, with the same words, is a patch', () => {
    expect(types('Acme released security updates for its routers on Monday, the agency said.')).toContain('patch');
  });
});

describe('an attack researchers built or showed to make a point is no attack of its own (issue 8)', () => {
  test('negative: a researcher’s ransomware attack on a simulated water plant reports no ransomware', () => {
    expect(
      types(
        'Researcher develops ransomware attack that targets water supply\n\nA PhD student experimented with a simulated water treatment system and showed how its controllers can be hacked. In a month he developed a ransomware attack that took control of the controllers and demanded a ransom.',
      ),
    ).not.toContain('ransomware');
  });

  test('negative: researchers who were able to infect robots with ransomware', () => {
    expect(
      types(
        'Ransomware for robots is the next security nightmare\n\nResearchers found they were able to infect robots with ransomware. The ransomware attack demanded a ransom in bitcoin.',
      ),
    ).not.toContain('ransomware');
  });

  test('researchers telling what attackers were able to do report the attack', () => {
    expect(
      types(
        'Ransomware for robots is the next security nightmare\n\nResearchers said attackers were able to infect robots with ransomware. The ransomware attack demanded a ransom in bitcoin.',
      ),
    ).toContain('ransomware');
  });
});

describe('a word of time that says no more than "before" is no background cue (issue 8)', () => {
  test('"in the past" is no background cue of its own: it also opens a recent span ("in the past few days")', () => {
    expect(
      types(
        'Ransomware hits Acme Bank\n\nRansomware encrypted the servers of Acme Bank on Monday, the bank said. Customers of Acme Bank have received phishing emails in the past few days, the bank warned.',
      ),
    ).toEqual(['phishing', 'ransomware']);
  });
});
