/**
 * What opening a search hit shows inside the popup: an incident with the articles that report it, or an
 * entity's card (the sidebar's EntityCard, with the worker's `entityFacts`) and its incidents. Links open
 * in a new tab. Everything shown came from feeds or the catalogue and is rendered as text.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/shared/messaging';
import type { EntityFacts } from '@/lib/shared/analysis/protocol';
import type { IncidentBrief, IncidentDetail, SearchHit } from '@/lib/worker/search/protocol';
import { INCIDENT_LABELS } from '@/lib/shared/types';
import { EntityCard } from '@/components/card/EntityCard';
import { formatDate } from '@/components/format';
import { formatWhen, readableSummary } from '@/components/sidebar/model';

interface DetailProps {
  hit: SearchHit;
  onBack: () => void;
  open: (url: string) => void;
}

function BackButton({ onBack }: { onBack: () => void }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <button type="button" ref={ref} class="back" onClick={onBack}>
      ← Back to results
    </button>
  );
}

function ArticleLink({ url, title, meta, open }: { url: string; title: string; meta?: string; open: (url: string) => void }) {
  return (
    <li>
      <a
        href={url}
        onClick={(e) => {
          e.preventDefault();
          open(url);
        }}
      >
        {title}
      </a>
      {meta && <span class="muted"> · {meta}</span>}
    </li>
  );
}

function useAsk<T>(ask: () => Promise<T>, deps: unknown[]): { value?: T; error?: string } {
  const [state, setState] = useState<{ value?: T; error?: string }>({});
  useEffect(() => {
    let live = true;
    ask().then(
      (value) => live && setState({ value }),
      (e: unknown) => live && setState({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, deps);
  return state;
}

/**
 * The line under an incident's heading: its type, unless the heading is the type alone, and when it happened
 * (else when it was reported).
 */
function incidentLine(title: string, detail: IncidentDetail): string {
  const label = INCIDENT_LABELS[detail.type];
  const when = detail.when ? formatWhen(detail.when) : detail.published && `reported ${formatDate(detail.published)}`;
  const line = [title === label ? undefined : label, when].filter(Boolean).join(' · ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}

export function IncidentView({ hit, onBack, open }: DetailProps) {
  const { value: detail, error } = useAsk<IncidentDetail | null>(() => sendMessage('searchIncident', { id: hit.key }), [hit.key]);
  return (
    <section aria-labelledby="detail-title" class="detail" data-testid="incident-detail">
      <BackButton onBack={onBack} />
      <h2 id="detail-title">{readableSummary(hit.title)}</h2>
      {error && <p class="error">{error}</p>}
      {detail === null && <p class="muted">This incident is no longer in the database.</p>}
      {detail && (
        <>
          <p class="muted">{incidentLine(hit.title, detail)}</p>
          <dl class="facts">
            {detail.victim && (
              <>
                <dt>Victim</dt>
                <dd>{detail.victim}</dd>
              </>
            )}
            {detail.actor && (
              <>
                <dt>Actor</dt>
                <dd>{detail.actor}</dd>
              </>
            )}
            {detail.place && (
              <>
                <dt>Where</dt>
                <dd>{detail.place}</dd>
              </>
            )}
            {detail.involved.length > 0 && (
              <>
                <dt>Involving</dt>
                <dd>{detail.involved.slice(0, 8).join(', ')}</dd>
              </>
            )}
          </dl>
          <h3>Reported by</h3>
          <ul class="links" data-testid="incident-articles">
            {detail.articles.map((a) => (
              <ArticleLink
                key={a.url}
                url={a.url}
                title={a.title}
                meta={[a.site, formatDate(a.published)].filter(Boolean).join(' · ')}
                open={open}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function EntityView({ hit, onBack, open }: DetailProps) {
  const type = hit.type ?? 'actor';
  const { value: facts } = useAsk<Record<string, EntityFacts>>(
    () =>
      sendMessage('entityFacts', { entities: [{ key: hit.key, type, name: hit.title, ...(hit.subtype ? { subtype: hit.subtype } : {}) }] }),
    [hit.key],
  );
  const { value: incidents, error } = useAsk<IncidentBrief[]>(() => sendMessage('entityIncidents', { key: hit.key, limit: 10 }), [hit.key]);
  return (
    <section aria-labelledby="detail-title" class="detail" data-testid="entity-detail">
      <BackButton onBack={onBack} />
      <h2 id="detail-title" class="visually-hidden">
        {hit.title}
      </h2>
      <EntityCard
        match={{ type, subtype: hit.subtype, key: hit.key, name: hit.title, text: hit.title }}
        facts={facts?.[hit.key]}
        anchor={{ left: 0, top: 0, right: 0, bottom: 0 }}
        viewport={{ width: 10_000, height: 10_000 }}
        onClose={onBack}
      />
      <h3>Incidents</h3>
      {error && <p class="error">{error}</p>}
      {incidents && incidents.length === 0 && <p class="muted">No incident in the database involves it yet.</p>}
      {incidents && incidents.length > 0 && (
        <ul class="links" data-testid="entity-incidents">
          {incidents.map((i) => (
            <ArticleLink
              key={i.id}
              url={i.articleUrl}
              title={readableSummary(i.summary)}
              meta={[i.articleTitle, i.when ? formatWhen(i.when) : formatDate(i.published)].filter(Boolean).join(' · ')}
              open={open}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
