import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../lib/worker/engine';
import { compileMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { findOrganizations } from '../../lib/worker/extract/orgs';

const matcher = compileMatcher(seedCatalogue());
/** A feed item as the sync reads it: the headline, a blank line, the summary. */
const item = (headline: string) => `${headline}\n\nThe company said it is investigating the incident with outside experts.`;
const names = (text: string) => findOrganizations(text, []).map((m) => m.text);
const victims = (text: string) => analyzeText(text, matcher, { published: '2024-05-20' }).incidents.map((i) => i.victim?.name ?? null);

describe('victims named in title-case headlines (issues 8 and 10)', () => {
  test('a headline’s capitalised verb neither starts nor continues a name', () => {
    expect(names(item('Ransomware Hits Acme Corp'))).toEqual(['Acme Corp']);
    expect(names(item('Ransomware Attack on Vantoria Logistics Disrupts Shipping'))).toEqual(['Vantoria Logistics']);
    expect(names(item('Ransomware Gang Claims Attack on Durnell Foods'))).toEqual(['Durnell Foods']);
    // Nor a verb of what the attack did to the one hit.
    expect(names(item('Cyberattack on Pellworth Steel Halts Production'))).toEqual(['Pellworth Steel']);
    expect(names(item('Ransomware Attack on Dorvex Foods Shuts Plants'))).toEqual(['Dorvex Foods']);
    // A capitalised preposition neither: "Episodes From Netflix Show ... Other Networks" is no name.
    expect(names(item('Hacker Leaks Episodes From Dorvex Show and Threatens Other Networks'))).toEqual([]);
    // Nor a phrasal verb's particle ("Shuts Down"), nor "At" (issue 8, round 15).
    expect(names(item('Ransomware Attack Shuts Down Dorvex Schools'))).toEqual(['Dorvex Schools']);
    expect(names(item('Cyberattack At Quorvant Health Delays Surgeries'))).toEqual(['Quorvant Health']);
  });

  test('what the attack did to its object, and "attack at", name the one hit (issue 8, round 15)', () => {
    expect(victims(item('Ransomware Attack Shuts Down Dorvex Schools'))).toEqual(['Dorvex Schools']);
    expect(victims(item('Cyberattack at Quorvant Health Delays Surgeries'))).toEqual(['Quorvant Health']);
    expect(victims(item('Cyberattack At Quorvant Health Delays Surgeries'))).toEqual(['Quorvant Health']);
  });

  test('negative: what a group does is not its name ("Espionage Group")', () => {
    expect(names(item('Whitefly: Espionage Group Has Singapore in Its Sights'))).toEqual([]);
    expect(names('An espionage campaign was reported. The Espionage Group has Singapore in its sights.')).toEqual([]);
  });

  test('the object of a verb of hitting, or after "attack on", is the one hit, as in lower-case prose', () => {
    expect(victims(item('Ransomware Hits Acme Corp'))).toEqual(['Acme Corp']);
    expect(victims(item('Hackers Breach Acme Health Systems, Steal Patient Data'))).toEqual(['Acme Health Systems']);
    expect(victims(item('LockBit Claims Attack on Acme Logistics'))).toEqual(['Acme Logistics']);
    expect(victims(item('Data Breach at Brellex Health Exposes Patient Records'))).toEqual(['Brellex Health']);
    // It already worked with the name first, and still does.
    expect(victims(item('Acme Corp Hit By Ransomware Attack'))).toEqual(['Acme Corp']);
    // A quantity between the verb and the name ("Hits Dozens of ...") leaves the name the one hit.
    expect(victims(item('Ransomware Hits Dozens of Dorvex County Schools'))).toEqual(['Dorvex County Schools']);
    expect(victims(item('Ransomware Hits Several Dorvex Hospitals'))).toEqual(['Dorvex Hospitals']);
  });

  test('a name before the incident it suffered, after a verb ("Gang Claims Quorvant Breach"): the victim, and no actor "Claims Quorvant"', () => {
    const { entities, incidents } = analyzeText(item('Clop Ransomware Gang Claims Quorvant Breach'), matcher);
    expect(incidents.map((i) => i.victim?.name)).toEqual(['Quorvant']);
    expect(entities.filter((e) => e.type === 'actor')).toEqual([]);
    expect(names(item('FBI Probes Quorvant Data Breach'))).toContain('Quorvant');
  });

  test('the subject before the verb, after a noun that says what it is ("Software Firm X Says")', () => {
    expect(victims(item('Software Firm Quorvant Says Hackers Stole Source Code'))).toEqual(['Quorvant']);
    expect(victims(item('Retail Giant Durnell Confirms Card Breach'))).toEqual(['Durnell']);
    // A head the text also writes in lower case ("the hotels") is still a head of the subject.
    expect(names('Brenmoor Hotels Suffer Major Card Breach\n\nThe hotels said card data was stolen.')).toEqual(['Brenmoor Hotels']);
    // A short headline too.
    expect(victims(item('Ransomware Hits Kestrow'))).toEqual(['Kestrow']);
    expect(victims(item('Kestrow Hit By Ransomware Attack'))).toEqual(['Kestrow']);
  });

  test('a name the text then gives in full, with a head after it, is that organisation: one incident, not two', () => {
    const text =
      'Brenmoor Hotels Suffer Major Card Breach\n\nThe Brenmoor Hotels Group has revealed a breach of customer card data. Brenmoor Hotels Group said malware ran on its payment systems.';
    const found = findOrganizations(text, []);
    expect(found.map((m) => m.text).slice(0, 2)).toEqual(['Brenmoor Hotels', 'Brenmoor Hotels Group']);
    expect(new Set(found.map((m) => m.key))).toEqual(new Set(['organization:brenmoor-hotels-group']));
    expect(victims(text)).toEqual(['Brenmoor Hotels Group']);
  });

  test('negative: ordinary words and groups of people after the verb are no name', () => {
    // Every word of a headline is capitalised: only a word that is no ordinary one shows a name.
    expect(names(item('Hackers Breach Patient Data Systems at Clinics'))).toEqual([]);
    expect(names(item('A New Threat Actor Targets UAE Dissidents'))).toEqual([]);
    expect(names(item('Hacker Steals Millions of Accounts From Gaming Fan Project'))).toEqual([]);
    // A quantity starts no name: "Dozens of Schools" are many organisations, none of them named.
    expect(names(item('Ransomware Hits Dozens of Schools'))).toEqual([]);
    expect(names(item('Ransomware Hits Hundreds of Dental Offices'))).toEqual([]);
    expect(names(item('Thousands of Dorvex Customers Hit By Data Breach'))).toEqual([]);
    // "Data Breach" is a noun: the words after it are no object ("Medtronic Data Breach Impacts 3.8 Million People").
    expect(names(item('Medtronic Data Breach Impacts 3.8 Million People'))).toEqual(['Medtronic']);
  });

  test('negative: a source, a site after the title’s separator, a list under a heading, a headline’s last noun', () => {
    // A victim's cue, not a source's.
    expect(names(item('The 7 Biggest Diet Trends in 2025, According to Nutritionists'))).toEqual([]);
    // " - Site" ends a title: the site is not the one hit.
    expect(names(item('A Vigilante Warns Admins Before They Get Hacked - Motherboard'))).toEqual([]);
    // The cue is on the line above: "Systems Affected" heads a list.
    expect(names('Systems Affected\n\nGeneric Routing Encapsulation Enabled Devices\n\nSmart Install Enabled Devices')).toEqual([]);
    // The line's last word is a noun, not a verb: "Report" does not cut "Mental Health Report".
    expect(names(item('The 2025 Best States for Mental Health Report'))).toEqual([]);
  });

  test('negative: names with a verb-like word stay whole where the catalogue knows them or they open the headline', () => {
    const orgs = (text: string) =>
      analyzeText(text, matcher)
        .entities.filter((e) => ['organization', 'vendor'].includes(e.type))
        .map((e) => e.text);
    expect(orgs(item('Trend Micro Patches Apex One Flaw'))).toEqual(['Trend Micro']);
    expect(orgs(item('Check Point Warns of VPN Attacks'))).toEqual(['Check Point']);
    expect(orgs(item('Palo Alto Networks Fixes Firewall Bug'))).toEqual(['Palo Alto Networks']);
    // The headline's first word may be a name that looks like a verb.
    expect(names(item('Hack Networks Confirms Breach'))).toEqual(['Hack Networks']);
    // "Forces" ends names as often as it is a verb: not one of the headline's verbs.
    expect(names(item('Vandoria Armed Forces Hit By Cyberattack'))).toEqual(['Vandoria Armed Forces']);
  });
});
