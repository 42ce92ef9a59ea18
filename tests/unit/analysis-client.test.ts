/**
 * The reading view's analysis client (entrypoints/content/analysis-client.ts) against the real analysis
 * service, the messages carried as the protocol types them: one call, two stages, a worker that forgot the
 * first stage, and answers that come after the reading was over.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { AnalysisService } from '../../lib/worker/analysis/service';
import { analyseArticle, type AnalysisSender } from '../../entrypoints/content/analysis-client';

const TEXT =
  'Fancy Bear exploited CVE-2023-4966 against the International Criminal Court in The Hague. ' +
  'Russian authorities denied it; the attackers used 185.220.101[.]45 and hxxp://evil[.]com.';
const ARTICLE = { url: 'https://news.example/icc', text: TEXT, published: '2023-10-20' };

let db: IncidentLensDb | undefined;
afterEach(() => db?.close());

/** A worker: the service behind the two stage messages, counting what it is asked (JSON both ways, as on the wire). */
function worker(service: () => AnalysisService) {
  const asked: string[] = [];
  const sender: AnalysisSender = async (type, data) => {
    asked.push(type);
    const req = JSON.parse(JSON.stringify(data));
    const answer = type === 'analyzeFirstStage' ? await service().firstStage(req) : await service().secondStage(req.url, req.id);
    return JSON.parse(JSON.stringify(answer));
  };
  return { sender, asked };
}

describe('analysis client', () => {
  it('gives what painting needs first, then everything, asking the worker once for each', async () => {
    db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'client-a' });
    const service = new AnalysisService({ db });
    const whole = await service.analyze(ARTICLE);
    const w = worker(() => service);
    const analysis = analyseArticle(ARTICLE, { sender: w.sender });
    const first = await analysis.first;
    expect(first.map((e) => e.key)).toEqual(expect.arrayContaining(['actor:apt28', 'vulnerability:cve-2023-4966']));
    expect(first.every((e) => e.text === TEXT.slice(e.start, e.end))).toBe(true);
    expect(first.some((e) => e.name === 'Russian authorities')).toBe(false);
    const [rest, again] = await Promise.all([analysis.rest(), analysis.rest()]);
    expect(again).toBe(rest);
    expect(rest.entities).toEqual(whole.entities);
    expect(rest.incidents).toEqual(whole.incidents);
    expect(w.asked).toEqual(['analyzeFirstStage', 'analyzeSecondStage']);
  });

  it('asks both stages again when the worker was stopped in between and forgot the first', async () => {
    db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'client-b' });
    let service = new AnalysisService({ db });
    const w = worker(() => service);
    const analysis = analyseArticle(ARTICLE, { sender: w.sender });
    await analysis.first;
    service = new AnalysisService({ db }); // a woken worker: nothing kept in memory
    const rest = await analysis.rest();
    expect(rest.entities.map((e) => e.name)).toContain('Russian authorities');
    expect(w.asked).toEqual(['analyzeFirstStage', 'analyzeSecondStage', 'analyzeFirstStage', 'analyzeSecondStage']);
  });

  it('lets answers that come after the reading was aborted die with it', async () => {
    db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'client-c' });
    const service = new AnalysisService({ db });
    const w = worker(() => service);
    const over = new AbortController();
    const analysis = analyseArticle(ARTICLE, { sender: w.sender, signal: over.signal });
    over.abort();
    await expect(analysis.first).rejects.toThrow(/abort/i);
    await expect(analysis.rest()).rejects.toThrow(/abort/i);
  });

  it('reports a worker that refuses (a site turned off) as a failed first stage, without an unhandled rejection', async () => {
    const refusing: AnalysisSender = () => Promise.reject(new Error('Incident Lens is turned off on this site'));
    const analysis = analyseArticle(ARTICLE, { sender: refusing });
    await new Promise((done) => setTimeout(done, 10)); // time for an unhandled rejection to be reported
    await expect(analysis.first).rejects.toThrow('turned off');
    await expect(analysis.rest()).rejects.toThrow('turned off');
  });
});
