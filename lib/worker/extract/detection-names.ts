import type { EntityMatch } from '../../shared/types';
import { slug } from '../knowledge/keys';
import { isCommonWord } from './common-word';
import { lazyRegExp } from './lazy-regexp';

/**
 * Antivirus detection names: how vendors name a family in their verdicts, after the CARO convention of a
 * type, a platform, the family and a variant, each vendor with its own separators:
 *   - "Trojan-SMS.AndroidOS.Opfake.a", "HEUR:Trojan.AndroidOS.Boogr.gsh" (type, platform, family, variant);
 *   - "Trojan:Win32/Emotet.A" (type, colon, platform, slash);
 *   - "Android/AdDisplay.Ashas", "Win32/Industroyer" (platform, slash, [type.] family);
 *   - "Android.Oldboot", "Linux.Mirai.222" (platform, dot, family; "Backdoor.X" and "PWS.X" alone are
 *     as often the tail of a longer verdict in a list of a product's signatures as a name in prose);
 *   - "AndroidOS_GolfSpy.HRX", "TROJ_POWELIKS.A" (a platform or type code, underscore, family, dot, variant).
 * The whole name is one mention of the malware, keyed by its family ("Obad" of "Backdoor.AndroidOS.Obad.a"),
 * since that is what a reader looks up; a word inside it is not a separate mention (gazetteer.ts leaves
 * dotted identifiers alone). The name must open with a known type or platform word: code namespaces
 * ("System.Net.Http", "android.permission.SEND_SMS") open with neither.
 */
const TYPES =
  'Trojan|Backdoor|Worm|Virus|Ransom|Exploit|HackTool|Hacktool|Adware|Spyware|Riskware|RiskTool|Infostealer|Downloader|Dropper|Rootkit|Spy|Banker|TrojanSpy|TrojanDownloader|TrojanDropper|Trojan-[A-Z][A-Za-z]+|PWS|PUA|Packed';
const PLATFORMS =
  'Win32|Win64|W32|W64|MSIL|AndroidOS|Android|Linux|OSX|MacOS|iOS|JS|VBS|PowerShell|Java|PHP|HTML|ELF|Unix|Symbian|J2ME|Multi';
const SHORT_PLATFORMS = 'Win32|Win64|W32|W64|MSIL|AndroidOS|Android|Linux|OSX|MacOS|iOS|Unix|Symbian';
/** Trend Micro's upper-case codes before an underscore. */
const CODES = 'ANDROIDOS|AndroidOS|TROJ|BKDR|TSPY|RANSOM|WORM|HKTL|TROJAN|BACKDOOR|ELF|OSX|IOS';

const SEG = String.raw`[A-Za-z0-9][A-Za-z0-9_-]*`;
// Sticky: tried only at the start of a run of name characters holding a separator (see findDetectionNames); made on
// first use (V8 parses its Unicode classes as it is made).
const DETECTION = lazyRegExp(
  String.raw`(?:` +
    // Kaspersky: [HEUR:]Type.Platform.Family[.variant]
    String.raw`(?:HEUR:|UDS:)?(?:${TYPES})\.(?:${PLATFORMS})\.${SEG}(?:\.${SEG})*` +
    // Microsoft: Type:Platform/Family[.variant][!suffix]
    String.raw`|(?:${TYPES}):(?:${PLATFORMS})\/${SEG}(?:\.${SEG})*(?:![A-Za-z0-9]+)?` +
    // ESET: Platform/[Type.]Family[.variant]
    String.raw`|(?:${PLATFORMS})\/${SEG}(?:\.${SEG})*` +
    // Trend Micro: CODE_FAMILY.VARIANT
    String.raw`|(?:${CODES})_${SEG}\.[A-Z0-9]+` +
    // Dr.Web: Platform.Family[.variant] (not a language's namespace: "Java.Lang")
    String.raw`|(?:${SHORT_PLATFORMS})\.[A-Z][A-Za-z0-9]{2,}(?:\.[A-Za-z0-9]+)?` +
    String.raw`)(?![\p{L}\p{N}_/-]|\.[\p{L}\p{N}])`,
  'uy',
);
/**
 * What every detection name opens with (a type, a platform, a code or a vendor's prefix), sticky and without `u`:
 * tried first where DETECTION would be (its words are ASCII and its case is kept, so it matches wherever DETECTION
 * can), so that V8 builds DETECTION (its Unicode classes, as it is first run) only for a text with a name's opening.
 */
const DETECTION_OPENS = new RegExp(String.raw`HEUR:|UDS:|${TYPES}|${PLATFORMS}|${CODES}`, 'y');
const TYPE_OR_PLATFORM = new RegExp(String.raw`^(?:HEUR|UDS|${TYPES}|${PLATFORMS}|${CODES}|Generic|Agent|Gen|AdDisplay)$`, 'i');

/** The family within a detection name: its last segment of three or more letters that is no type, platform or variant. */
export function familyOf(detection: string): string | undefined {
  const segments = detection.split(/[.:/_!]/);
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i];
    if (TYPE_OR_PLATFORM.test(s)) continue;
    // A variant: a short code after the family ("a", "gsh", "HRX", "222", "ZTBF").
    if (i === segments.length - 1 && i > 1 && (s.length <= 4 || /^\d+$/.test(s))) continue;
    if (/^[A-Za-z][A-Za-z0-9-]{2,}$/.test(s) && /[A-Za-z]{3}/.test(s)) return s;
  }
  return undefined;
}

/**
 * A product's verdict on a sample ("Kaspersky products detect it as X", "detected by Trend Micro as X",
 * "ESET detections of X"): the signature that fired, which labelled reports mark apart from the family's
 * name (CyNER marks it an indicator); the family is named in the text's own words elsewhere.
 */
const VERDICT_BEFORE =
  /\b(?:detect(?:s|ed|ing)?|identif(?:y|ies|ied)|flag(?:s|ged)?|detections?)\b[^.;:!?]{0,40}?(?:\b(?:as|of)|\()[ \t(“"']*$/i;
/** A hash beside it: a row of an indicator table, where the name is the verdict on that sample. */
const HASH_NEAR = /(?<![0-9a-f])(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64})(?![0-9a-f])/i;

/** A letter or digit, a separator and a letter: where a detection name's segments meet (rare in prose, cheap to find). */
const SEPARATOR = /[A-Za-z0-9][.:/_][A-Za-z]/g;
const RUN_CHAR = /[A-Za-z0-9._:/!-]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

export function findDetectionNames(text: string): EntityMatch[] {
  const out: EntityMatch[] = [];
  let tried = -1;
  SEPARATOR.lastIndex = 0;
  for (let sep = SEPARATOR.exec(text); sep !== null; sep = SEPARATOR.exec(text)) {
    // The run of name characters the separator is in, from its start (a name cannot begin inside a word).
    let start = sep.index;
    while (start > 0 && RUN_CHAR.test(text[start - 1])) start--;
    if (start <= tried || WORD_CHAR.test(text[start - 1] ?? ' ')) continue;
    tried = start;
    DETECTION_OPENS.lastIndex = start;
    if (!DETECTION_OPENS.test(text)) continue;
    const detection = DETECTION();
    detection.lastIndex = start;
    const m = detection.exec(text);
    if (m === null) continue;
    SEPARATOR.lastIndex = Math.max(SEPARATOR.lastIndex, start + m[0].length);
    const family = familyOf(m[0]);
    if (!family || VERDICT_BEFORE.test(text.slice(Math.max(0, m.index - 60), m.index))) continue;
    // A platform and an English word alone ("Android.Users should update", "on Linux.The vendor"): two
    // sentences glued where a page's blocks or a feed's paragraphs meet, not a name ("Android.Oldboot").
    if (m[0].split(/[.:/_]/).length === 2 && isCommonWord(family.toLowerCase())) continue;
    if (HASH_NEAR.test(text.slice(Math.max(0, m.index - 80), m.index + m[0].length + 80))) continue;
    out.push({
      type: 'malware',
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      key: `malware:${slug(family)}`,
      name: family,
      why: { rule: 'detection-name', source: 'text' },
    });
  }
  return out;
}
