import type { SeedRow } from './row';

/**
 * Vulnerabilities the news calls by a nickname ("Log4Shell", "Citrix Bleed") more often than by their
 * CVE id. Each row is the CVE (key `vulnerability:cve-…`, the key the CVE pattern and the KEV importer
 * give it too, so the card shows the KEV facts) with its nicknames as aliases. Where a nickname names a
 * chain of CVEs, the row is the CVE the name is most used for. Nicknames that are ordinary words
 * ("Meltdown", "Downfall") are `ambiguous`: they count only capitalised and with a cue close by ("the
 * Meltdown flaw"; the matcher's default cues for vulnerabilities).
 */
export const VULNERABILITIES: SeedRow[] = [
  {
    id: 'cve-2021-44228',
    name: 'CVE-2021-44228',
    aliases: ['Log4Shell', 'LogJam4j'],
    description: 'Remote code execution through JNDI lookups in Apache Log4j 2 log messages (December 2021).',
  },
  {
    id: 'cve-2023-4966',
    name: 'CVE-2023-4966',
    aliases: ['Citrix Bleed', 'CitrixBleed'],
    description: 'Session-token leak from Citrix NetScaler ADC and Gateway appliances (October 2023).',
  },
  {
    id: 'cve-2025-5777',
    name: 'CVE-2025-5777',
    aliases: ['Citrix Bleed 2', 'CitrixBleed 2', 'CitrixBleed2'],
    description: 'Memory over-read in Citrix NetScaler ADC and Gateway that leaks session tokens (June 2025).',
  },
  {
    id: 'cve-2019-19781',
    name: 'CVE-2019-19781',
    aliases: ['Shitrix'],
    description: 'Path traversal to code execution in Citrix ADC and Gateway (December 2019).',
  },
  {
    id: 'cve-2014-0160',
    name: 'CVE-2014-0160',
    aliases: ['Heartbleed'],
    description: 'Over-read in the OpenSSL TLS heartbeat extension that leaks server memory (April 2014).',
  },
  {
    id: 'cve-2014-6271',
    name: 'CVE-2014-6271',
    aliases: ['Shellshock', 'Bashdoor'],
    description: 'Command injection through function definitions in Bash environment variables (September 2014).',
  },
  {
    id: 'cve-2019-0708',
    name: 'CVE-2019-0708',
    aliases: ['BlueKeep'],
    description: 'Wormable pre-authentication code execution in Windows Remote Desktop Services (May 2019).',
  },
  {
    id: 'cve-2020-1472',
    name: 'CVE-2020-1472',
    aliases: ['Zerologon'],
    description: 'Netlogon cryptographic flaw that hands an attacker the domain controller (August 2020).',
  },
  {
    id: 'cve-2021-34527',
    name: 'CVE-2021-34527',
    aliases: ['PrintNightmare'],
    description: 'Code execution through the Windows Print Spooler service (July 2021).',
  },
  {
    id: 'cve-2021-26855',
    name: 'CVE-2021-26855',
    aliases: ['ProxyLogon'],
    description: 'Server-side request forgery opening the ProxyLogon chain against Microsoft Exchange (March 2021).',
  },
  {
    id: 'cve-2021-34473',
    name: 'CVE-2021-34473',
    aliases: ['ProxyShell'],
    description: 'Path confusion opening the ProxyShell chain against Microsoft Exchange (2021).',
  },
  {
    id: 'cve-2022-41040',
    name: 'CVE-2022-41040',
    aliases: ['ProxyNotShell'],
    description: 'Server-side request forgery in Microsoft Exchange, chained with CVE-2022-41082 (September 2022).',
  },
  {
    id: 'cve-2022-30190',
    name: 'CVE-2022-30190',
    aliases: ['Follina'],
    description: 'Code execution through the Windows support diagnostic tool from Office documents (May 2022).',
  },
  {
    id: 'cve-2022-22965',
    name: 'CVE-2022-22965',
    aliases: ['Spring4Shell', 'SpringShell'],
    description: 'Remote code execution through data binding in the Spring Framework (March 2022).',
  },
  {
    id: 'cve-2022-42889',
    name: 'CVE-2022-42889',
    aliases: ['Text4Shell', 'Act4Shell'],
    description: 'Code execution through string interpolation in Apache Commons Text (October 2022).',
  },
  {
    id: 'cve-2021-4034',
    name: 'CVE-2021-4034',
    aliases: ['PwnKit'],
    description: 'Local privilege escalation in polkit pkexec on Linux (January 2022).',
  },
  {
    id: 'cve-2022-0847',
    name: 'CVE-2022-0847',
    aliases: ['Dirty Pipe', 'DirtyPipe'],
    description: 'Linux kernel flaw that lets a user overwrite read-only files through pipes (March 2022).',
  },
  {
    id: 'cve-2016-5195',
    name: 'CVE-2016-5195',
    aliases: ['Dirty COW', 'DirtyCOW'],
    description: 'Copy-on-write race in the Linux kernel giving local root (October 2016).',
  },
  {
    id: 'cve-2021-3156',
    name: 'CVE-2021-3156',
    aliases: ['Baron Samedit'],
    description: 'Heap overflow in sudo giving local root (January 2021).',
  },
  {
    id: 'cve-2024-6387',
    name: 'CVE-2024-6387',
    aliases: ['regreSSHion'],
    description: 'Signal-handler race in the OpenSSH server allowing unauthenticated code execution (July 2024).',
  },
  {
    id: 'cve-2023-4911',
    name: 'CVE-2023-4911',
    aliases: ['Looney Tunables'],
    description: 'Buffer overflow in the glibc dynamic loader through GLIBC_TUNABLES (October 2023).',
  },
  {
    id: 'cve-2023-44487',
    name: 'CVE-2023-44487',
    aliases: ['HTTP/2 Rapid Reset', 'Rapid Reset'],
    description: 'Denial of service by opening and cancelling HTTP/2 streams at scale (October 2023).',
  },
  {
    id: 'cve-2023-48795',
    name: 'CVE-2023-48795',
    aliases: ['Terrapin', 'Terrapin attack'],
    description: 'Prefix truncation of the SSH handshake that weakens connection security (December 2023).',
    ambiguous: ['Terrapin'],
  },
  {
    id: 'cve-2020-1350',
    name: 'CVE-2020-1350',
    aliases: ['SIGRed'],
    description: 'Wormable code execution in Windows DNS Server (July 2020).',
  },
  {
    id: 'cve-2020-0796',
    name: 'CVE-2020-0796',
    aliases: ['SMBGhost', 'CoronaBlue'],
    description: 'Code execution through SMBv3 compression in Windows (March 2020).',
  },
  {
    id: 'cve-2020-0601',
    name: 'CVE-2020-0601',
    aliases: ['CurveBall', 'Chain of Fools'],
    description: 'Certificate spoofing through elliptic-curve validation in Windows CryptoAPI (January 2020).',
    ambiguous: ['CurveBall'],
  },
  {
    id: 'cve-2014-3566',
    name: 'CVE-2014-3566',
    aliases: ['POODLE', 'POODLE attack'],
    description: 'Padding-oracle attack on SSL 3.0 (October 2014).',
    ambiguous: ['POODLE'],
  },
  {
    id: 'cve-2016-0800',
    name: 'CVE-2016-0800',
    aliases: ['DROWN', 'DROWN attack'],
    description: 'Cross-protocol attack that uses SSLv2 to decrypt TLS sessions (March 2016).',
    ambiguous: ['DROWN'],
  },
  {
    id: 'cve-2015-0204',
    name: 'CVE-2015-0204',
    aliases: ['FREAK', 'FREAK attack'],
    description: 'Downgrade of TLS connections to export-grade RSA keys (March 2015).',
    ambiguous: ['FREAK'],
  },
  {
    id: 'cve-2017-13077',
    name: 'CVE-2017-13077',
    aliases: ['KRACK', 'KRACK attack', 'KRACKs'],
    description: 'Key reinstallation in the WPA2 four-way handshake (October 2017).',
  },
  {
    id: 'cve-2015-1538',
    name: 'CVE-2015-1538',
    aliases: ['Stagefright'],
    description: 'Code execution through media files in the Android Stagefright library (July 2015).',
  },
  {
    id: 'cve-2025-53770',
    name: 'CVE-2025-53770',
    aliases: ['ToolShell'],
    description: 'Deserialization flaw giving code execution on on-premises SharePoint Server (July 2025).',
  },
  {
    id: 'cve-2023-20593',
    name: 'CVE-2023-20593',
    aliases: ['Zenbleed'],
    description: 'Register leak across processes on AMD Zen 2 processors (July 2023).',
  },
  {
    id: 'cve-2022-40982',
    name: 'CVE-2022-40982',
    aliases: ['Downfall'],
    description: 'Gather data sampling leak on Intel processors (August 2023).',
    ambiguous: ['Downfall'],
  },
  {
    id: 'cve-2017-5754',
    name: 'CVE-2017-5754',
    aliases: ['Meltdown'],
    description: 'Speculative execution flaw that lets programs read kernel memory (January 2018).',
    ambiguous: ['Meltdown'],
  },
  {
    id: 'cve-2017-5753',
    name: 'CVE-2017-5753',
    aliases: ['Spectre', 'Spectre variant 1'],
    description: 'Speculative execution flaw that leaks memory across bounds checks (January 2018).',
    ambiguous: ['Spectre'],
  },
  {
    id: 'cve-2024-3094',
    name: 'CVE-2024-3094',
    aliases: ['XZ Utils backdoor', 'xz backdoor'],
    description: 'Backdoor planted in the xz/liblzma release tarballs that targeted OpenSSH (March 2024).',
  },
  {
    id: 'cve-2014-1266',
    name: 'CVE-2014-1266',
    aliases: ['goto fail'],
    description: 'Duplicated line in Apple SSL code that skipped certificate checks (February 2014).',
  },
  {
    id: 'cve-2018-8174',
    name: 'CVE-2018-8174',
    aliases: ['Double Kill'],
    description: 'Use-after-free in the Windows VBScript engine exploited through Office and Internet Explorer (May 2018).',
  },
];
