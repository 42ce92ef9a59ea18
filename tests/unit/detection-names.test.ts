import { describe, expect, it } from 'vitest';
import { familyOf, findDetectionNames } from '../../lib/worker/extract/detection-names';
import { compileMatcher } from '../../lib/worker/extract/matcher';
import { extractEntities } from '../../lib/worker/extract/entities';
import { catalogueEntry } from '../support/catalogue-entry';

const found = (text: string) => findDetectionNames(text).map((m) => `${m.text}=${m.key}`);

describe('antivirus detection names', () => {
  it('reads each vendor’s form whole, keyed by the family', () => {
    expect(found('The botnet Trojan-SMS.AndroidOS.Opfake.a also spread Backdoor.AndroidOS.Obad.a by spam.')).toEqual([
      'Trojan-SMS.AndroidOS.Opfake.a=malware:opfake',
      'Backdoor.AndroidOS.Obad.a=malware:obad',
    ]);
    expect(found('It evolved into Trojan:Win32/Emotet.A and HEUR:Trojan.AndroidOS.Boogr.gsh last year.')).toEqual([
      'Trojan:Win32/Emotet.A=malware:emotet',
      'HEUR:Trojan.AndroidOS.Boogr.gsh=malware:boogr',
    ]);
    expect(found('Apps of the Android/AdDisplay.Ashas family were removed.')).toEqual(['Android/AdDisplay.Ashas=malware:ashas']);
    expect(found('The bootkit Android.Oldboot has infected users; Linux.Mirai.222 spreads too.')).toEqual([
      'Android.Oldboot=malware:oldboot',
      'Linux.Mirai.222=malware:mirai',
    ]);
    expect(found('The malware involved, AndroidOS_GolfSpy.HRX, steals data.')).toEqual(['AndroidOS_GolfSpy.HRX=malware:golfspy']);
    // Each opening (tried first, before the whole pattern): a code, a prefix, a platform with a slash.
    expect(found('It dropped TROJ_POWELIKS.A, UDS:Trojan.Win32.Fsysna.fhiq and Win32/Industroyer.')).toEqual([
      'TROJ_POWELIKS.A=malware:poweliks',
      'UDS:Trojan.Win32.Fsysna.fhiq=malware:fsysna',
      'Win32/Industroyer=malware:industroyer',
    ]);
  });

  it('leaves code, generic verdicts, verdicts of a product and rows of an indicator table alone', () => {
    expect(found('The class android.permission.SEND_SMS and System.Net.Http and Java.Lang are code.')).toEqual([]);
    expect(found('It loads Trojan.Win32.Agent.xyz into memory.')).toEqual([]);
    expect(found('Kaspersky products detect it as Trojan.AndroidOS.Dvmap.a today.')).toEqual([]);
    expect(found('Trend Micro detects these as ANDROIDOS_XLOADER.HRX.')).toEqual([]);
    expect(found('3a15e7b8f4e35e006329811a6a2bf291d449884a120332f24c7e3ca58d0fbbdb IOS_ProjectSpy.A')).toEqual([]);
    // A type and a family alone is as often the tail of a signature in a vendor's list.
    expect(found('Detections: Win32 . Backdoor.NetwiredRC')).toEqual([]);
    // Sentences glued where a page's blocks meet: a platform and an English word are no name.
    expect(found('The flaw affects Android.Users should update. It hits Linux.The vendor said iOS.Apple fixed it.')).toEqual([]);
  });

  it('finds the family among the segments', () => {
    expect(familyOf('Trojan-SMS.AndroidOS.FakeInst.a')).toBe('FakeInst');
    expect(familyOf('BKDR_PLUGX.ZTBF')).toBe('PLUGX');
    expect(familyOf('Android/Spy.Agent.AN')).toBeUndefined();
  });

  it('takes the catalogue’s key for a family it knows, and wins over the words inside', () => {
    const m = compileMatcher([catalogueEntry('malware:emotet', 'Emotet', ['Geodo'])]);
    const ents = extractEntities('The sample was Trojan:Win32/Emotet.A, a loader.', m).filter((e) => e.type === 'malware');
    expect(ents.map((e) => `${e.text}=${e.key}`)).toEqual(['Trojan:Win32/Emotet.A=malware:emotet']);
  });
});
