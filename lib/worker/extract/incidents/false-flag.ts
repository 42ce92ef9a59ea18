import type { EntityMatch } from '../../../shared/types';

/**
 * A trigger of posing that ends where what is impersonated begins ("posing as", "by pretending to be",
 * "impersonating"): the phishing word when a brand or a person is impersonated.
 */
const POSING_END = /(?:pos(?:ing|ed|es)|pretend\w*|impersonat\w*|masquerad\w*)(?:\s+(?:as|to\s+be))?\s*$/i;

/** An article, a quote mark, "members of": what may stand between the posing and the one impersonated. */
const LEAD = /^\s*(?:members?\s+of\s+)?(?:(?:the|a|an)\s+)?[“"‘']?/i;

/**
 * A noun for attackers within a few words ("posing as a pro-Russian hacktivist group", "as Iranian hackers").
 * Not a bare "group" or "team": "posing as the IT team" is a lure.
 */
const ATTACKERS_NEAR =
  /^(?:[\p{L}\p{N}'’”"-]+\s+){0,3}?(?:hackers?|hacktivists?|hacking\s+(?:group|team|collective)|threat\s+actors?|(?:cyber(?:crime|criminal)?|apt|espionage|ransomware|extortion)\s+(?:group|gang|crew)|gang)s?\b/iu;

/** The shape of a hacktivists' name, "Cyber" and a capitalised word ("Cyber Caliphate", "CyberBerkut", "Cyber Army"). */
const CYBER_NAME = /^Cyber[ -]?\p{Lu}/u;

/**
 * "Russian hackers posing as the Cyber Caliphate": a false flag, attackers pretending to be another group,
 * and no phishing. What follows the trigger ending at `end` is a group of attackers when an actor the
 * engine found begins there, a noun for attackers comes within a few words, or it has a hacktivists' name.
 */
export function posesAsAttackers(text: string, trigger: string, end: number, entities: EntityMatch[]): boolean {
  if (!POSING_END.test(trigger)) return false;
  const after = text.slice(end, end + 80);
  const lead = LEAD.exec(after)![0].length;
  const at = end + lead;
  if (entities.some((e) => e.type === 'actor' && e.start === at)) return true;
  const rest = after.slice(lead);
  return ATTACKERS_NEAR.test(rest) || CYBER_NAME.test(rest);
}
