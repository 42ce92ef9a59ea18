import type { SeedRow } from './row';

/**
 * Products that vulnerability news and CISA KEV name most. meta.vendor is the id of the maker in vendors.ts
 * (absent for community projects without a vendor row). Product names that are ordinary words ("Edge",
 * "Office", "Teams", "Word", "Exchange", "Windows") are ambiguous: they count with their vendor's name or a
 * software cue nearby (the vendor-qualified alias, e.g. "Microsoft Edge", is never ambiguous).
 */

const SW = ['patch', 'patched', 'update', 'updates', 'vulnerability', 'vulnerabilities', 'flaw', 'flaws', 'CVE', 'bug', 'zero-day', 'exploit', 'exploited', 'version', 'versions', 'users', 'browser', 'server', 'servers', 'app', 'software', 'security'];

function by(vendor: string, rows: SeedRow[]): SeedRow[] {
  for (const r of rows) r.meta = { ...(r.meta ?? {}), vendor };
  return rows;
}

export const PRODUCTS: SeedRow[] = [
  ...by('microsoft', [
    { id: 'microsoft-windows', name: 'Windows', aliases: ['Microsoft Windows', 'Windows 10', 'Windows 11', 'Windows 7', 'Windows XP'], ambiguous: ['Windows'], cues: [...SW, 'Microsoft', 'PC', 'PCs', 'kernel', 'Patch Tuesday'], description: 'Microsoft’s desktop operating system.' },
    { id: 'windows-server', name: 'Windows Server', aliases: ['Microsoft Windows Server', 'Windows Server 2019', 'Windows Server 2022', 'Windows Server 2025'], description: 'Microsoft’s server operating system.' },
    { id: 'exchange-server', name: 'Exchange Server', aliases: ['Microsoft Exchange', 'Microsoft Exchange Server', 'Exchange', 'Exchange Online'], ambiguous: ['Exchange'], cues: [...SW, 'Microsoft', 'email', 'e-mail', 'ProxyLogon', 'ProxyShell', 'OWA', 'Outlook'], description: 'Microsoft’s e-mail server, target of ProxyLogon and ProxyShell.' },
    { id: 'sharepoint', name: 'SharePoint', aliases: ['Microsoft SharePoint', 'SharePoint Server', 'SharePoint Online'], description: 'Microsoft’s document-collaboration server, hit by ToolShell in 2025.' },
    { id: 'microsoft-office', name: 'Microsoft Office', aliases: ['Office', 'MS Office'], ambiguous: ['Office'], cues: [...SW, 'Microsoft', 'document', 'documents', 'macro', 'macros', 'Word', 'Excel'], description: 'Microsoft’s productivity suite.' },
    { id: 'microsoft-365', name: 'Microsoft 365', aliases: ['Office 365', 'M365', 'O365'], description: 'Microsoft’s cloud productivity subscription.' },
    { id: 'outlook', name: 'Outlook', aliases: ['Microsoft Outlook', 'Outlook.com'], ambiguous: ['Outlook'], cues: [...SW, 'Microsoft', 'email', 'e-mail', 'inbox', 'calendar'], description: 'Microsoft’s e-mail client and web mail service.' },
    { id: 'microsoft-teams', name: 'Microsoft Teams', aliases: ['Teams', 'MS Teams'], ambiguous: ['Teams'], cues: [...SW, 'Microsoft', 'chat', 'chats', 'message', 'messages', 'meeting', 'call', 'calls'], description: 'Microsoft’s chat and meeting app, abused for help-desk social engineering.' },
    { id: 'microsoft-edge', name: 'Microsoft Edge', aliases: ['Edge'], ambiguous: ['Edge'], cues: [...SW, 'Microsoft', 'Chromium', 'Chrome', 'Firefox', 'Safari'], description: 'Microsoft’s Chromium-based browser.' },
    { id: 'internet-explorer', name: 'Internet Explorer', aliases: ['Microsoft Internet Explorer', 'IE11'], description: 'Microsoft’s retired browser.' },
    { id: 'microsoft-word', name: 'Microsoft Word', aliases: ['MS Word'], description: 'Microsoft’s word processor.' },
    { id: 'microsoft-excel', name: 'Microsoft Excel', aliases: ['MS Excel'], description: 'Microsoft’s spreadsheet program.' },
    { id: 'microsoft-powerpoint', name: 'PowerPoint', aliases: ['Microsoft PowerPoint'], description: 'Microsoft’s presentation program.' },
    { id: 'azure', name: 'Azure', aliases: ['Microsoft Azure'], description: 'Microsoft’s cloud platform.' },
    { id: 'entra-id', name: 'Microsoft Entra ID', aliases: ['Entra ID', 'Azure AD', 'Azure Active Directory', 'Microsoft Entra'], description: 'Microsoft’s cloud identity service.' },
    { id: 'active-directory', name: 'Active Directory', aliases: ['Microsoft Active Directory', 'AD DS', 'Active Directory Domain Services'], description: 'Microsoft’s on-premises directory service.' },
    { id: 'microsoft-defender', name: 'Microsoft Defender', aliases: ['Windows Defender', 'Defender for Endpoint', 'Microsoft Defender for Endpoint'], description: 'Microsoft’s antivirus and endpoint detection product.' },
    { id: 'dotnet-framework', name: '.NET Framework', aliases: ['Microsoft .NET Framework', '.NET'], description: 'Microsoft’s application framework.' },
    { id: 'visual-studio', name: 'Visual Studio', aliases: ['Visual Studio Code', 'VS Code', 'VSCode'], description: 'Microsoft’s development environments.' },
    { id: 'windows-print-spooler', name: 'Windows Print Spooler', aliases: ['Print Spooler'], description: 'Windows printing service behind PrintNightmare.' },
    { id: 'hyper-v', name: 'Hyper-V', aliases: ['Microsoft Hyper-V'], description: 'Microsoft’s hypervisor.' },
    { id: 'wsus', name: 'Windows Server Update Services', aliases: ['WSUS'], description: 'Microsoft’s on-premises update server.' },
    { id: 'mshtml', name: 'MSHTML', aliases: ['Trident engine'], description: 'Internet Explorer’s legacy rendering engine still inside Windows.' },
    { id: 'win32k', name: 'Win32k', aliases: ['win32k.sys'], description: 'Windows kernel-mode graphics driver often used for privilege escalation.' },
    { id: 'windows-smartscreen', name: 'Windows SmartScreen', aliases: ['SmartScreen'], description: 'Windows reputation check for downloaded files.' },
    { id: 'remote-desktop', name: 'Remote Desktop Services', aliases: ['Windows Remote Desktop', 'Remote Desktop Gateway', 'RD Gateway'], description: 'Windows remote-desktop server components.' },
    { id: 'microsoft-copilot', name: 'Microsoft Copilot', aliases: ['Copilot', 'Microsoft 365 Copilot'], ambiguous: ['Copilot'], cues: [...SW, 'Microsoft', 'AI', 'GitHub', 'assistant'], description: 'Microsoft’s AI assistant.' },
    { id: 'skype', name: 'Skype', aliases: ['Skype for Business'], description: 'Microsoft’s retired calling and chat app.' },
    { id: 'onedrive', name: 'OneDrive', aliases: ['Microsoft OneDrive'], description: 'Microsoft’s file storage, abused for payload hosting.' },
    { id: 'linkedin', name: 'LinkedIn', description: 'Microsoft-owned professional network, used for fake recruiter lures.' },
  ]),
  ...by('cisco', [
    { id: 'cisco-ios-xe', name: 'Cisco IOS XE', aliases: ['IOS XE'], description: 'Cisco’s router and switch operating system.' },
    { id: 'cisco-ios', name: 'Cisco IOS', description: 'Cisco’s classic network operating system.' },
    { id: 'cisco-ios-xr', name: 'Cisco IOS XR', aliases: ['IOS XR'], description: 'Cisco’s carrier-grade router operating system.' },
    { id: 'cisco-asa', name: 'Cisco ASA', aliases: ['Adaptive Security Appliance', 'Cisco Adaptive Security Appliance'], description: 'Cisco’s firewall and VPN appliance.' },
    { id: 'cisco-ftd', name: 'Cisco Firepower Threat Defense', aliases: ['Firepower Threat Defense', 'Cisco FTD', 'Cisco Firepower'], description: 'Cisco’s next-generation firewall software.' },
    { id: 'cisco-anyconnect', name: 'Cisco AnyConnect', aliases: ['AnyConnect', 'Cisco Secure Client'], description: 'Cisco’s VPN client.' },
    { id: 'cisco-ise', name: 'Cisco Identity Services Engine', aliases: ['Cisco ISE', 'Identity Services Engine'], description: 'Cisco’s network access control product.' },
    { id: 'webex', name: 'Webex', aliases: ['Cisco Webex'], description: 'Cisco’s video-conferencing service.' },
    { id: 'cisco-rv-routers', name: 'Cisco RV routers', aliases: ['Cisco Small Business RV', 'RV340', 'RV345'], description: 'Cisco small-business routers, many past end of life.' },
    { id: 'cisco-smart-licensing-utility', name: 'Cisco Smart Licensing Utility', description: 'Cisco licensing tool with a hard-coded admin account found in 2025.' },
  ]),
  ...by('fortinet', [
    { id: 'fortios', name: 'FortiOS', description: 'Operating system of Fortinet FortiGate firewalls.' },
    { id: 'fortigate', name: 'FortiGate', description: 'Fortinet’s firewall and SSL-VPN appliance.' },
    { id: 'fortiproxy', name: 'FortiProxy', description: 'Fortinet’s secure web proxy.' },
    { id: 'fortimanager', name: 'FortiManager', description: 'Fortinet’s central management console, hit by FortiJump in 2024.' },
    { id: 'fortiweb', name: 'FortiWeb', description: 'Fortinet’s web application firewall.' },
    { id: 'forticlient-ems', name: 'FortiClient EMS', aliases: ['FortiClientEMS'], description: 'Fortinet’s endpoint management server.' },
    { id: 'fortisiem', name: 'FortiSIEM', description: 'Fortinet’s security event management product.' },
    { id: 'fortianalyzer', name: 'FortiAnalyzer', description: 'Fortinet’s log analytics appliance.' },
    { id: 'forticlient', name: 'FortiClient', description: 'Fortinet’s endpoint and VPN client.' },
  ]),
  ...by('ivanti', [
    { id: 'ivanti-connect-secure', name: 'Ivanti Connect Secure', aliases: ['Connect Secure', 'Pulse Connect Secure', 'Ivanti ICS'], description: 'Ivanti’s SSL-VPN appliance, formerly Pulse Connect Secure.' },
    { id: 'ivanti-policy-secure', name: 'Ivanti Policy Secure', aliases: ['Policy Secure'], description: 'Ivanti’s network access control appliance.' },
    { id: 'ivanti-epmm', name: 'Ivanti Endpoint Manager Mobile', aliases: ['Ivanti EPMM', 'EPMM', 'MobileIron Core'], description: 'Ivanti’s mobile device management server.' },
    { id: 'ivanti-epm', name: 'Ivanti Endpoint Manager', aliases: ['Ivanti EPM'], description: 'Ivanti’s endpoint management server.' },
    { id: 'ivanti-csa', name: 'Ivanti Cloud Services Appliance', aliases: ['Ivanti CSA', 'Cloud Services Appliance'], description: 'Ivanti’s gateway appliance for remote endpoint management.' },
    { id: 'ivanti-sentry', name: 'Ivanti Sentry', aliases: ['MobileIron Sentry'], description: 'Ivanti’s mobile gateway.' },
  ]),
  ...by('citrix', [
    { id: 'citrix-netscaler-adc', name: 'NetScaler ADC', aliases: ['Citrix NetScaler ADC', 'Citrix ADC', 'NetScaler'], description: 'Citrix application delivery controller, hit by Citrix Bleed.' },
    { id: 'citrix-netscaler-gateway', name: 'NetScaler Gateway', aliases: ['Citrix NetScaler Gateway', 'Citrix Gateway'], description: 'Citrix remote-access gateway.' },
    { id: 'citrix-sharefile', name: 'Citrix ShareFile', aliases: ['ShareFile'], description: 'Citrix file-sharing service.' },
    { id: 'citrix-workspace', name: 'Citrix Workspace', aliases: ['Citrix Workspace app'], description: 'Citrix virtual desktop client.' },
  ]),
  ...by('palo-alto-networks', [
    { id: 'pan-os', name: 'PAN-OS', aliases: ['PANOS'], description: 'Operating system of Palo Alto Networks firewalls.' },
    { id: 'globalprotect', name: 'GlobalProtect', aliases: ['Palo Alto GlobalProtect'], description: 'Palo Alto Networks VPN gateway and client.' },
    { id: 'pan-expedition', name: 'Palo Alto Networks Expedition', aliases: ['Expedition migration tool'], description: 'Palo Alto Networks firewall migration tool.' },
    { id: 'cortex-xdr', name: 'Cortex XDR', description: 'Palo Alto Networks endpoint detection product.' },
  ]),
  ...by('vmware', [
    { id: 'vcenter-server', name: 'vCenter Server', aliases: ['VMware vCenter', 'VMware vCenter Server', 'vCenter'], description: 'VMware’s virtualisation management server.' },
    { id: 'esxi', name: 'ESXi', aliases: ['VMware ESXi'], description: 'VMware’s bare-metal hypervisor, a favourite ransomware target.' },
    { id: 'vmware-workspace-one-access', name: 'Workspace ONE Access', aliases: ['VMware Workspace ONE Access', 'VMware Identity Manager', 'vIDM'], description: 'VMware’s identity and access product.' },
    { id: 'vmware-workstation', name: 'VMware Workstation', description: 'VMware’s desktop hypervisor.' },
    { id: 'vmware-tools', name: 'VMware Tools', description: 'Guest utilities for VMware virtual machines.' },
    { id: 'spring-framework', name: 'Spring Framework', aliases: ['Spring Core', 'Spring Cloud'], description: 'Java application framework maintained under VMware Tanzu.' },
  ]),
  ...by('apple', [
    { id: 'ios', name: 'iOS', aliases: ['Apple iOS'], description: 'Apple’s iPhone operating system.' },
    { id: 'ipados', name: 'iPadOS', description: 'Apple’s iPad operating system.' },
    { id: 'macos', name: 'macOS', aliases: ['Mac OS X', 'OS X', 'Apple macOS'], description: 'Apple’s desktop operating system.' },
    { id: 'safari', name: 'Safari', aliases: ['Apple Safari'], ambiguous: ['Safari'], cues: [...SW, 'Apple', 'WebKit', 'Chrome', 'Firefox', 'iOS', 'macOS'], description: 'Apple’s web browser.' },
    { id: 'webkit', name: 'WebKit', description: 'Browser engine behind Safari and every iOS browser.' },
    { id: 'watchos', name: 'watchOS', description: 'Apple Watch operating system.' },
    { id: 'visionos', name: 'visionOS', description: 'Apple Vision Pro operating system.' },
    { id: 'imessage', name: 'iMessage', description: 'Apple’s messaging service, a zero-click attack surface.' },
    { id: 'iphone', name: 'iPhone', description: 'Apple’s smartphone.' },
    { id: 'app-store', name: 'App Store', aliases: ['Apple App Store'], description: 'Apple’s app marketplace.' },
    { id: 'icloud', name: 'iCloud', description: 'Apple’s cloud service.' },
  ]),
  ...by('google', [
    { id: 'chrome', name: 'Chrome', aliases: ['Google Chrome'], ambiguous: ['Chrome'], cues: [...SW, 'Google', 'Chromium', 'V8', 'extension', 'extensions', 'Edge', 'Firefox', 'Safari'], description: 'Google’s web browser.' },
    { id: 'chromium', name: 'Chromium', ambiguous: ['Chromium'], cues: [...SW, 'Chrome', 'Google', 'Edge', 'browsers', 'V8'], description: 'Open-source browser project behind Chrome, Edge and others.' },
    { id: 'chrome-v8', name: 'V8', aliases: ['Chromium V8', 'V8 JavaScript engine'], ambiguous: ['V8'], cues: [...SW, 'Chrome', 'Chromium', 'JavaScript', 'engine', 'Google'], description: 'JavaScript engine of Chrome.' },
    { id: 'android', name: 'Android', aliases: ['Google Android', 'Android OS'], ambiguous: ['Android'], cues: [...SW, 'Google', 'iOS', 'iPhone', 'phone', 'phones', 'device', 'devices', 'apps', 'malware', 'mobile', 'Pixel', 'Samsung', 'APK'], description: 'Google’s mobile operating system.' },
    { id: 'pixel', name: 'Pixel', aliases: ['Google Pixel'], ambiguous: ['Pixel'], cues: [...SW, 'Google', 'Android', 'phone', 'phones', 'firmware'], description: 'Google’s phone line.' },
    { id: 'gmail', name: 'Gmail', description: 'Google’s e-mail service.' },
    { id: 'google-workspace', name: 'Google Workspace', aliases: ['G Suite'], description: 'Google’s cloud productivity suite.' },
    { id: 'google-play', name: 'Google Play', aliases: ['Google Play Store', 'Play Store'], description: 'Android’s official app store.' },
    { id: 'google-cloud', name: 'Google Cloud', aliases: ['Google Cloud Platform', 'GCP'], description: 'Google’s cloud platform.' },
    { id: 'youtube', name: 'YouTube', description: 'Google’s video platform.' },
    { id: 'google-drive', name: 'Google Drive', description: 'Google’s file storage, abused for payload hosting.' },
  ]),
  ...by('mozilla', [
    { id: 'firefox', name: 'Firefox', aliases: ['Mozilla Firefox', 'Firefox ESR'], description: 'Mozilla’s web browser.' },
    { id: 'thunderbird', name: 'Thunderbird', aliases: ['Mozilla Thunderbird'], description: 'Mozilla’s e-mail client.' },
  ]),
  ...by('oracle', [
    { id: 'weblogic-server', name: 'WebLogic Server', aliases: ['Oracle WebLogic', 'Oracle WebLogic Server', 'WebLogic'], description: 'Oracle’s Java application server.' },
    { id: 'oracle-ebs', name: 'Oracle E-Business Suite', aliases: ['E-Business Suite', 'Oracle EBS'], description: 'Oracle’s ERP suite, target of a 2025 Clop extortion campaign.' },
    { id: 'java-se', name: 'Java SE', aliases: ['Oracle Java', 'Java Runtime Environment', 'JRE'], description: 'Oracle’s Java platform.' },
    { id: 'mysql', name: 'MySQL', description: 'Open-source database owned by Oracle.' },
    { id: 'oracle-database', name: 'Oracle Database', description: 'Oracle’s relational database.' },
    { id: 'oracle-fusion-middleware', name: 'Oracle Fusion Middleware', aliases: ['Fusion Middleware'], description: 'Oracle’s middleware family.' },
    { id: 'oracle-cloud', name: 'Oracle Cloud', aliases: ['Oracle Cloud Infrastructure', 'OCI'], ambiguous: ['OCI'], cues: [...SW, 'Oracle', 'cloud', 'tenants', 'tenant'], description: 'Oracle’s cloud platform.' },
    { id: 'virtualbox', name: 'VirtualBox', aliases: ['Oracle VirtualBox'], description: 'Oracle’s desktop hypervisor.' },
  ]),
  ...by('sap', [
    { id: 'sap-netweaver', name: 'SAP NetWeaver', aliases: ['NetWeaver', 'NetWeaver Visual Composer'], description: 'SAP’s application platform, exploited in 2025.' },
  ]),
  ...by('atlassian', [
    { id: 'confluence', name: 'Confluence', ambiguous: ['Confluence'], cues: [...SW, 'Atlassian', 'wiki', 'Data Center', 'OGNL'], aliases: ['Atlassian Confluence', 'Confluence Server', 'Confluence Data Center'], description: 'Atlassian’s wiki server.' },
    { id: 'jira', name: 'Jira', aliases: ['Atlassian Jira', 'Jira Server', 'Jira Service Management'], description: 'Atlassian’s issue tracker.' },
    { id: 'bitbucket', name: 'Bitbucket', aliases: ['Atlassian Bitbucket'], description: 'Atlassian’s code hosting product.' },
    { id: 'bamboo', name: 'Atlassian Bamboo', description: 'Atlassian’s CI server.' },
  ]),
  ...by('progress-software', [
    { id: 'moveit-transfer', name: 'MOVEit Transfer', aliases: ['MOVEit', 'Progress MOVEit', 'MOVEit Cloud'], description: 'Managed file-transfer product mass-exploited by Clop in 2023.' },
    { id: 'whatsup-gold', name: 'WhatsUp Gold', description: 'Progress network monitoring software.' },
    { id: 'telerik-ui', name: 'Telerik UI', aliases: ['Telerik UI for ASP.NET AJAX', 'Telerik'], description: 'Progress UI component library with deserialisation flaws.' },
    { id: 'ws-ftp-server', name: 'WS_FTP Server', aliases: ['WS_FTP'], description: 'Progress FTP server.' },
    { id: 'progress-loadmaster', name: 'LoadMaster', aliases: ['Kemp LoadMaster', 'Progress Kemp LoadMaster'], description: 'Progress Kemp load balancer.' },
  ]),
  ...by('adobe', [
    { id: 'acrobat-reader', name: 'Acrobat Reader', aliases: ['Adobe Acrobat', 'Adobe Reader', 'Adobe Acrobat Reader', 'Acrobat'], ambiguous: ['Acrobat'], cues: [...SW, 'Adobe', 'PDF', 'Reader'], description: 'Adobe’s PDF software.' },
    { id: 'flash-player', name: 'Flash Player', aliases: ['Adobe Flash', 'Adobe Flash Player'], description: 'Adobe’s retired browser plug-in, long an exploit favourite.' },
    { id: 'coldfusion', name: 'ColdFusion', aliases: ['Adobe ColdFusion'], description: 'Adobe’s web application server.' },
    { id: 'adobe-commerce', name: 'Adobe Commerce', aliases: ['Magento', 'Magento Open Source'], description: 'Adobe’s e-commerce platform, target of card skimmers.' },
  ]),
  ...by('apache-software-foundation', [
    { id: 'apache-log4j', name: 'Log4j', aliases: ['Apache Log4j', 'Log4j2', 'Log4j 2', 'log4j-core'], description: 'Java logging library behind Log4Shell.' },
    { id: 'apache-struts', name: 'Apache Struts', aliases: ['Struts', 'Struts 2'], ambiguous: ['Struts'], cues: [...SW, 'Apache', 'Java', 'Equifax', 'framework'], description: 'Java web framework whose flaw led to the Equifax breach.' },
    { id: 'apache-tomcat', name: 'Apache Tomcat', aliases: ['Tomcat'], ambiguous: ['Tomcat'], cues: [...SW, 'Apache', 'Java', 'servlet'], description: 'Java servlet container.' },
    { id: 'apache-http-server', name: 'Apache HTTP Server', aliases: ['Apache httpd', 'httpd'], description: 'Widely used web server.' },
    { id: 'apache-activemq', name: 'Apache ActiveMQ', aliases: ['ActiveMQ'], description: 'Message broker exploited for ransomware in 2023.' },
    { id: 'apache-ofbiz', name: 'Apache OFBiz', aliases: ['OFBiz'], description: 'Open-source ERP system.' },
    { id: 'apache-solr', name: 'Apache Solr', aliases: ['Solr'], description: 'Search platform.' },
    { id: 'apache-kafka', name: 'Apache Kafka', aliases: ['Kafka'], ambiguous: ['Kafka'], cues: [...SW, 'Apache', 'broker', 'streaming'], description: 'Event-streaming platform.' },
    { id: 'apache-commons-text', name: 'Apache Commons Text', description: 'Java string library behind Text4Shell.' },
    { id: 'apache-airflow', name: 'Apache Airflow', aliases: ['Airflow'], description: 'Workflow orchestration platform.' },
  ]),
  ...by('linux-foundation', [
    { id: 'linux-kernel', name: 'Linux kernel', aliases: ['Linux'], description: 'Kernel of Linux systems.' },
    { id: 'kubernetes', name: 'Kubernetes', aliases: ['K8s'], description: 'Container orchestration platform.' },
    { id: 'nodejs', name: 'Node.js', aliases: ['NodeJS'], description: 'Server-side JavaScript runtime.' },
  ]),
  ...by('connectwise', [
    { id: 'screenconnect', name: 'ScreenConnect', aliases: ['ConnectWise ScreenConnect', 'ConnectWise Control'], description: 'Remote-support tool exploited and abused in many intrusions.' },
    { id: 'connectwise-automate', name: 'ConnectWise Automate', description: 'Remote monitoring and management platform.' },
  ]),
  ...by('veeam', [
    { id: 'veeam-backup-replication', name: 'Veeam Backup & Replication', aliases: ['Veeam Backup and Replication', 'VBR'], description: 'Backup server targeted by ransomware gangs to destroy recovery points.' },
  ]),
  ...by('sonicwall', [
    { id: 'sonicos', name: 'SonicOS', description: 'Operating system of SonicWall firewalls.' },
    { id: 'sonicwall-sma', name: 'SonicWall SMA', aliases: ['SMA 100', 'SMA100', 'Secure Mobile Access'], description: 'SonicWall remote-access appliances.' },
  ]),
  ...by('barracuda', [
    { id: 'barracuda-esg', name: 'Barracuda Email Security Gateway', aliases: ['Barracuda ESG', 'Email Security Gateway'], description: 'E-mail appliance whose 2023 zero-day led Barracuda to urge replacement.' },
  ]),
  ...by('f5', [
    { id: 'big-ip', name: 'BIG-IP', aliases: ['F5 BIG-IP', 'BIG-IP APM', 'BIG-IP LTM'], description: 'F5’s application delivery controllers.' },
    { id: 'nginx', name: 'NGINX', description: 'Web server and reverse proxy owned by F5.' },
  ]),
  ...by('juniper-networks', [
    { id: 'junos-os', name: 'Junos OS', aliases: ['Junos', 'Juniper Junos'], description: 'Operating system of Juniper routers and firewalls.' },
    { id: 'screenos', name: 'ScreenOS', description: 'Juniper’s legacy firewall OS, backdoored in 2015.' },
  ]),
  ...by('check-point', [
    { id: 'check-point-security-gateway', name: 'Check Point Security Gateway', aliases: ['Check Point Quantum Security Gateway', 'Check Point VPN'], description: 'Check Point firewall and VPN gateway.' },
  ]),
  ...by('fortra', [
    { id: 'goanywhere-mft', name: 'GoAnywhere MFT', aliases: ['GoAnywhere', 'Fortra GoAnywhere'], description: 'Managed file-transfer product exploited by Clop in 2023.' },
  ]),
  ...by('kaseya', [
    { id: 'kaseya-vsa', name: 'Kaseya VSA', aliases: ['VSA'], ambiguous: ['VSA'], cues: [...SW, 'Kaseya', 'REvil', 'MSP', 'MSPs'], description: 'Remote-management tool abused in REvil’s 2021 supply-chain attack.' },
  ]),
  ...by('solarwinds', [
    { id: 'solarwinds-orion', name: 'SolarWinds Orion', aliases: ['Orion Platform', 'Orion'], ambiguous: ['Orion'], cues: [...SW, 'SolarWinds', 'SUNBURST', 'network monitoring'], description: 'Network-monitoring platform trojanised in the 2020 supply-chain attack.' },
    { id: 'serv-u', name: 'Serv-U', aliases: ['SolarWinds Serv-U'], description: 'SolarWinds file-transfer server.' },
    { id: 'web-help-desk', name: 'SolarWinds Web Help Desk', aliases: ['Web Help Desk'], description: 'SolarWinds help-desk software.' },
  ]),
  ...by('kiteworks', [
    { id: 'accellion-fta', name: 'Accellion FTA', aliases: ['Accellion File Transfer Appliance', 'File Transfer Appliance'], description: 'Legacy file-transfer appliance breached in 2020–2021.' },
  ]),
  ...by('cleo', [
    { id: 'cleo-harmony', name: 'Cleo Harmony', description: 'Cleo managed file-transfer product exploited by Clop in 2024.' },
    { id: 'cleo-vltrader', name: 'VLTrader', aliases: ['Cleo VLTrader'], description: 'Cleo file-transfer product.' },
    { id: 'cleo-lexicom', name: 'LexiCom', aliases: ['Cleo LexiCom'], description: 'Cleo file-transfer product.' },
  ]),
  ...by('github', [
    { id: 'github-actions', name: 'GitHub Actions', description: 'GitHub’s CI/CD automation service.' },
  ]),
  ...by('tencent', [
    { id: 'wechat', name: 'WeChat', aliases: ['Weixin'], description: 'Tencent’s messaging super-app.' },
  ]),
  ...by('bytedance', [
    { id: 'tiktok', name: 'TikTok', description: 'ByteDance’s short-video app.' },
  ]),
  ...by('zoho', [
    { id: 'manageengine', name: 'ManageEngine', aliases: ['Zoho ManageEngine', 'ManageEngine ServiceDesk Plus', 'ADSelfService Plus'], description: 'Zoho’s IT-management product family.' },
  ]),
  ...by('synacor', [
    { id: 'zimbra', name: 'Zimbra Collaboration', aliases: ['Zimbra', 'Zimbra Collaboration Suite', 'ZCS'], description: 'E-mail and collaboration server.' },
  ]),
  ...by('meta', [
    { id: 'whatsapp', name: 'WhatsApp', description: 'Meta’s messaging app.' },
    { id: 'instagram', name: 'Instagram', description: 'Meta’s photo-sharing network.' },
  ]),
  ...by('salesforce', [
    { id: 'slack', name: 'Slack', ambiguous: ['Slack'], cues: [...SW, 'Salesforce', 'workspace', 'channel', 'channels', 'messages', 'chat'], description: 'Salesforce’s workplace chat app.' },
    { id: 'salesforce-platform', name: 'Salesforce CRM', aliases: ['Salesforce Experience Cloud'], description: 'Salesforce’s customer-relationship platform, target of 2025 vishing data theft.' },
  ]),
  ...by('amazon', [
    { id: 'amazon-s3', name: 'Amazon S3', aliases: ['AWS S3', 'S3 bucket', 'S3 buckets'], description: 'Amazon’s object storage, often left exposed.' },
  ]),
  ...by('samsung', [
    { id: 'samsung-galaxy', name: 'Samsung Galaxy', aliases: ['Galaxy S24', 'Galaxy S25'], description: 'Samsung’s Android phone line.' },
    { id: 'magicinfo', name: 'MagicINFO', aliases: ['Samsung MagicINFO'], description: 'Samsung’s digital-signage server.' },
  ]),
  ...by('qualcomm', [
    { id: 'snapdragon', name: 'Snapdragon', ambiguous: ['Snapdragon'], cues: [...SW, 'Qualcomm', 'chip', 'chipset', 'chipsets', 'Android'], description: 'Qualcomm mobile chipsets.' },
  ]),
  ...by('arm', [
    { id: 'mali-gpu', name: 'Mali GPU', aliases: ['Arm Mali', 'Mali GPU Kernel Driver'], description: 'Arm graphics driver exploited by spyware vendors.' },
  ]),
  ...by('qnap', [
    { id: 'qnap-qts', name: 'QTS', aliases: ['QNAP QTS', 'QuTS hero'], description: 'QNAP’s NAS operating system.' },
  ]),
  ...by('synology', [
    { id: 'synology-dsm', name: 'DiskStation Manager', aliases: ['Synology DSM'], description: 'Synology’s NAS operating system.' },
  ]),
  ...by('mikrotik', [
    { id: 'routeros', name: 'RouterOS', aliases: ['MikroTik RouterOS'], description: 'MikroTik’s router operating system.' },
  ]),
  ...by('draytek', [
    { id: 'draytek-vigor', name: 'DrayTek Vigor', aliases: ['Vigor routers'], description: 'DrayTek’s router line.' },
  ]),
  ...by('sophos', [
    { id: 'sophos-firewall', name: 'Sophos Firewall', aliases: ['Sophos XG', 'Sophos XG Firewall'], description: 'Sophos firewall appliance, targeted by Chinese groups for years.' },
  ]),
  ...by('trend-micro', [
    { id: 'apex-one', name: 'Apex One', aliases: ['Trend Micro Apex One', 'OfficeScan'], description: 'Trend Micro endpoint security product.' },
  ]),
  ...by('watchguard', [
    { id: 'watchguard-firebox', name: 'WatchGuard Firebox', aliases: ['Firebox'], description: 'WatchGuard firewall appliance.' },
  ]),
  ...by('hpe', [
    { id: 'arubaos', name: 'ArubaOS', aliases: ['Aruba InstantOS'], description: 'Operating system of Aruba access points and controllers.' },
  ]),
  ...by('beyondtrust', [
    { id: 'beyondtrust-remote-support', name: 'BeyondTrust Remote Support', aliases: ['Privileged Remote Access', 'BeyondTrust PRA'], description: 'Remote-support product breached at the US Treasury in 2024.' },
  ]),
  ...by('jetbrains', [
    { id: 'teamcity', name: 'TeamCity', aliases: ['JetBrains TeamCity'], description: 'CI server exploited by APT29 and North Korean groups in 2023.' },
  ]),
  ...by('papercut', [
    { id: 'papercut-ng-mf', name: 'PaperCut NG', aliases: ['PaperCut MF', 'PaperCut NG/MF'], description: 'Print-management server exploited in 2023.' },
  ]),
  ...by('n-able', [
    { id: 'n-central', name: 'N-central', aliases: ['N-able N-central'], description: 'N-able remote-management platform.' },
  ]),
  ...by('sysaid', [
    { id: 'sysaid-on-prem', name: 'SysAid On-Prem', description: 'SysAid help-desk server.' },
  ]),
  ...by('veritas', [
    { id: 'backup-exec', name: 'Backup Exec', aliases: ['Veritas Backup Exec'], description: 'Veritas backup product.' },
  ]),
  ...by('commvault', [
    { id: 'commvault-command-center', name: 'Commvault Command Center', aliases: ['Commvault Metallic'], description: 'Commvault management console and SaaS backup.' },
  ]),
  ...by('sitecore', [
    { id: 'sitecore-xp', name: 'Sitecore Experience Platform', aliases: ['Sitecore XP', 'Sitecore CMS'], description: 'Sitecore content-management platform.' },
  ]),
  ...by('qlik', [
    { id: 'qlik-sense', name: 'Qlik Sense', description: 'Qlik analytics platform.' },
  ]),
  ...by('tibco', [
    { id: 'jasperreports', name: 'JasperReports', description: 'TIBCO reporting server.' },
  ]),
  ...by('mitel', [
    { id: 'mivoice', name: 'MiVoice Connect', aliases: ['Mitel MiVoice', 'MiCollab', 'Mitel MiCollab'], description: 'Mitel phone-system products.' },
  ]),
  ...by('elastic', [
    { id: 'elasticsearch', name: 'Elasticsearch', description: 'Search and analytics engine, often left exposed online.' },
    { id: 'kibana', name: 'Kibana', description: 'Elastic’s dashboard front-end.' },
  ]),
  ...by('rarlab', [
    { id: 'winrar', name: 'WinRAR', description: 'Windows archiver with a history of exploited flaws.' },
  ]),
  ...by('nagios-enterprises', [
    { id: 'nagios-xi', name: 'Nagios XI', description: 'Network monitoring product.' },
  ]),
  ...by('paessler', [
    { id: 'prtg', name: 'PRTG Network Monitor', aliases: ['PRTG'], description: 'Paessler’s network monitor.' },
  ]),
  ...by('gladinet', [
    { id: 'centrestack', name: 'CentreStack', aliases: ['Gladinet CentreStack', 'Triofox'], description: 'Gladinet file-sharing server.' },
  ]),
  ...by('wing-ftp', [
    { id: 'wing-ftp-server', name: 'Wing FTP Server', description: 'Cross-platform FTP server exploited in 2025.' },
  ]),
  ...by('automattic', [
    { id: 'wordpress', name: 'WordPress', aliases: ['WordPress.org', 'WordPress plugin', 'WordPress plugins'], description: 'The most widely used content-management system.' },
    { id: 'woocommerce', name: 'WooCommerce', description: 'WordPress e-commerce plugin.' },
  ]),
  ...by('zoom-communications', [
    { id: 'zoom', name: 'Zoom', aliases: ['Zoom client', 'Zoom app'], ambiguous: ['Zoom'], cues: [...SW, 'meeting', 'meetings', 'video', 'call', 'calls', 'conferencing'], description: 'Video-conferencing app.' },
  ]),
  ...by('telemessage', [
    { id: 'tm-sgnl', name: 'TM SGNL', aliases: ['TeleMessage Signal'], description: 'Archiving clone of Signal used by US officials, breached in 2025.' },
  ]),
  ...by('3cx', [
    { id: '3cx-desktop-app', name: '3CXDesktopApp', aliases: ['3CX Desktop App', '3CX app'], description: '3CX softphone app trojanised in a 2023 supply-chain attack.' },
  ]),
  ...by('siemens', [
    { id: 'simatic', name: 'SIMATIC', aliases: ['Siemens SIMATIC', 'SIMATIC S7', 'Step7'], description: 'Siemens PLC and automation product line targeted by Stuxnet.' },
  ]),
  ...by('schneider-electric', [
    { id: 'triconex', name: 'Triconex', aliases: ['Schneider Electric Triconex'], description: 'Safety instrumented system targeted by Triton.' },
    { id: 'modicon', name: 'Modicon', aliases: ['Modicon PLC'], description: 'Schneider Electric PLC line.' },
  ]),
  ...by('unitronics', [
    { id: 'unitronics-vision', name: 'Unitronics Vision', aliases: ['Vision PLC'], description: 'Unitronics PLC and HMI series defaced by CyberAv3ngers.' },
  ]),
  ...by('red-hat', [
    { id: 'rhel', name: 'Red Hat Enterprise Linux', aliases: ['RHEL'], description: 'Red Hat’s Linux distribution.' },
    { id: 'polkit', name: 'Polkit', aliases: ['pkexec', 'PolicyKit'], description: 'Linux privilege-management component behind PwnKit.' },
    { id: 'jboss', name: 'JBoss', aliases: ['Red Hat JBoss', 'JBoss EAP'], description: 'Red Hat Java application server.' },
  ]),
  ...by('canonical', [
    { id: 'ubuntu', name: 'Ubuntu', description: 'Canonical’s Linux distribution.' },
  ]),
  // community projects and services without a vendor row
  { id: 'jenkins', name: 'Jenkins', aliases: ['Jenkins CI'], ambiguous: ['Jenkins'], cues: [...SW, 'CI', 'CI/CD', 'pipeline', 'pipelines', 'plugin', 'plugins', 'build'], description: 'Open-source automation server.' },
  { id: 'crushftp', name: 'CrushFTP', description: 'File-transfer server exploited in 2024 and 2025.' },
  { id: 'gitlab', name: 'GitLab', description: 'Code hosting and CI platform.' },
  { id: 'openssh', name: 'OpenSSH', description: 'Standard SSH implementation, hit by regreSSHion in 2024.' },
  { id: 'openssl', name: 'OpenSSL', description: 'Cryptography library behind Heartbleed.' },
  { id: 'xz-utils', name: 'XZ Utils', aliases: ['xz', 'liblzma'], description: 'Compression library backdoored in 2024.' },
  { id: 'bash', name: 'Bash', aliases: ['GNU Bash', 'Bourne-Again Shell'], ambiguous: ['Bash'], cues: [...SW, 'shell', 'script', 'Linux', 'Unix', 'Shellshock', 'command'], description: 'Unix shell behind Shellshock.' },
  { id: 'glibc', name: 'glibc', aliases: ['GNU C Library'], description: 'GNU C library of Linux systems.' },
  { id: 'sudo', name: 'sudo', ambiguous: ['sudo'], cues: [...SW, 'Linux', 'Unix', 'privilege', 'root'], description: 'Unix privilege-elevation tool.' },
  { id: 'exim', name: 'Exim', description: 'Mail transfer agent common on Linux servers.' },
  { id: 'roundcube', name: 'Roundcube', aliases: ['Roundcube Webmail'], description: 'Open-source webmail exploited by espionage groups.' },
  { id: 'drupal', name: 'Drupal', description: 'Open-source content-management system.' },
  { id: 'joomla', name: 'Joomla', aliases: ['Joomla!'], description: 'Open-source content-management system.' },
  { id: 'craft-cms', name: 'Craft CMS', description: 'Content-management system exploited in 2025.' },
  { id: 'php', name: 'PHP', description: 'Server-side scripting language.' },
  { id: 'ruby-on-rails', name: 'Ruby on Rails', aliases: ['Rails'], ambiguous: ['Rails'], cues: [...SW, 'Ruby', 'framework'], description: 'Ruby web framework.' },
  { id: 'thinkphp', name: 'ThinkPHP', description: 'Chinese PHP framework targeted by botnets.' },
  { id: 'imagemagick', name: 'ImageMagick', description: 'Image-processing library.' },
  { id: 'minio', name: 'MinIO', description: 'Object storage server.' },
  { id: 'zabbix', name: 'Zabbix', description: 'Open-source monitoring system.' },
  { id: 'docker', name: 'Docker', description: 'Container platform whose exposed APIs are hijacked for mining.' },
  { id: '7-zip', name: '7-Zip', aliases: ['7Zip'], description: 'Open-source file archiver.' },
  { id: 'notepad-plus-plus', name: 'Notepad++', description: 'Windows text editor.' },
  { id: 'signal', name: 'Signal', aliases: ['Signal Messenger', 'Signal app'], ambiguous: ['Signal'], cues: [...SW, 'messaging', 'encrypted', 'chat', 'chats', 'WhatsApp', 'Telegram'], description: 'End-to-end encrypted messaging app.' },
  { id: 'viber', name: 'Viber', description: 'Messaging app owned by Rakuten.' },
  { id: 'snapchat', name: 'Snapchat', description: 'Snap’s photo-messaging app.' },
  { id: 'discord', name: 'Discord', ambiguous: ['Discord'], cues: [...SW, 'server', 'servers', 'CDN', 'webhook', 'webhooks', 'chat', 'channel', 'bot', 'Telegram'], description: 'Chat platform abused for malware hosting and command channels.' },
  { id: 'langflow', name: 'Langflow', description: 'AI workflow builder exploited in 2025.' },
  { id: 'simplehelp', name: 'SimpleHelp', description: 'Remote-support software exploited by ransomware affiliates in 2025.' },
  { id: 'erlang-otp', name: 'Erlang/OTP', aliases: ['Erlang OTP SSH'], description: 'Erlang runtime whose SSH server had a critical flaw in 2025.' },
  { id: 'moodle', name: 'Moodle', description: 'Open-source learning-management system.' },
  { id: 'snowflake-platform', name: 'Snowflake Data Cloud', description: 'Cloud data warehouse whose customer accounts were raided in 2024.' },
  { id: 'okta-platform', name: 'Okta Workforce Identity', aliases: ['Okta Identity Cloud'], description: 'Okta’s single sign-on service.' },
];
