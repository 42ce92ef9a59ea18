/**
 * A ransomware's blow told as something that happened to someone: machines infected, files encrypted,
 * a network locked or crippled, a ransom demanded or paid ("were infected with the OSIRIS ransomware",
 * "hit hundreds of thousands of PCs", "hackers demanded a ransom", "locked more than 300,000 computers").
 * The verb after an auxiliary ("have been infected") or before its object (a determiner, a number, a
 * possessive: "infected his TV"); not the adjective of a thing ("demand $1,000 from infected users") nor
 * the simple present of what a family does as a rule ("encrypts all the files, and demands a ransom").
 */
const VERB =
  'infected|hit|struck|attacked|breached|locked|encrypted|affected|crippled|paralyzed|paralysed|disrupted|demanded|paid|extorted|held';
/** The same blows under way ("was infecting computers at a rate of one per second"). */
const VERB_ING = 'infecting|hitting|striking|locking|encrypting|crippling|paralyzing|paralysing|disrupting|demanding|extorting';
const AUX = `(?:(?:was|were|been|being|got|gets|get|has|have|had)\\s+(?:(?:already|also|reportedly|allegedly|since|all)\\s+)?(?:${VERB})|(?:is|are|was|were|been)\\s+(?:(?:already|also|reportedly|actively|still|now)\\s+)?(?:${VERB_ING}))\\b`;
/**
 * The ransomware set off in someone's network, as a report on intrusions tells it ("actors have been actively
 * deploying MAZE ransomware", "later deployed the ransomware"): not a family's code that downloads or spreads.
 */
const RUN = `(?:(?:deployed|launched|executed|detonated|installed)|(?:has|have|had)\\s+been\\s+(?:\\w+\\s+)?(?:deploying|launching|installing))\\s+(?:[\\w'’-]+\\s+){0,2}?ransomware`;
const OBJECT =
  '(?:the|a|an|its|their|his|her|our|your|some|all|about|over|more|nearly|almost|at|around|hundreds|thousands|millions|tens|dozens|several|many|\\d[\\d,.]*|\\$|out|down|up)\\b';
const STRUCK_RE = new RegExp(
  `\\b(?:${AUX}|${RUN}|(?:${VERB})\\s+${OBJECT}|fell\\s+victim|(?:posted|published|leaked|dumped)\\b[^.;!?]{0,80}\\bleak\\s+site|(?:held|holding)\\s+(?:[\\w'’-]+\\s+){0,4}?(?:to|for)\\s+ransom)`,
  'i',
);

/** A headline's present of the same blow, told of whom it struck ("Ransomware hits X", "SamSam ransomware now demands $33,000 from victims"). */
const HEADLINE_RE =
  /\b(?:hits|strikes|infects|locks|cripples|paralyzes|paralyses|disrupts|spreads|(?:demands|extorts)\b.{0,40}\bfrom|ransomware (?:attack|incident|infection|outbreak)s?)\b(?![^?]*\?)/i;

/** Whether the sentence tells a ransomware's blow as a happening (`headline`: it is the text's headline, whose present reports). */
export function tellsBlow(sentence: string, headline: boolean): boolean {
  return STRUCK_RE.test(sentence) || (headline && HEADLINE_RE.test(sentence));
}
