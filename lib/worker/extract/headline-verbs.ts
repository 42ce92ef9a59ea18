// The verbs of title-case headlines, in a module of their own: the organisations', the actors' and the
// malware's finders all ask, and none of them need import another for it.

/**
 * A verb a title-case headline capitalises, by its stem and the forms a headline gives it ("Hits",
 * "Hacked", "Breach" after a plural): what hit whom (the verbs before a victim in CUE_BEFORE) and the
 * verbs of telling and of a vendor's response that headlines use, and what the attack did to its victim
 * ("Halts Production", "Shuts Down Schools"). No name ends with one. Not "Forces", which ends names as
 * often ("Vandoria Armed Forces Hit By Cyberattack").
 */
const HEADLINE_VERB =
  /^(?:Hit|Hack|Breach|Attack|Target|Compromis|Infiltrat|Strike|Struck|Crippl|Disrupt|Infect|Steal|Stole|Leak|Expos|Say|Confirm|Disclos|Reveal|Report|Warn|Admit|Notif(?:y|i)|Claim|Suffer|Blame|Den(?:y|i)|Face|Investigat|Probe|Patch|Fix|Launch|Releas|Take|Get|Threaten|Extort|Halt|Shut|Delay|Paraly[sz])(?:s|es|e|ed|d)?$/;

/** Whether a capitalised word is a headline's verb ("Claims", "Hits"): the actor finder asks too ("Ransomware Gang Claims Acme Breach"). */
export function isHeadlineVerb(word: string): boolean {
  return HEADLINE_VERB.test(word);
}
