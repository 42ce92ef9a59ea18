import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importMispGalaxy } from '../../lib/worker/knowledge/importers/misp-galaxy';
import { isSystemUtility } from '../../lib/worker/knowledge/importers/common';
import { compileMatcher } from '../../lib/worker/extract/matcher';
import { findCatalogueEntities } from '../../lib/worker/extract/gazetteer';
import type { CatalogueEntry } from '../../lib/shared/types';

const CLUSTERS = resolve(process.cwd(), '../shared/fixtures/misp-galaxy/clusters');
const tools = importMispGalaxy(JSON.parse(readFileSync(resolve(CLUSTERS, 'mitre-tool.json'), 'utf8'))).entries;
const utility = (name: string): boolean | undefined => {
  const e = tools.find((x) => x.name === name);
  if (!e) throw new Error(`no ${name}`);
  return e.meta?.systemUtility === true;
};

describe('the operating system’s own programs among ATT&CK tools', () => {
  it('are recognised from the description or an .exe name', () => {
    expect(isSystemUtility(['cmd', 'cmd.exe'], undefined)).toBe(true);
    expect(isSystemUtility(['Ping'], 'Ping is an operating system utility commonly used to troubleshoot.')).toBe(true);
    expect(isSystemUtility(['Reg'], 'Reg is a Windows utility used to interact with the Windows Registry.')).toBe(true);
    expect(isSystemUtility(['Tasklist'], 'The Tasklist utility displays a list of applications.')).toBe(true);
    // Tools named for their job, and third-party tools, are not.
    expect(isSystemUtility(['CARROTBALL'], 'CARROTBALL is an FTP downloader utility that has been in use since 2019.')).toBe(false);
    expect(isSystemUtility(['PsExec'], 'PsExec is a free Microsoft tool that can be used to execute a program.')).toBe(false);
    expect(isSystemUtility(['Mimikatz'], 'Mimikatz is a credential dumper capable of obtaining plaintext Windows account logins.')).toBe(
      false,
    );
  });

  it('are marked in the real mitre-tool cluster, and attack tools are not', () => {
    for (const n of ['cmd', 'Net', 'schtasks', 'netstat', 'certutil', 'at', 'attrib', 'ipconfig', 'Systeminfo'])
      expect(utility(n), n).toBe(true);
    for (const n of ['Mimikatz', 'PsExec', 'BloodHound', 'Impacket', 'Rclone', 'Windows Credential Editor', 'CARROTBALL', 'ngrok'])
      expect(utility(n), n).toBe(false);
  });

  it('are kept for look-ups but not highlighted in text', () => {
    const catalogue: CatalogueEntry[] = [
      ...tools.filter((e) => ['cmd', 'schtasks', 'Mimikatz'].includes(e.name)),
      { key: 'malware:emotet', type: 'malware', name: 'Emotet', aliases: [], sources: ['test'] },
    ];
    const m = compileMatcher(catalogue);
    expect(m.lookup('cmd.exe').length).toBeGreaterThan(0);
    const found = findCatalogueEntities('Emotet ran cmd.exe /c and schtasks /create, then Mimikatz dumped passwords.', m).map(
      (x) => x.text,
    );
    expect(found).toEqual(['Emotet', 'Mimikatz']);
  });
});
