import type { IncidentType } from '../../../shared/types';

/**
 * The words that report an incident of each type, with a weight: 3 names the incident outright
 * ("ransomware attack", "data breach"), 2 is good evidence ("stole data", "leak site"), 1 only counts
 * next to something stronger ("stolen", "the attack"). Matched case-insensitively on whole words.
 */
export interface Trigger {
  type: IncidentType;
  weight: number;
  re: RegExp;
  /** The alternatives without the word boundaries around them. */
  body: string;
}

const W = '[\\w-]*'; // the rest of a word ("encrypt" → "encrypted", "encryption")

/** What a flaw is called. */
const FLAW =
  '(?:vulnerabilit(?:y|ies)|flaws?|bugs?|zero[- ]days?|(?:heap|buffer|stack|integer) overflows?|use[- ]after[- ]free|memory corruption|(?:sql |command |code )?injection|authentication bypass|security (?:issues?|holes?)|loopholes?)';

/**
 * What a breach takes: data and the things people keep as data (messages, photos, contacts), named as the
 * object of a verb of taking or exposing ("managed to steal 200,000 private messages", "leaked photos").
 */
const LOOT_NOUNS =
  'data|information|records|files|details|documents|emails|names|addresses|tokens|messages|conversations|chats|photos|photographs|pictures|videos|contacts';
const LOOT = `(?:${LOOT_NOUNS})`;

/** What may follow a headline's bare participle: the end of a clause, or a word that goes on telling it ("by X", "in May"). */
const TELEGRAPHIC_END = `(?=\\s*(?:[,:;!|–—-]|$)|\\s+(?:by|in|on|after|as|via|at|for|online|again)\\b)`;

/**
 * A headline's passive without its auxiliary, telegraphic style for "was hacked" ("Quorvant Hacked, Customer
 * Data Stolen"): in a headline only, where the auxiliary is dropped; in prose the bare participle is an
 * adjective or a clause's end ("using customer data stolen earlier"). Not where the text says it did not happen.
 */
export const HEADLINE_HACKED = new RegExp(`(?<!\\b(?:not|never)\\s+)(?<=\\w[\\w'’.]*\\s+)(?:hacked|compromised)${TELEGRAPHIC_END}`, 'i');
/** The same of loot ("Customer Data Stolen", "200k Messages Leaked"): a breach, told in a headline. */
export const HEADLINE_TAKEN = new RegExp(
  `(?<!\\b(?:not|never|no)\\s+(?:[\\w-]+\\s+)?)\\b(?:${LOOT_NOUNS}|accounts|passwords|credentials)\\s+(?:stolen|leaked|exposed|taken|accessed|compromised)${TELEGRAPHIC_END}`,
  'i',
);

/** A sentence that names a security flaw (a fix for it makes it known). */
export const NAMES_A_FLAW = new RegExp(`\\b(?:${FLAW}|cve-\\d{4}-\\d+|security (?:fix(?:es)?|updates?|patch(?:es)?))\\b`, 'i');

/**
 * A discovery told in the passive, by whom ("They were discovered by researcher Jason Doyle last fall", "the
 * flaw, reported by Thomas Hibbert of Insomnia Security") or as the finder's credit ("was credited with
 * discovering the flaw"): a flaw made known, where one is named (the caller checks; "the malware was
 * found by researchers" is not).
 */
export const FOUND_BY =
  /\b(?:(?:discovered|found|uncovered|identified|reported|disclosed|spotted)(?: (?:and|or) (?:responsibly )?(?:disclosed|reported))? by|credited (?:with|for) (?:discovering|finding|reporting|identifying|uncovering))\b/i;

/** A fix not (yet) there: "has not been patched", "a fix is expected", "will release a patch", "unpatched". */
export const NO_FIX_YET = new RegExp(
  `\\b(?:${[
    `(?:not|\\w+n['’]t) (?:yet )?(?:been )?(?:patched|fixed|addressed)`,
    `(?:remains?|still|left|are|is) unpatched`,
    // A fix refused or out of reach: "Microsoft won't patch the flaw", "declined to fix it", "has no plans to patch".
    `(?:won['’]t|will not|would not|wouldn['’]t|refuse[sd]? to|declin(?:e[sd]?|ing) to|(?:has|have|had) no plans? to|(?:doesn['’]t|does not|don['’]t|do not|didn['’]t|did not) plan to|(?:is|are|was|were) (?:unable|not going|not planning) to|cannot|can['’]t|could not|couldn['’]t) (?:[\\w-]+ ){0,2}?(?:patch|fix|address)(?:es|ed|ing)?\\b`,
    `no (?:[\\w-]+ ){0,3}(?:patch|fix|update)(?:es|s)?`,
    `without (?:a|any) (?:patch|fix|update)(?:es|s)?`,
    `yet to (?:be )?(?:patch|fix|release|issue|address)\\w*`,
    `(?:until|before) (?:[\\w-]+ ){0,3}(?:patch|fix|address)(?:es|s)?`,
    // A fix told in the perfect or present after 'until' is still to come: "until after the underlying
    // vulnerabilities have been patched", "until it is fixed".
    `until (?:after )?(?:[\\w-]+ ){0,4}?(?:(?:has|have) been|is|are) (?:patched|fixed|addressed)`,
    `(?:will|plans? to|expects? to|(?:is|are) expected to|intends? to|(?:is|are) (?:still )?(?:working on|preparing)) (?:[\\w-]+ ){0,3}?(?:(?:release|issue|ship|roll out|publish|deliver|push|provide)\\w* (?:[\\w-]+ ){0,2}?(?:patch|fix|update)|(?:patch|fix|address)\\w*)`,
    `(?:working on|preparing) (?:a |an )?(?:[\\w-]+ )?(?:patch|fix|update)`,
    `(?:patch|fix|update)(?:es)? (?:is|are) (?:expected|coming|on (?:the|its) way|planned|due|in the works)`,
    `(?:upcoming|next|future) (?:[\\w-]+ ){0,2}(?:patch|fix|update|release)`,
  ].join('|')})`,
  'i',
);

function t(type: IncidentType, weight: number, ...words: string[]): Trigger {
  const body = words.join('|');
  return { type, weight, re: new RegExp(`\\b(?:${body})\\b`, 'gi'), body };
}

const TRIGGERS: Trigger[] = [
  t(
    'ransomware',
    3,
    `ransomware (?:attack|incident|gang|group|operators?|operations?|campaigns?|strains?|variants?|affiliates?|infection)s?`,
    `hit by ransomware`,
    `ransom demands?`,
    `demand(?:s|ed|ing)? (?:a |an )?(?:\\$[\\d,.]+ (?:million )?|[\\d,.]+ (?:bitcoin|btc) )?ransom`,
    `(?:data )?leak sites?`,
    `double extortion`,
    // Systems or data held hostage for money: "held to ransom", "holding its files for ransom", "ransom requests".
    `(?:held|holding|holds|hold) (?:[\\w'’-]+ ){0,4}?(?:to|for) ransom`,
    // The idiom without its preposition: "holding the developer ransom".
    `(?:held|holding|holds|hold) (?:the |a |an |its |their |his |her )?(?!(?:the|a|an|its|their|his|her) )[\\w'’-]+ ransom`,
    `ransom (?:requests?|payments? demands?)`,
  ),
  t(
    'ransomware',
    2,
    'ransomware',
    `encrypted (?:its |their |the )?(?:files|systems|servers|data|devices)`,
    `ransom (?:notes?|payments?)`,
    `paid (?:a|the) ransom`,
    `extortion`,
  ),
  // A decryptor is also a stage of a packed payload ("the decryptor's second iteration").
  t('ransomware', 1, 'ransom', `encrypt${W}`, `decryptors?`),

  t(
    'data-breach',
    3,
    `data breach(?:es)?`,
    `data[- ]theft`,
    `theft of (?:[\\w-]+ ){0,2}(?:data|information|records|details|credentials|emails)`,
    `(?:steal|steals|stole|stealing) (?:[\\w,.$'’-]+ ){0,2}${LOOT}`,
    `(?:stole|copied|took|downloaded|exfiltrated|obtained) (?:a |the )?(?:backup|copy|copies|trove|cache|database) of`,
    `(?:stole|took|copied|accessed|exfiltrated|downloaded|obtained) (?:[\\w-]+ ){0,3}source code`,
    `downloaded (?:the )?(?:data|information|records|files)`,
    `breach of (?:personal|customer|patient|user|employee|sensitive) (?:data|information)`,
    `(?:stole|exfiltrated|leaked|exposed|accessed|viewed|compromised|obtained|acquired|copied) (?:[\\w,.$'’-]+ ){0,4}?${LOOT}`,
    `credential[- ]stuffing`,
    `personal (?:data|information) of`,
    `unauthori[sz]ed access to (?:[\\w-]+ ){0,3}(?:data|information|records|systems|network|files|accounts|servers?|databases?)`,
    // Data said by where it went or came from: "accounts stolen from a database", "records taken from X".
    `(?:data|records|accounts|credentials|details|information|database|emails|passwords) (?:[\\w-]+ ){0,3}?(?:stolen|taken|obtained|exfiltrated|siphoned|copied) from`,
    `(?:records|accounts|customers|users|patients|employees) (?:were|was|had been|have been) (?:exposed|leaked|stolen|compromised|accessed)`,
  ),
  t(
    'data-breach',
    2,
    `breach(?:ed|es)?`,
    `(?:steal|stole|stealing) (?:[\\w-]+ ){0,2}(?:credentials|passwords)`,
    `exposed (?:database|server|bucket)s?`,
    `exfiltrat${W}`,
    `${LOOT} (?:was|were|had been|may have been|has been|have been) (?:stolen|taken|exposed|accessed|leaked|copied|exfiltrated|compromised)`,
    // Loot offered for sale: "the information was being sold online for $25 per customer".
    `(?:${LOOT_NOUNS}|accounts|credentials|databases?) (?:(?:is|are|was|were|has been|have been|had been|being) ){1,2}(?:sold|offered for sale|put up for sale|listed for sale|auctioned)`,
    `notif(?:y|ied|ying) (?:affected )?(?:customers|individuals|patients|users|employees)`,
    `unauthori[sz]ed (?:party|parties|third party|actors?|individuals?|users?|person|persons)`,
    `(?:accessed|compromised|breached) (?:the |some |several )?(?:[\\w-]+ ){0,2}(?:email )?accounts`,
    `(?:social security|credit card|passport) numbers`,
    `gained (?:unauthori[sz]ed )?access to`,
    `(?:took|take|taking|taken) over (?:[\\w-]+ ){0,3}accounts`,
    `leaked (?:data|database|documents)`,
    // Data offered or dumped in public: "selling a database of 126 million", "released records of 36 million members".
    `(?:selling|sold|sells|offering|auctioning|dumped|dumping|released|publishing|published) (?:a |an |the )?(?:[\\w,.-]+ ){0,3}?(?:databases?|records|user accounts|customer data|personal data|credentials) (?:of|belonging to|containing|with|from)`,
    `(?:unsecured|unprotected|misconfigured|publicly accessible|password-less|passwordless) (?:[\\w-]+ ){0,2}(?:databases?|servers?|buckets?|instances?)`,
  ),
  t('data-breach', 1, 'stolen', 'leak(?:ed|s)?', 'exposed'),

  t(
    'phishing',
    3,
    `(?:spear[- ]?)?phishing (?:campaigns?|attacks?|attempts?|emails?|e-mails?|messages?|texts?|sms|calls?|links?|urls?|domains?|sites?|websites?|pages?|kits?|scams?|schemes?|operations?|waves?|lures?)`,
    `(?:emails?|messages?|texts?|text messages|sms) (?:that )?(?:impersonat[\\w]*|claim(?:s|ing)? to (?:be|come) from|pretend[\\w]*|purport[\\w]*)`,
    `smishing`,
    `vishing`,
    `credential[- ]harvesting`,
    `fake login pages?`,
  ),
  // A scam delivered by e-mail, text or a fake page, or by someone posing as a brand, is phishing
  // ("a new WhatsApp scam", "scammers pretending to be Netflix", "tricked into handing over passwords").
  t(
    'phishing',
    3,
    `(?:e-?mail|text|sms|whatsapp|messaging|message|login|sign-in|tax[- ]refund|refund|delivery|parcel|voicemail) scams?`,
    `fake (?:e-?mails?|messages?|texts?|sms|forms?|invoices?|notifications?|alerts?)`,
    `(?:scammers?|fraudsters?|criminals|crooks|swindlers|con ?(?:men|artists)|cybercriminals) (?:are |were |have been |had been )?(?:pretend(?:ing|ed|s)?|pos(?:ing|ed|es) as|impersonat\\w*|masquerad\\w*|disguis\\w*)`,
    `trick(?:s|ed|ing)? (?:[\\w-]+ ){0,3}into (?:handing over|revealing|entering|sharing|giving|providing|typing|submitting)`,
    `by (?:pretending|posing|impersonating|masquerading) (?:to be |as )`,
  ),
  // Malicious spam is phishing's delivery by another name ("malspam", "spear-fishing").
  t('phishing', 3, `mal-?spam`, `malicious (?:spam|e-?mails?|attachments?)`, `spear-?fish(?:ing)?`),
  t('phishing', 2, `disguised as (?:an? |the )?(?:[\\w-]+ ){0,3}(?:e-?mails?|messages?|notifications?|invoices?|complaints?|notices?)`),
  t(
    'phishing',
    2,
    `(?:spear[- ]?)?phishing`,
    `(?:fake|fraudulent|bogus|spoofed|cloned|lookalike|look-alike|counterfeit|copycat) (?:websites?|sites?|login|sign-in|log-in|pages?|portals?)`,
    `(?:emails|messages|texts) (?:that )?(?:claim|pretend|purport|appear)`,
    `(?:collects?|harvests?|steals?|captures?|capturing|harvesting) (?:their |the |users['’]? |victims['’]? )?(?:[\\w-]+ ){0,2}(?:credentials|passwords|logins?)`,
    `(?:pretend|purport)(?:s|ed|ing)? to (?:be|come) from`,
    // Evidence, not the name: warnings and trend pieces speak of scam e-mails in general (the only rows it decided on
    // tuned CASIE were three without a phishing incident).
    `scam (?:e-?mails?|messages?|texts?|sms|websites?|sites?|pages?|forms?|links?)`,
    // In every tense: "someone posed as the company's CEO".
    `pos(?:ing|ed|es) as`,
    `malicious (?:emails|attachments|links)`,
    `lures?`,
    // Not software or a forged token posing as an account, a server or an application ("SAML tokens that
    // impersonate any of the organization's users", "impersonating Service Principals", "impersonating server").
    `impersonat${W}(?! (?:[\\w'’-]+ ){0,4}?(?:users?|accounts?|identit(?:y|ies)|tokens?|sessions?|process(?:es)?|threads?|administrators?|admins?|applications?|apps?|servers?|principals?)\\b)`,
  ),

  t(
    'ddos',
    3,
    `(?:ddos|distributed denial[- ]of[- ]service)(?! botnets?| services?| for hire| protection| mitigation)`,
    `denial[- ]of[- ]service attacks?`,
  ),
  t('ddos', 1, `knocked (?:\\w+ )?offline`, `flooded with traffic`),

  t(
    'espionage',
    3,
    `(?:cyber[- ]?)?espionage(?! groups?| actors?| crews?| tools?| toolkits?)`,
    `spy(?:ing)? (?:campaigns?|frameworks?|platforms?|operations?|toolkits?|tool ?sets?)`,
    `act of espionage`,
    // An espionage group is only the actor's description; an espionage group that attacks someone is the story.
    `(?:cyber[- ]?)?espionage (?:groups?|actors?|crews?|gangs?) (?:[\\w-]+ ){0,3}?(?:targets|targeted|targeting|attacks|attacked|attacking|compromis(?:es|ed|ing)|hits|infiltrat\\w+|breach(?:es|ed)|spies on|shifts (?:its )?(?:gaze|focus|sights)|(?:has|sets|set) (?:[\\w-]+ ){0,3}in (?:its|their) sights)`,
  ),
  // Spies, and targets that only spies go after (an espionage group is the actor's description, not an act).
  t(
    'espionage',
    2,
    `cyber[- ]?spies`,
    `(?:target(?:s|ed|ing)?|against|compromis(?:e|ed|ing)|infiltrat(?:e|ed|ing)) (?:[\\w-]+ ){0,3}(?:government(?:al)?|diplomatic|military|ministr(?:y|ies)|embass(?:y|ies)|dissidents|journalists|activists|think tanks?)(?: \\w+)?`,
  ),
  t(
    'espionage',
    1,
    `advanced persistent threats?`,
    `apt (?:groups?|actors?)`,
    `(?:collect|steal|exfiltrat)\\w* (?:sensitive |confidential |classified )?(?:documents|intelligence)`,
    `spyware`,
  ),
  t(
    'espionage',
    2,
    `spy(?:ing)? on`,
    `intelligence[- ]gathering`,
    `apt (?:frameworks?|campaigns?|attacks?|operations?|intrusions?)`,
    `(?:state|government|nation[- ]state)[- ](?:sponsored|backed|supported|linked|aligned) (?:hackers|actors?|threat actors?|groups?|hacking groups?|operators|tools|campaigns?)`,
    `nation[- ]state hackers`,
  ),

  t(
    'supply-chain',
    3,
    `supply[- ]chain (?:attack|compromise|incident|breach)s?`,
    `trojani[sz]ed (?:updates?|installers?|versions?|packages?)`,
    `malicious (?:npm |pypi |python |nuget |rubygems |open[- ]source |code )?packages?`,
  ),
  // Code slipped into what others build on or install: a library, a package, a build, an update.
  t(
    'supply-chain',
    3,
    `(?:inject|insert|plant|smuggl|sneak|hid|add)\\w* (?:[\\w-]+ ){0,2}code (?:in|into) (?:[\\w.'’-]+ ){0,4}(?:librar(?:y|ies)|packages?|modules?|dependenc(?:y|ies)|updates?|builds?|installers?|plugins?|extensions?|sdks?)`,
    `(?:librar(?:y|ies)|packages?|modules?|dependenc(?:y|ies)|plugins?|extensions?) (?:was|were|had been|has been|have been) (?:compromised|hijacked|backdoored|trojani[sz]ed|injected)`,
    `malicious (?:dependenc(?:y|ies)|librar(?:y|ies)|modules?)`,
  ),
  t('supply-chain', 2, `compromised (?:software )?updates?`),
  t('supply-chain', 1, `supply[- ]chain`),

  t('wiper', 3, `wiper(?: malware| attacks?)?`, `(?:wiped|erased|destroyed) (?:data|systems|disks|hard drives|files)`),
  t(
    'wiper',
    3,
    `(?:wipe[sd]?|wiping|overwrit(?:e|es|ing|ten)|destroy(?:s|ed|ing)?|eras(?:e|es|ed|ing)) (?:the |all |its |their |any |remote |writable |available |local )?(?:[\\w-]+ ){0,2}(?:disks?|drives?|mbr|master boot records?|hard drives|partitions?|workstations)`,
    `disk[- ]?wip\\w*`,
  ),
  t(
    'wiper',
    2,
    `destructive (?:malware|attacks?|components?|functionality|payloads?|nature|capabilit(?:y|ies)|operations?|portion)`,
    `render(?:s|ed|ing)? (?:the |a )?(?:machines?|systems?|computers?|devices?|hosts?) (?:unusable|inoperable|unbootable)`,
  ),

  t(
    'fraud',
    3,
    `business email compromise`,
    `bec (?:scams?|attacks?)`,
    `wire fraud`,
    `(?:investment|crypto(?:currency)?|romance|tech support) scams?`,
  ),
  t(
    'fraud',
    2,
    `fraudsters?`,
    `defrauded`,
    `fraudulent (?:transfers?|transactions?|payments?|wires?|invoices?)`,
    `scammers?`,
    `stolen funds`,
    `(?:stole|stealing|siphoned) \\$?[\\d.,]+ ?(?:million|billion)`,
  ),

  t('fraud', 1, `fraud${W}`, `scam${W}`),

  t(
    'vulnerability-exploitation',
    3,
    `exploited in the wild`,
    `actively exploited`,
    `(?:under|active|mass) exploitation`,
    `exploitation attempts`,
    `exploited (?:a |the )?(?:zero[- ]day|vulnerabilit(?:y|ies)|flaws?|bugs?)`,
    `being exploited`,
    `have been exploited`,
    `has been exploited`,
    `were exploited`,
    `was exploited`,
  ),
  t('vulnerability-exploitation', 1, `exploit(?:ing|ed)`),

  t(
    'vulnerability-disclosure',
    3,
    `(?:found|discovered|devised|demonstrated|uncovered) (?:a )?(?:new )?(?:way|method|technique) to`,
    `reported (?:their|the|its) findings`,
  ),
  t(
    'vulnerability-disclosure',
    3,
    // The base form as a headline's present ("Researchers discover flaw ..."), not as an aim ("bounties to find bugs").
    `(?<!\\bto )(?:discover(?:s|ed)?|disclos(?:e|es|ed)|finds?|found|uncover(?:s|ed)?|identif(?:y|ies|ied)|reported) (?:a |an |the |two |three |several |multiple |new )?(?:[\\w-]+ ){0,3}${FLAW}`,
    `(?:is|are|was|were|remain) vulnerable to`,
    `(?:demonstrated|presented|showed) (?:a |an )?(?:new )?(?:[\\w-]+ ){0,2}(?:attack|exploit|bypass)(?:es|s)? (?:that|which|against|on|to)`,
    `(?:discovered|found|uncovered|identified) (?:a |an |the )?(?:[\\w-]+ ){0,3}(?:backdoors?|weakness(?:es)?|security (?:issues?|holes?)|loopholes?)`,
    `proof[- ]of[- ]concept`,
  ),
  t('vulnerability-disclosure', 1, `tracked as cve`, `cvss (?:score|v3)`),
  t(
    'vulnerability-disclosure',
    2,
    `vulnerabilit(?:y|ies)`,
    `(?:flaws?|bugs?|vulnerabilit(?:y|ies)) in (?:[\\w-]+ ){1,4}(?:lets?|allows?|enables?|could|can)`,
    `(?:vulnerability|flaw|bug) (?:could|can|would) (?:allow|let|enable)`,
    `(?:security|critical|severe|serious|high[- ]severity|software|firmware|zero[- ]day|exploitable|unpatched) (?:flaws?|bugs?)`,
    `zero[- ]days?`,
    `remote code execution`,
    `privilege escalation`,
    `bypass(?:es|ed|ing)? (?:the |a |an |its )?(?:[\\w'’-]+ ){0,3}(?:authentication|protections?|security|detection|feature|checks?|login|lock|screen|sandbox)`,
  ),

  t('vulnerability-disclosure', 1, `flaws?`, `bugs?`),

  t(
    'patch',
    3,
    `(?:fix|patch|address|resolve)(?:es|s)? (?:the |a |an |two |three |several |multiple )?(?:[\\w-]+ ){0,3}${FLAW}`,
    `(?:released|issued|published|rolled out) (?:[\\w.-]+ ){0,3}security (?:notes?|bulletins?|advisor(?:y|ies)|fixes|releases?)`,
    `patch (?:day|release)`,
  ),
  t(
    'patch',
    3,
    `(?:released|issued|rolled out|shipped|pushed|published) (?!(?:an? |the )?(?:malicious|trojani[sz]ed|fake|rogue|compromised|poisoned|tampered|backdoored))(?:[\\w.-]+ ){0,3}(?:patch(?:es)?|fix(?:es)?|updates?|firmware)`,
    `patch tuesday`,
    `security updates?`,
    // A fix said to be out is a fix released ("fixes are available for most of the impacted devices", "the
    // proper updates, which are currently available"); not one awaited ("once a patch is available").
    `(?<!\\b(?:when|once|if|until|before|whether|soon as) (?:[\\w-]+ ){0,2})(?:patch|fix|update|hotfix)(?:es|s)?,? (?:which |that )?(?:is|are|has been|have been) (?:now |currently |already )?(?:available|out)`,
    // Not a tool "patched or modified" by its users to evade detection.
    `(?:(?:has|have|had) (?:(?:since|now|already|finally|also) )?been|was|were) (?:patched|fixed|addressed)(?! (?:or|and) (?:modified|altered|changed|tweaked))`,
    `(?:has|have) (?:patched|fixed|addressed)(?! (?:or|and) (?:modified|altered|changed|tweaked))`,
    `(?:patched|fixed|addressed|resolved) (?:the |a |an |two |three |several |multiple )?(?:[\\w-]+ ){0,2}(?:vulnerabilit(?:y|ies)|flaws?|bugs?|issues?)`,
    `hotfix${W}`,
  ),
  t(
    'patch',
    2,
    // Not the adjective of an up-to-date system ("computers running fully patched versions").
    `(?<!\\b(?:fully|completely) )patch(?:es|ed|ing)?(?! (?:policy|policies|cycles?|cadences?|management|strateg(?:y|ies)|process(?:es)?|schedules?|windows?))`,
    `fixes (?:for|to)`,
    // A flaw's fix told in a few words: "version 1.8.20p1 fixes it",
    // "developers were able to close the loopholes", "received fixes over the summer".
    `fix(?:es|ed) (?:it|them)`,
    `(?:mitigat|remediat|clos|plug)\\w* (?:the |these |those |both |all )?(?:[\\w-]+ ){0,2}(?:issues?|loopholes?|holes?|flaws?|vulnerabilit(?:y|ies)|bugs?)`,
    `(?:received|got|gets|receives) (?:[\\w-]+ ){0,2}(?:fixes|patches)`,
    `(?:urged|advised|told|asked) (?:[\\w-]+ ){0,2}to (?:update|upgrade|patch|install)`,
    `(?:update|upgrade) to (?:version )?\\d`,
    `fixed in`,
    `updated? versions?`,
    `mitigations?`,
    `workarounds?`,
  ),

  t(
    'cyberattack',
    3,
    `cyber[- ]?attacks?`,
    `(?:cyber ?security|security|cyber) incidents?`,
    `(?:was|were|been|got) hacked`,
    `network intrusion`,
  ),
  t(
    'cyberattack',
    2,
    `hack(?:ers|ing)?`,
    `intrusions? (?:at|into|on|of)`,
    `(?:network|cyber|system) intrusions?`,
    `breached`,
    `attack on`,
    `attacked`,
    `compromised`,
  ),
  t('cyberattack', 1, `the attack`, `outage`),
];

/**
 * All triggers in one expression, strongest first, one capture group each: one scan of the text
 * instead of one per trigger. At a given position the first (strongest) alternative that matches wins.
 */
export const TRIGGERS_BY_WEIGHT: Trigger[] = [...TRIGGERS].sort((a, b) => b.weight - a.weight);
// The leading boundary is checked once per position rather than once per trigger, and only where a word
// begins (every trigger starts with a letter): most positions fail there, before any of the
// alternatives is tried. Same matches, about twice as fast.
export const ALL_TRIGGERS = new RegExp(`\\b(?=\\w)(?:${TRIGGERS_BY_WEIGHT.map((tr) => `((?:${tr.body})\\b)`).join('|')})`, 'gi');

/**
 * The same expression without the case-insensitive flag, for text already in lower case: V8 scans a
 * case-sensitive alternation several times faster. (The trigger words are written in lower case.)
 */
export function caseSensitiveTwin(re: RegExp): RegExp {
  return new RegExp(re.source, re.flags.replace('i', ''));
}

/** Sentences that explain or hedge rather than report: their triggers count for little. */
export const GENERIC =
  /\b(?:you|your|yourself|typically|usually|in general|generally|is a type of|are a type of|is a form of|refers to|how to|what is|tips?|best practices?|protect (?:yourself|your)|if any|not clear|unclear|no evidence|no sign|no indication|(?:not|never) (?:yet )?(?:found|seen) (?:any )?evidence|found no evidence|not aware|whether|(?:may|might) not be|unlike)\b/gi;

/**
 * Figures about many incidents are a trend, not an incident: a survey, a study, shares and counts
 * ("49% of businesses fell victim to ransomware", "phishing attacks rose by 65 percent").
 */
export const STATISTICS =
  /\b(?:\d+(?:\.\d+)? ?(?:%|per ?cent)|(?:one|two|three|four) in (?:every )?(?:\d+|two|three|four|five|ten)|surveys?|surveyed|respondents|polled|(?:report|study|research|survey|data|figures|statistics) (?:found|finds|shows?|showed|reveals?|revealed|suggests?)|(?:rose|grew|fell|dropped|increased|decreased|jumped|surged|spiked|climbed) (?:by )?\d|(?:increase|decrease|rise|growth|drop|jump|surge|spike) (?:of|in) (?:\d|the number)|year[- ]over[- ]year|(?:the )?number of (?:[\w-]+ ){0,2}(?:attacks|incidents|infections|victims|campaigns))/gi;

/**
 * What an attacker could do is the risk of a flaw, not an attack that happened: "a hacker could use
 * those flaws", "could allow an attacker to", "attackers can exploit", "a flaw that can be exploited to bypass
 * a protection and steal data" (the sentence-wide test reaches an attack word further from its "can").
 */
export const HYPOTHETICAL =
  /\b(?:(?:can|could|may|might|would) (?:also |potentially |then )?be (?:exploited|abused|leveraged|used) (?:[\w-]+ ){0,3}?to|(?:attackers?|hackers?|adversar(?:y|ies)|criminals|intruders?|someone|anyone|bad actors?|malicious (?:users?|actors?|parties))\s+(?:\w+\s+)?(?:could|can|would|might|may)|(?:could|can|would|might|may) (?:potentially )?(?:allow|let|enable|permit) (?:an? |the )?(?:[\w-]+ )?(?:attackers?|hackers?|adversar(?:y|ies)|users?|someone|anyone))\b/gi;

/**
 * What a tool is for or able to do describes it, not an attack that happened: "a RAT that can be used
 * to steal information", "its purpose is to exfiltrate files", "capable of stealing documents".
 */
export const CAPABILITY =
  /\b(?:can (?:be used to|also|then|even)|could be used to|(?:is|are) (?:able|capable|designed|built|meant|intended|used) to|(?:was|were) (?:designed|built|meant|intended) to|capable of|capabilities|(?:purpose|goal|aim|function|objective|intent) (?:is|was|of (?:\w+ ){1,3}is) (?:\w+ )?to|(?:allows?|enables?|lets) (?:it|them|the (?:attackers?|operators?|actors?|malware|backdoor|tool|implant|trojan|rat))|(?:tool|program|script|plugin|module|utility) used to|(?:it|the (?:malware|tool|implant|backdoor|trojan|rat|script|plugin|module|sample|payload|program|binary|dropper|loader|stealer)) (?:also |then |first )?(?:uses|sends|collects|steals|exfiltrates|gathers|monitors|uploads|encrypts|creates|checks|searches|looks for|downloads|decrypts)\b)/gi;

/** A warning to watch out for scams is advice, not a phishing or fraud incident. */
export const WARNING = /\b(?:watch (?:out )?for|be wary|beware|on the lookout|on alert|be cautious|be suspicious)\b/gi;

/** Advice starts a sentence with an imperative ("Avoid ...", "Always install ..."). */
export const IMPERATIVE =
  /\b(?:avoid|always|never|make sure|be sure|be careful|beware|don['’]t|do not|use|keep|install|turn on|check|enable|learn|consider|remember)\b/gi;

/** Words that make a sentence report a happening: past events, reporting verbs, numbers of victims, a fix or a version said to be available. */
export const EVENT =
  /\b(?:was|were|has been|have been|had been|said|says|confirmed|disclosed|announced|reported|revealed|notified|detected|discovered|suffered|hit|targeted|claimed|stole|leaked|released|issued|patched|fixed|published|warned|experienced|became aware|is investigating|investigating|found|uncovered|identified|(?:is|are) targeting|targets|(?:attackers|hackers|scammers|cybercriminals|criminals|fraudsters|threat actors?) (?:are|have|has|were|had)|claiming|demanded|listed|posted|threatened|began|begun|launched|affected|impacted|exposed|encrypted|observed|spotted|uncovered|compromised|breached|attacked|exploited|infected|shut down|took|taken|knocked|forced|(?:is|are|was|were) vulnerable to|demonstrated|presented|(?:patch|fix|update|hotfix|version|release)(?:es|s)?,? (?:which |that )?(?:is|are|has been|have been) (?:now |currently |already )?available)\b/gi;

/**
 * What governs an attack word from just before it in its clause when the word tells of something that
 * did not (or not yet) happen: an ability or a risk ("malware that can steal data", "capable of stealing",
 * "vulnerable to data theft"), an aim or an attempt ("efforts to steal passwords", "the goal is to steal
 * information", "tried to breach"), a condition ("whether data was stolen"), or a denial ("no personal
 * data was compromised", "did not steal", "didn't steal": a contraction's "n't" has no word boundary
 * before it). Tested, on lower-cased text, against the words that end right at the trigger. A realised
 * ability ("were able to steal") and a hedged report ("may have been accessed", "not only stole") are
 * happenings and do not match.
 */
export const UNREAL_BEFORE =
  /(?:\b(?:can|cannot|could|would|might|will|may(?! have)|(?<!(?:was|were) )able|capable|capabilit(?:y|ies)|ability|designed|meant|intended|intends?|wants?|wanted|attempt(?:s|ed|ing)?|tr(?:y|ies|ied|ying)|efforts?|intent(?:ion)?|aim(?:s|ed|ing)?|goal|purpose|vulnerable|susceptible|risks?|allows?|enables?|lets|whether|if)\b[^.;:!?]{0,50}|(?:\bno\s+(?:[\w'’-]+\s+)?|(?:\b(?:not(?! only)|never|without|nor|abandon(?:s|ed|ing)?)|\Bn['’]t)\s+(?:[\w'’-]+\s+){0,3}))$/;

/**
 * Advice governs the attack or fix word after it in its clause: what someone should do, or is told or
 * recommended to do, is not something that happened ("organisations should apply patches", "we recommend
 * that customers update", "CISA and the FBI recommend that organizations place an increased priority on
 * patching", "users need to watch for phishing emails"). Present or modal only: "Microsoft urged users to
 * install the update" reports a fix released, and "must have accessed" guesses at what happened. Tested like UNREAL_BEFORE.
 */
export const ADVICE_BEFORE =
  /\b(?:should|must(?! have\b)|ought to|needs? to|(?:we |strongly |also )?(?:recommend|advise|urge|encourage)s?(?! by)|(?:is|are) (?:strongly )?(?:recommended|advised|urged|encouraged))\b[^.;:!?]{0,60}$/;

/**
 * The verbs of taking, spying and posing that open attack triggers, as stems (a list item's bare form, the
 * present's -s or -es). Not a ransomware's or a wiper's verbs (encrypt, demand, wipe, destroy): there what
 * the malware does names the kind of attack, and a report on the malware is that story.
 */
const ATTACK_VERBS =
  'steal|exfiltrate|harvest|collect|capture|impersonate|access|expose|cop(?:y|ie)|download|obtain|compromise|infiltrate|target|sell|take';

/**
 * An attack word that opens with a verb in the simple present of the third person ("the malware steals
 * passwords", "PurpleWave also steals session-related files", a feature list's "Steals
 * written CD images.", "Collects browser passwords") tells what a tool or a group does as a rule, not
 * what happened to someone: news reports a happening in the past or perfect (a headline's present is read
 * apart). Matched on the lower-cased trigger.
 */
export const GENERIC_PRESENT = new RegExp(`^(?:${ATTACK_VERBS})e?s\\b`);

/**
 * The bare verb opening a sentence has no subject: an item of a list of what a tool or an actor can do
 * ("harvest login credentials;") or an instruction. Matched on the lower-cased trigger at a sentence's start.
 */
export const BARE_VERB = new RegExp(`^(?:${ATTACK_VERBS})\\b`);

/** An incident told as an earlier one ("previous reports describing phishing attacks", "prior breaches"; not "prior to this attack"). */
export const EARLIER_BEFORE = /\b(?:previous|prior(?! to\b))\s+(?:[\w-]+\s+){0,3}$/;

/**
 * A participle that names what was taken before, as an adjective after a preposition or an adverb of
 * time ("articles based on leaked emails", "using previously compromised credentials", "accounts from
 * reported breaches"): the text tells of the loot's use, not of the theft. Tested like UNREAL_BEFORE, on
 * the words before a trigger that begins with such a participle (PARTICIPLE).
 */
export const TAKEN_BEFORE =
  /\b(?:on|with|from|using|use[sd]?|via|through|into|in|about|against|previously|already|freshly|earlier|formerly|once)\s+$/;
export const PARTICIPLE = /^(?:stolen|leaked|exposed|compromised|breached|hacked|accessed|obtained|exfiltrated|copied|reported)\b/;
