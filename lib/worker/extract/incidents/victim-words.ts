/**
 * The words that tell who was hit, around a name: read by the incidents' roles (roles.ts) and by the organisation
 * finder (orgs.ts), which takes an unknown name there as a candidate. A module of their own, so that a worker woken
 * for a page's first stage does not evaluate the incidents' modules (their patterns, built as each module loads) for
 * the organisation finder's one function: they load with the second stage. Its two long patterns are made on first
 * use, by the organisation finder's second stage.
 */
import { lazyRegExp } from '../lazy-regexp';

// Before a victim: "attack on", "breach at", "hit", "targeting", "crippling", "hacking into", "stolen customer records from" — up
// to two words of description between ("attack on US retailer Acme").
export const VICTIM_BEFORE = lazyRegExp(
  String.raw`\b(?:(?:cyber-?)?attacks? (?:on|against|at)|breach(?:es)? (?:at|of)|hack(?:ing)? (?:of|on|at)|hack(?:s|ing)? into|(?:data|records|information|details|files|credentials|e-?mails|documents|accounts) (?:belonging to|held by|owned by)|intrusions? (?:at|into)|incidents? (?:at|affecting)|compromise of|supply[- ]chain of|targeted|targeting|hit|hitting|struck|crippled|crippling|disrupted|disrupting|paralyz(?:ed|ing)|paralys(?:ed|ing)|breached|breaching|compromised|compromising|infiltrated|infiltrating|infecting|hacked|victims? (?:include|included|including|was|is)|(?:affected|impacted|targeted|hit|breached|victim) (?:[\w-]+ ){0,2}(?:include|included|including|such as)|impacting|affecting|affected|customers of|employees of|patients of|(?:systems?|networks?|servers?|environment|infrastructure|pipeline|accounts?|website|databases?|data) of|(?:stolen|stole|steal|stealing|leaked|exfiltrated)(?: [\w-]+){0,3} from|on behalf of|(?:gained|obtained|unauthori[sz]ed) access to|extort(?:s|ed|ing)?|blackmail(?:s|ed|ing)?|unless)\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}-]+\s+){0,2}(?:[\p{L}-]+,\s+)?$`,
  'iu',
);

// After a victim: "said it", "disclosed", "was hit", "has suffered", "'s systems", "paid a ransom", "by paying
// $17,000 to decrypt" — an apposition may come between ("Acme, a Texas retailer, said it ...").
export const VICTIM_AFTER = lazyRegExp(
  String.raw`^(?:\s*\([^()]{1,12}\))?(?:\s*,[^,]{1,80},)?(?:\s*,\s*which)?\s*(?:(?:’s|'s)\s+(?:\w+\s+)?(?:systems|network|networks|servers|data|customers|employees|patients|students|website|email|infrastructure|it|computer)|said (?:it|its|that it|in a|on \w+ (?:that )?(?:it|the)|(?:on \w+ )?that (?:the|a|its)|(?:on \w+ )?(?:that )?(?:an? |the )?(?:[\w$-]+ ){0,2}(?:hackers?|attackers?|actors?|groups?|gang|operators|cybercriminals|criminals|intruders?|unauthori[sz]ed|party|parties))\b|(?:[a-z]+ ){1,2}its (?:[\w,-]+ ){0,2}(?:systems|network|networks|operations|servers|services|computers|websites?|sites|pipeline|plants?|factories|stores|offices|doors)\b|(?:lost|lose|loses) (?:\S+ )?\S*(?:million|billion|[$£€])|(?:fell|falling|falls) for (?:an? |the )?(?:\w+ )?(?:phishing|scam|fraud|con)\b|(?:says|admits|admitted) (?:that )?(?:an? |the )?(?:[\w$-]+ ){0,2}(?:hackers?|attackers?|intruders?|cybercriminals|criminals)\b|(?:[\w-]+ )?(?:website|site|systems?|networks?|servers?|database|accounts?|e-?mails?) (?:(?:was|were|has been|have been|had been) )?(?:hacked|breached|compromised|attacked|defaced|encrypted|infected)\b|said (?:[\w,-]+ ){0,5}(?:of )?its (?:own )?(?:direct )?(?:customers|clients|users|systems|servers|network|employees|patients|students|members)|says it|disclosed|confirmed|exposed|leaked|lost|(?:agreed|voted|decided|chose|opted|refused|refuses|declined|declines) to pay|,?\s*(?:hit|struck|crippled|paralyzed|paralysed|infected|breached|hacked|attacked|disrupted|shut down|knocked offline|taken offline) by\b|announced|revealed|notified|is notifying|has notified|began notifying|has begun|(?:(?:apparently|reportedly|allegedly|recently|also|itself|previously) )?(?:was|were|had been|has been|have been) (?:(?:apparently|reportedly|allegedly|recently|also|itself|previously|first) )?(?:hit|attacked|targeted|breached|hacked|compromised|struck|the (?:victim|target)|affected|impacted|infected|crippled|disrupted)|suffer(?:s|ed)|(?:has|have|had) (?:also )?suffered|f(?:ell|alls?|alling) victim|(?:came|comes|is|was|were|has been|have been) under (?:an? )?(?:[\w-]+ )?(?:attack|cyber-?attack)|(?:shut|shuts|shutting|took|takes|taking) (?:down|offline) (?:[\d,]+ |all |some |most |many |hundreds of |thousands of )?(?:of )?(?:its |their )?(?:[\w-]+ )?(?:computers|systems|servers|networks|websites?)\b|(?:is|was|became|becomes|has become) (?:the |an? )?(?:(?:latest|newest|most recent|first|second|third|another|also|biggest|largest) )*(?:victim|target)\b|(?:is|was|are|were) (?:among|one of) (?:the )?(?:[\w-]+ ){0,2}victims\b|(?:informed|emailed|contacted|told|is (?:informing|emailing|contacting)) (?:its|all its|some of its|affected) (?:[\w-]+ )?(?:customers|users|clients|members|patients|employees|staff|students|subscribers|account holders|policyholders)\b|experienced|(?:customers|patients|subscribers|policyholders|account holders|employees|students)\b|(?:data breach|breach|ransomware attack|cyber ?attack|hack)\b|detected|discovered (?:a|an|that|suspicious|unauthori[sz]ed)|is investigating|became aware|reported (?:a|an|that)|warned (?:customers|users|employees|patients)|(?:extortion|ransom|blackmail) (?:attempt|demand|plot|bid)s?\b|(?:(?:[\w-]+ ){1,4}?by )?(?:pa(?:id|ys?|ying)|(?:agreed|decided|had) to pay) (?:an? |the )?(?:[\w$£€,.-]+ ){0,3}?(?:ransom|in bitcoins?|bitcoins?|to (?:decrypt|unlock|regain|restore|recover|get back|release))\b|(?:was|were|is|are) forced to (?:either )?pay\b|(?:was|were|had been|has been) (?:extorted|blackmailed|locked out|knocked offline|taken offline))`,
  'iu',
);

/**
 * Whether the words around a name are those that tell who was hit ("attack on X", "X said hackers"): the
 * organisation finder takes an unknown one-word name there as a candidate (what roles.ts then scores).
 * Not the agent ("hit by X", "targeted with X") nor a product named before its noun ("the affected X system").
 */
export function victimWords(before: string, after: string): boolean {
  if (VICTIM_AFTER().test(after)) return true;
  return VICTIM_BEFORE().test(before) && !AGENT_BEFORE.test(before) && !(MODIFIER_BEFORE.test(before) && /^[ \t]+\p{Ll}/u.test(after));
}
const AGENT_BEFORE = /\b(?:by|with|from|via|using)\s+(?:(?:a|an|the)\s+)?$/i;
const MODIFIER_BEFORE = /\b(?:affected|compromised|impacted|infected|targeted|hacked|breached|the|an?)\s+$/i;
