/** Related incidents from the local database, each with why it is related and the articles that report it. */
import type { RelatedIncident } from '../../lib/shared/analysis/protocol';
import { formatWhen, INCIDENT_LABELS, readableSummary } from './model';

/** The event's date where it is known; else the latest report's, said so (the summary may give the event's own). */
function whenLine(r: RelatedIncident): string | undefined {
  if (r.when) return formatWhen(r.when);
  const latest = formatWhen(r.published);
  return latest && `last reported ${latest}`;
}

export function RelatedList({ related }: { related: readonly RelatedIncident[] | null | 'error' }) {
  if (related === null)
    return (
      <p class="il-empty" aria-busy="true">
        Looking for related incidents…
      </p>
    );
  if (related === 'error') return <p class="il-empty">Related incidents are not available right now.</p>;
  if (!related.length) return <p class="il-empty">Nothing related in your local database yet.</p>;
  return (
    <ul class="il-related">
      {related.map((r) => {
        const label = INCIDENT_LABELS[r.type];
        const heading = r.summary ? readableSummary(r.summary) : label;
        // The type beside a heading that is the type alone would say it twice.
        const meta = [heading === label ? undefined : label, whenLine(r)].filter(Boolean).join(' · ');
        return (
          <li key={r.id} class="il-related-item">
            <strong>{heading}</strong>
            {meta && <span class="il-meta">{meta.charAt(0).toUpperCase() + meta.slice(1)}</span>}
            <span class="il-reason">{r.reason}</span>
            {r.sites && r.sites.length > 1 && (
              <span class="il-meta il-sources">
                Reported by {r.sites.length} publishers: {r.sites.slice(0, 4).join(', ')}
                {r.sites.length > 4 ? ' …' : ''}
              </span>
            )}
            {r.articles.length > 0 && (
              <ul class="il-related-articles">
                {r.articles.slice(0, 4).map((a) => (
                  <li key={a.url}>
                    <a href={a.url} target="_blank" rel="noopener noreferrer">
                      {a.title}
                    </a>{' '}
                    <span class="il-meta">{[a.site, formatWhen(a.published)].filter(Boolean).join(', ')}</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
