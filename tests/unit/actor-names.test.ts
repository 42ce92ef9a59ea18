import { describe, expect, test } from 'vitest';
import { findActorsByShape } from '../../lib/worker/extract/actor-names';
import type { EntityMatch } from '../../lib/shared/types';

const names = (text: string, known: EntityMatch[] = []) => findActorsByShape(text, known).map((m) => `${m.text}@${m.start}`);

describe('threat actors named by the text', () => {
  test('a name after a noun for attackers, with or without a naming verb, and the same name again', () => {
    expect(names('The threat actor HydroJiin runs a shop. HydroJiin sells tools.')).toEqual(['HydroJiin@17', 'HydroJiin@40']);
    expect(names('The threat\u00a0actor\u00a0HydroJiin runs a shop.')).toEqual(['HydroJiin@17']);
    expect(names('We classify it as an APT group named “ReconHellcat”.')).toEqual(['ReconHellcat@38']);
    expect(names('It shares code with the threat actor we previously dubbed ReconHellcat.')).toEqual(['ReconHellcat@58']);
    expect(names('A threat group tracked as Curious Serpens sent the lures.')).toEqual(['Curious Serpens@26']);
    // A bare noun for attackers needs the naming verb.
    expect(names('We classify it as an Advanced Persistent Threat ( APT ) group named “ ReconHellcat ”.')).toEqual(['ReconHellcat@70']);
    expect(names('A gang known as Zarya Kolt sold access.')).toEqual(['Zarya Kolt@16']);
    expect(names('The group Kaspersky described used it. A group Monday said.')).toEqual([]);
    // In a relative clause the attackers are the ones naming: "a class, which the attackers named X" is the class.
    expect(names('This method is part of a class, which the attackers named OrionImprovementBusinessLayer to blend in.')).toEqual([]);
    expect(names('Attackers named Zarya Kolt sold access.')).toEqual(['Zarya Kolt@16']);
  });

  test('a lone attacker named by a handle, and the handle again', () => {
    expect(names('The hacker, known only as Cipher0007, found two bugs. Cipher0007 was paid.')).toEqual(['Cipher0007@26', 'Cipher0007@54']);
    expect(names('A hacker that goes by the nickname of Cipher0007 hacked the market.')).toEqual(['Cipher0007@38']);
    expect(names('The attacker, who uses the alias USDoD, posted the database.')).toEqual(['USDoD@33']);
    // A person's full name is no handle, and an ordinary word no name.
    expect(names('A hacker known only as John Smith leaked it. The hacker, known as Peace, sold it.')).toEqual([]);
  });

  test('a name before a noun for attackers', () => {
    expect(names('Researchers linked the Balikbayan Foxes threat actor to the lures.')).toEqual(['Balikbayan Foxes@23']);
    expect(names('Data stolen by the Karakurt gang was leaked.')).toEqual(['Karakurt@19']);
    expect(names('The TTPs were those commonly used by the Lazarous group , associated with North Korea.')).toEqual(['Lazarous@41']);
    // A capitalised "Group" is a company's name; "a group of" describes people.
    expect(names('The Renault Group said. The Acme group of companies.')).toEqual([]);
  });

  test('negative: a name the text says was attacked is the victim, so "the X hackers" are those who hacked it', () => {
    expect(names('The Facebook page for the WADA hackers was taken down. Last year’s attacks on WADA hit athletes.')).toEqual([]);
    expect(names('The Zarya hackers posted data. Zarya was hacked last year.')).toEqual([]);
    expect(names('The Zarya hackers posted data. Zarya hacked the agency last year.')).toEqual(['Zarya@4', 'Zarya@31']);
  });

  test('names listed after a plural noun for attackers', () => {
    expect(names('It was used by state sponsored groups such as APT33 and Gorgon.')).toEqual(['APT33@46', 'Gorgon@56']);
    // An ordinary word ("Bitter") is left to the catalogue, which reads the list (gazetteer.ts listedWithItsKind).
    expect(names('APT actors including Sidewinder, Bitter and Confucius sent lures.')).toEqual(['Sidewinder@21', 'Confucius@44']);
    // Not a list of attackers: descriptions, and lists after other nouns.
    expect(names('Groups such as Android developers were warned.')).toEqual([]);
    expect(names('Companies such as Acme and Initech were hit.')).toEqual([]);
  });

  test('what the text says a name is: a name, then "is a", "as a" or a comma and a noun for attackers', () => {
    expect(names('We assessed ReconHellcat as a high-capability APT group , like APT28 .')).toEqual(['ReconHellcat@12']);
    expect(names('Zarya Kolt , a Russian-speaking gang , sold access. Zarya Kolt returned.')).toEqual(['Zarya Kolt@0', 'Zarya Kolt@52']);
    expect(names('Since 2019 Sandcat is a China-based threat group.')).toEqual(['Sandcat@11']);
    // A group of people, defenders and researchers, a name inside the description, a date: no attackers.
    expect(names('Acme Holdings is a group of companies.')).toEqual([]);
    expect(names('Talos , a threat intelligence group , found it.')).toEqual([]);
    expect(names('In early June , a TA456 actor sent a link.')).toEqual([]);
    expect(names('Researchers , a group of students , found it.')).toEqual([]);
    expect(names('It looks like it has stopped. However, a second and third actor have joined.')).toEqual([]);
    // The noun must begin a word ("subgroup"); the scan goes on inside it ("subgroup, a group").
    expect(names('Sandcat, a subgroup, ran. Grimlok , a threat group , ran.')).toEqual(['Grimlok@26']);
  });

  test('who a deed is attributed to, when the name ends there', () => {
    expect(names('As a result , we have high confidence attributing this attack to ReconHellcat .')).toEqual(['ReconHellcat@65']);
    expect(names('Campaigns we attributed to either Sandcat or the GC family.')).toEqual(['Sandcat@34']);
    expect(names('The intrusions were linked to “ Zarya Kolt ” in 2021.')).toEqual(['Zarya Kolt@32']);
    // An adjective before a noun, a date, an ordinary word: no actor.
    expect(names('The attack was attributed to Iranian state actors.')).toEqual([]);
    expect(names('The outage was attributed to June storms. It was tied to May .')).toEqual([]);
    expect(names('The delay was attributed to Maintenance .')).toEqual([]);
  });

  test('names given right after an actor’s, as its other names', () => {
    const text = 'The group Leviathan , also known as TEMP , Periscope or Kryptonite Panda , was active.';
    const leviathan: EntityMatch = { type: 'actor', start: 10, end: 19, text: 'Leviathan', key: 'actor:leviathan', name: 'Leviathan' };
    expect(names(text, [leviathan])).toEqual(['TEMP@36', 'Periscope@43', 'Kryptonite Panda@56']);
    // After something that is not an actor, nothing.
    expect(
      names('Emotet , also known as Geodo , returned.', [{ ...leviathan, type: 'malware', start: 0, end: 6, text: 'Emotet' }]),
    ).toEqual([]);
  });

  test('an abbreviation in brackets after the words it spells is theirs, not the group’s', () => {
    expect(
      names('Proofpoint named the threat cluster CPRS after the Client Profile Registration System ( CPRS ) it spoofs. CPRS is active.'),
    ).toEqual(['CPRS@36', 'CPRS@106']);
  });

  test('negative: descriptions, malware operators and ordinary words are no names', () => {
    expect(names('The Minebridge RAT threat actors registered a domain.')).toEqual([]);
    expect(names('The same threat actor returned. A new threat actor appeared.')).toEqual([]);
    expect(names('The threat actor Used several tools.')).toEqual([]);
    expect(names('The Android malware gang and the Python hackers.')).toEqual([]);
    expect(names('The company was hit by a ransomware gang last week.')).toEqual([]);
  });

  test('negative: what the catalogue or a pattern already named stays theirs', () => {
    const text = 'Data stolen by the LockBit gang was leaked.';
    const known: EntityMatch = {
      type: 'malware',
      subtype: 'ransomware',
      start: 18,
      end: 25,
      text: 'LockBit',
      key: 'malware:lockbit',
      name: 'LockBit',
    };
    expect(names(text, [known])).toEqual([]);
  });
});
