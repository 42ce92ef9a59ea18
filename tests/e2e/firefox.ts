/**
 * Drive firefox-esr over WebDriver BiDi, with no driver binary: start Firefox with a remote-debugging
 * port, read the WebSocket address it prints, and speak the protocol's JSON commands. With
 * `--remote-allow-system-access` BiDi may also open the extension's own pages (moz-extension://), at the
 * address EXTENSION_UUID fixes for it.
 * Needs a global WebSocket (Node 22+, or Node 20 with --experimental-websocket: vitest.e2e.config.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const EXTENSION_ID = 'incident-lens@incident-lens.dev';
/** The extension's moz-extension:// host in the test profile (Firefox picks a random one otherwise). */
const EXTENSION_UUID = '0b9d6e1c-5a4f-4c1e-9d7a-3f2b8c6e1a55';
export const EXTENSION_URL = `moz-extension://${EXTENSION_UUID}/`;

/** Profile preferences: allow the unsigned temporary add-on, keep Firefox quiet and offline. */
const PREFS: Record<string, string | number | boolean> = {
  'extensions.webextensions.uuids': JSON.stringify({ [EXTENSION_ID]: EXTENSION_UUID }),
  'xpinstall.signatures.required': false,
  // Grant the content script's host permissions at install, as a user accepting the install prompt would.
  'extensions.originControls.grantByDefault': true,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'app.update.disabledForTesting': true,
  'browser.newtabpage.enabled': false,
  'extensions.update.enabled': false,
};

export interface BidiFirefox {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

export async function launchFirefox(binary = process.env.FIREFOX_PATH ?? 'firefox-esr'): Promise<BidiFirefox> {
  const profile = mkdtempSync(join(tmpdir(), 'incident-lens-firefox-'));
  writeFileSync(
    join(profile, 'user.js'),
    Object.entries(PREFS)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join('\n'),
  );
  const child: ChildProcess = spawn(
    binary,
    ['--headless', '--remote-allow-system-access', '--remote-debugging-port=0', '--no-remote', '-profile', profile],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const wsUrl = await new Promise<string>((ok, fail) => {
    let log = '';
    const timer = setTimeout(() => fail(new Error(`Firefox did not start its BiDi server:\n${log}`)), 60_000);
    child.once('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
  });

  const ws = new WebSocket(`${wsUrl.replace(/\/$/, '')}/session`);
  await new Promise((ok, fail) => {
    ws.addEventListener('open', ok, { once: true });
    ws.addEventListener('error', fail, { once: true });
  });
  let nextId = 1;
  const pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  ws.addEventListener('message', (event) => {
    const msg = JSON.parse(String(event.data)) as { id?: number; type: string; result?: unknown; error?: string; message?: string };
    if (msg.id === undefined) return; // events
    const p = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.type === 'error') p?.fail(new Error(`${msg.error}: ${msg.message}`));
    else p?.ok(msg.result);
  });

  const send = <T>(method: string, params: Record<string, unknown> = {}) =>
    new Promise<T>((ok, fail) => {
      const id = nextId++;
      pending.set(id, { ok: ok as (v: unknown) => void, fail });
      ws.send(JSON.stringify({ id, method, params }));
    });

  await send('session.new', { capabilities: {} });
  return {
    send,
    close: async () => {
      await send('browser.close').catch(() => undefined);
      ws.close();
      await new Promise((ok) => {
        if (child.exitCode !== null) return ok(undefined);
        const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(kill);
          ok(undefined);
        });
      });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
