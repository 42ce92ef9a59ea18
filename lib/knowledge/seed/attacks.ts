import type { SeedRow } from './row';

/**
 * Attack types and attack techniques as news writes them. meta.incidentType names the incident type
 * (DESIGN.md) an article reporting this kind of attack most likely describes; it is left out where none
 * fits (a technique such as password spraying says how, not what happened).
 * Spellings with and without hyphens and the common plural are listed, because news writes all of them.
 */

function incident(type: string, rows: SeedRow[]): SeedRow[] {
  for (const r of rows) r.meta = { ...(r.meta ?? {}), incidentType: type };
  return rows;
}

export const ATTACKS: SeedRow[] = [
  ...incident('ransomware', [
    { id: 'ransomware-attack', name: 'Ransomware attack', aliases: ['ransomware attacks', 'ransomware incident', 'ransomware infection', 'ransomware intrusion'], description: 'Intrusion that ends with files encrypted and a ransom demanded.' },
    { id: 'ransomware-as-a-service', name: 'Ransomware-as-a-service', aliases: ['ransomware as a service', 'RaaS'], description: 'Model in which developers rent ransomware to affiliates for a share of ransoms.' },
    { id: 'double-extortion', name: 'Double extortion', aliases: ['double-extortion', 'triple extortion', 'triple-extortion'], description: 'Encrypting data and also threatening to leak it.' },
    { id: 'data-extortion', name: 'Extortion', aliases: ['data extortion', 'cyber extortion', 'cyber-extortion', 'extortion attack', 'extortion attacks', 'data-theft extortion'], description: 'Demanding payment under threat of leaking stolen data.' },
  ]),
  ...incident('data-breach', [
    { id: 'data-breach', name: 'Data breach', aliases: ['data breaches', 'security breach', 'breach of personal data', 'personal data breach'], description: 'Unauthorised access to or disclosure of stored data.' },
    { id: 'data-leak', name: 'Data leak', aliases: ['data leaks', 'data leakage', 'leaked data'], description: 'Data exposed or published without authorisation.' },
    { id: 'data-exfiltration', name: 'Data exfiltration', aliases: ['data theft', 'exfiltration of data'], description: 'Copying data out of a victim network.' },
    { id: 'exposed-database', name: 'Exposed database', aliases: ['unsecured database', 'misconfigured database', 'exposed Elasticsearch', 'open database', 'misconfigured bucket'], description: 'Database left reachable on the internet without authentication.' },
    { id: 'insider-threat', name: 'Insider threat', aliases: ['insider threats', 'insider attack', 'rogue employee', 'rogue insider'], description: 'Harm caused by people inside an organisation.' },
    { id: 'hack-and-leak', name: 'Hack-and-leak operation', aliases: ['hack-and-leak', 'hack and leak', 'hack-and-leak operations'], description: 'Stealing documents and publishing them for political effect.' },
    { id: 'data-scraping', name: 'Data scraping', aliases: ['scraped data'], description: 'Bulk collection of data through public or abused interfaces.' },
  ]),
  ...incident('ddos', [
    { id: 'ddos', name: 'DDoS attack', aliases: ['DDoS', 'DDoS attacks', 'distributed denial-of-service', 'distributed denial of service', 'distributed denial-of-service attack', 'denial-of-service', 'denial of service', 'denial-of-service attack', 'DoS attack'], description: 'Flooding a service with traffic to knock it offline.' },
    { id: 'ransom-ddos', name: 'Ransom DDoS', aliases: ['RDoS', 'DDoS extortion', 'ransom denial-of-service'], description: 'Threatening or launching DDoS attacks to extort a payment.' },
  ]),
  ...incident('phishing', [
    { id: 'phishing', name: 'Phishing', aliases: ['phishing attack', 'phishing attacks', 'phishing campaign', 'phishing campaigns', 'phishing email', 'phishing emails', 'phishing e-mails'], description: 'Deceptive messages that trick people into giving up credentials or running malware.' },
    { id: 'spear-phishing', name: 'Spear-phishing', aliases: ['spearphishing', 'spear phishing', 'spear-phishing email', 'spear-phishing emails', 'spear-phishing campaign'], description: 'Phishing tailored to a chosen person or organisation.' },
    { id: 'smishing', name: 'Smishing', aliases: ['SMS phishing', 'text message phishing'], description: 'Phishing by text message.' },
    { id: 'vishing', name: 'Vishing', aliases: ['voice phishing', 'callback phishing'], description: 'Phishing by telephone, often posing as IT support.' },
    { id: 'quishing', name: 'Quishing', aliases: ['QR code phishing', 'QR phishing'], description: 'Phishing through QR codes.' },
    { id: 'whaling', name: 'Whaling', aliases: ['whaling attack', 'whale phishing'], ambiguous: ['Whaling'], cues: ['phishing', 'executives', 'CEO', 'email', 'e-mail'], description: 'Phishing aimed at senior executives.' },
    { id: 'credential-phishing', name: 'Credential phishing', aliases: ['credential harvesting', 'credential-harvesting'], description: 'Phishing through fake login pages to collect passwords.' },
    { id: 'adversary-in-the-middle-phishing', name: 'Adversary-in-the-middle phishing', aliases: ['AiTM phishing', 'MFA bypass phishing'], description: 'Phishing through a proxy that captures session cookies and defeats MFA.' },
    { id: 'mfa-fatigue', name: 'MFA fatigue', aliases: ['MFA bombing', 'push bombing', 'prompt bombing', 'MFA fatigue attack'], description: 'Flooding a user with login approvals until one is accepted.' },
    { id: 'social-engineering', name: 'Social engineering', aliases: ['social-engineering', 'social engineering attack', 'social engineering attacks'], description: 'Manipulating people into breaking security practice.' },
  ]),
  ...incident('fraud', [
    { id: 'business-email-compromise', name: 'Business email compromise', aliases: ['business e-mail compromise', 'BEC', 'BEC scam', 'BEC scams', 'CEO fraud'], description: 'Hijacked or spoofed business e-mail used to divert payments.' },
    { id: 'sim-swapping', name: 'SIM swapping', aliases: ['SIM swap', 'SIM swaps', 'SIM-swapping', 'SIM-swap', 'SIM hijacking'], description: 'Taking over a phone number by porting it to an attacker’s SIM.' },
    { id: 'account-takeover', name: 'Account takeover', aliases: ['account takeovers', 'account hijacking', 'ATO attack'], description: 'Taking control of someone else’s online account.' },
    { id: 'deepfake-fraud', name: 'Deepfake fraud', aliases: ['deepfake', 'deepfakes', 'deepfake scam', 'deepfake scams', 'voice cloning'], description: 'Synthetic audio or video used to impersonate people.' },
    { id: 'pig-butchering', name: 'Pig butchering', aliases: ['pig-butchering', 'pig butchering scam', 'romance baiting'], description: 'Long-con investment scam built on a fake relationship.' },
    { id: 'tech-support-scam', name: 'Tech support scam', aliases: ['tech-support scam', 'tech support scams'], description: 'Fake support calls or pop-ups that extract payment or remote access.' },
    { id: 'sextortion', name: 'Sextortion', aliases: ['sextortion scam', 'sextortion emails'], description: 'Extortion with real or claimed intimate images.' },
    { id: 'card-skimming', name: 'Card skimming', aliases: ['web skimming', 'formjacking', 'digital skimming', 'e-skimming', 'Magecart attack'], description: 'Stealing payment cards from checkout pages or card readers.' },
    { id: 'cryptocurrency-theft', name: 'Cryptocurrency theft', aliases: ['crypto heist', 'crypto theft', 'cryptocurrency heist'], description: 'Stealing digital assets from exchanges, bridges or wallets.' },
    { id: 'invoice-fraud', name: 'Invoice fraud', aliases: ['payment diversion fraud', 'payment redirection'], description: 'Changing bank details on invoices to redirect payments.' },
  ]),
  ...incident('supply-chain', [
    { id: 'supply-chain-attack', name: 'Supply-chain attack', aliases: ['supply chain attack', 'supply-chain attacks', 'supply chain attacks', 'software supply chain attack', 'supply-chain compromise', 'supply chain compromise'], description: 'Compromising a supplier or software component to reach its customers.' },
    { id: 'malicious-package', name: 'Malicious package', aliases: ['malicious packages', 'malicious npm package', 'malicious npm packages', 'malicious PyPI package', 'malicious PyPI packages'], description: 'Harmful package published to an open-source registry.' },
    { id: 'dependency-confusion', name: 'Dependency confusion', aliases: ['dependency-confusion attack', 'namespace confusion'], description: 'Tricking builds into fetching a public package instead of an internal one.' },
    { id: 'typosquatting', name: 'Typosquatting', aliases: ['typo-squatting', 'typosquatted', 'typosquat'], description: 'Registering look-alike names of popular domains or packages.' },
  ]),
  ...incident('vulnerability-exploitation', [
    { id: 'zero-day', name: 'Zero-day', aliases: ['zero day', '0-day', '0day', 'zero-days', 'zero-day exploit', 'zero-day vulnerability', 'zero-day vulnerabilities', 'zero-day flaw'], description: 'Flaw exploited before a fix is available.' },
    { id: 'zero-click', name: 'Zero-click exploit', aliases: ['zero-click', 'zero click', 'zero-click attack'], description: 'Exploit that needs no action from the victim.' },
    { id: 'active-exploitation', name: 'Active exploitation', aliases: ['actively exploited', 'exploited in the wild', 'in-the-wild exploitation', 'mass exploitation', 'mass-exploitation'], description: 'A vulnerability being used in real attacks.' },
    { id: 'remote-code-execution', name: 'Remote code execution', aliases: ['RCE', 'remote-code execution', 'arbitrary code execution'], description: 'Flaw class that lets an attacker run code on a remote system.' },
    { id: 'privilege-escalation', name: 'Privilege escalation', aliases: ['elevation of privilege', 'EoP', 'local privilege escalation', 'LPE', 'privilege-escalation'], description: 'Gaining higher rights than granted.' },
    { id: 'sql-injection', name: 'SQL injection', aliases: ['SQLi', 'SQL-injection', 'blind SQL injection'], description: 'Injecting database commands through unsanitised input.' },
    { id: 'cross-site-scripting', name: 'Cross-site scripting', aliases: ['XSS', 'cross site scripting', 'stored XSS', 'reflected XSS'], description: 'Injecting script into pages other users load.' },
    { id: 'cross-site-request-forgery', name: 'Cross-site request forgery', aliases: ['CSRF', 'XSRF', 'cross site request forgery'], description: 'Making a victim’s browser send unwanted authenticated requests.' },
    { id: 'server-side-request-forgery', name: 'Server-side request forgery', aliases: ['SSRF', 'server side request forgery'], description: 'Making a server send requests on the attacker’s behalf.' },
    { id: 'command-injection', name: 'Command injection', aliases: ['OS command injection', 'command-injection'], description: 'Injecting operating-system commands through input.' },
    { id: 'authentication-bypass', name: 'Authentication bypass', aliases: ['auth bypass', 'authentication-bypass'], description: 'Getting in without valid credentials.' },
    { id: 'path-traversal', name: 'Path traversal', aliases: ['directory traversal', 'path-traversal'], description: 'Reading or writing files outside the intended folder.' },
    { id: 'insecure-deserialization', name: 'Insecure deserialization', aliases: ['deserialization vulnerability', 'unsafe deserialization', 'deserialization of untrusted data'], description: 'Running attacker-controlled objects while decoding data.' },
    { id: 'buffer-overflow', name: 'Buffer overflow', aliases: ['buffer overflows', 'heap overflow', 'heap-based buffer overflow', 'stack-based buffer overflow'], description: 'Writing past the end of a memory buffer.' },
    { id: 'use-after-free', name: 'Use-after-free', aliases: ['use after free', 'UAF'], description: 'Using memory after it has been released.' },
    { id: 'type-confusion', name: 'Type confusion', aliases: ['type-confusion'], description: 'Treating an object as the wrong type, common in browser engines.' },
    { id: 'out-of-bounds', name: 'Out-of-bounds write', aliases: ['out-of-bounds read', 'out of bounds write', 'OOB write'], description: 'Memory access outside an object’s bounds.' },
    { id: 'memory-corruption', name: 'Memory corruption', aliases: ['memory-corruption'], description: 'Bug that lets an attacker alter memory in unintended ways.' },
    { id: 'exploit-chain', name: 'Exploit chain', aliases: ['exploit chains', 'chained exploits'], description: 'Several exploits combined to reach full compromise.' },
  ]),
  ...incident('espionage', [
    { id: 'cyber-espionage', name: 'Cyber espionage', aliases: ['cyber-espionage', 'cyberespionage', 'espionage campaign', 'espionage campaigns', 'cyber spying', 'state-sponsored espionage'], description: 'Intrusions to steal secrets for a state or company.' },
    { id: 'watering-hole', name: 'Watering hole attack', aliases: ['watering-hole attack', 'watering hole', 'watering-hole', 'strategic web compromise'], description: 'Compromising a site the intended victims visit.' },
  ]),
  ...incident('wiper', [
    { id: 'wiper-attack', name: 'Wiper attack', aliases: ['wiper attacks', 'wiper malware', 'data wiper', 'disk wiper', 'destructive attack', 'destructive attacks'], description: 'Attack that destroys data or disks rather than stealing them.' },
  ]),
  ...incident('cyberattack', [
    { id: 'cyberattack', name: 'Cyberattack', aliases: ['cyberattacks', 'cyber attack', 'cyber attacks', 'cyber-attack', 'cyber-attacks', 'cyber incident', 'cybersecurity incident', 'cyber security incident'], description: 'Any attack on computer systems, when the text says no more.' },
    { id: 'defacement', name: 'Website defacement', aliases: ['defacement', 'defacements', 'web defacement'], description: 'Replacing a website’s content with the attacker’s message.' },
    { id: 'hacktivism', name: 'Hacktivism', aliases: ['hacktivist attack', 'hacktivist attacks'], description: 'Attacks carried out for a political cause.' },
    { id: 'cyber-sabotage', name: 'Cyber sabotage', aliases: ['cyber-sabotage'], description: 'Attacks meant to disrupt physical or industrial processes.' },
  ]),
  // techniques that say how, not what happened: no incident type
  { id: 'credential-stuffing', name: 'Credential stuffing', aliases: ['credential-stuffing', 'credential stuffing attack', 'credential stuffing attacks'], description: 'Trying leaked username and password pairs on other services.' },
  { id: 'password-spraying', name: 'Password spraying', aliases: ['password spray', 'password-spraying', 'password spray attack'], description: 'Trying a few common passwords against many accounts.' },
  { id: 'brute-force', name: 'Brute-force attack', aliases: ['brute force', 'brute-force', 'brute-forcing', 'brute force attack', 'brute-force attacks'], description: 'Guessing passwords or keys by trying many candidates.' },
  { id: 'man-in-the-middle', name: 'Man-in-the-middle attack', aliases: ['man-in-the-middle', 'man in the middle', 'MitM', 'adversary-in-the-middle', 'AitM'], description: 'Intercepting traffic between two parties.' },
  { id: 'drive-by-download', name: 'Drive-by download', aliases: ['drive-by downloads', 'drive-by compromise', 'drive-by attack'], description: 'Infection from simply visiting a malicious page.' },
  { id: 'malvertising', name: 'Malvertising', aliases: ['malicious advertising', 'malvertising campaign', 'malicious ads'], description: 'Malicious online advertisements that lead to malware.' },
  { id: 'seo-poisoning', name: 'SEO poisoning', aliases: ['search engine poisoning', 'SEO-poisoning'], description: 'Pushing malicious pages up search results.' },
  { id: 'cryptojacking', name: 'Cryptojacking', aliases: ['crypto-jacking', 'illicit cryptomining', 'cryptomining attack'], description: 'Using victims’ computing power to mine cryptocurrency.' },
  { id: 'session-hijacking', name: 'Session hijacking', aliases: ['session hijack', 'cookie theft', 'pass-the-cookie', 'session token theft'], description: 'Stealing a session cookie or token to impersonate a logged-in user.' },
  { id: 'pass-the-hash', name: 'Pass-the-hash', aliases: ['pass the hash', 'pass-the-ticket', 'pass the ticket'], description: 'Authenticating with stolen password hashes or tickets.' },
  { id: 'kerberoasting', name: 'Kerberoasting', aliases: ['Kerberoast'], description: 'Requesting service tickets to crack service-account passwords offline.' },
  { id: 'dns-hijacking', name: 'DNS hijacking', aliases: ['DNS hijack', 'domain hijacking', 'DNS poisoning', 'DNS spoofing', 'DNS cache poisoning'], description: 'Redirecting name resolution to attacker-controlled servers.' },
  { id: 'bgp-hijacking', name: 'BGP hijacking', aliases: ['BGP hijack', 'route hijacking'], description: 'Announcing someone else’s IP prefixes to divert traffic.' },
  { id: 'living-off-the-land', name: 'Living off the land', aliases: ['living-off-the-land', 'LOTL', 'LOLBins', 'LOLBin', 'living off the land binaries'], description: 'Attacking with the tools already on the victim’s systems.' },
  { id: 'fileless-malware', name: 'Fileless malware', aliases: ['fileless attack', 'fileless attacks', 'fileless malware attack'], description: 'Malware that runs in memory without files on disk.' },
  { id: 'dll-side-loading', name: 'DLL side-loading', aliases: ['DLL sideloading', 'DLL side loading', 'DLL hijacking', 'DLL search order hijacking'], description: 'Making a legitimate program load a malicious library.' },
  { id: 'byovd', name: 'Bring your own vulnerable driver', aliases: ['BYOVD', 'bring-your-own-vulnerable-driver'], description: 'Loading a signed but flawed driver to disable defences.' },
  { id: 'lateral-movement', name: 'Lateral movement', aliases: ['lateral-movement', 'move laterally'], description: 'Spreading from the first compromised host to others.' },
  { id: 'initial-access-brokering', name: 'Initial access brokering', aliases: ['initial access broker', 'initial access brokers', 'IAB', 'access broker'], ambiguous: ['IAB'], cues: ['access', 'initial access', 'ransomware', 'broker', 'forum'], description: 'Selling footholds in victim networks to other criminals.' },
  { id: 'clickjacking', name: 'Clickjacking', aliases: ['UI redressing'], description: 'Tricking users into clicking hidden page elements.' },
  { id: 'keylogging', name: 'Keylogging', aliases: ['keystroke logging', 'keylogger'], description: 'Recording keystrokes to steal passwords.' },
  { id: 'infostealer-infection', name: 'Infostealer infection', aliases: ['infostealer', 'infostealers', 'information stealer', 'information-stealing malware', 'stealer logs'], description: 'Malware that harvests browser passwords, cookies and wallets.' },
  { id: 'botnet', name: 'Botnet', aliases: ['botnets'], description: 'Network of hijacked devices under one controller.' },
  { id: 'disinformation', name: 'Disinformation campaign', aliases: ['influence operation', 'influence operations', 'disinformation', 'information operation'], description: 'Coordinated spread of false or manipulated content.' },
  { id: 'doxxing', name: 'Doxxing', aliases: ['doxing', 'doxed', 'doxxed'], description: 'Publishing private personal information about someone.' },
  { id: 'swatting', name: 'Swatting', description: 'False emergency reports to send armed police to a victim.' },
];
