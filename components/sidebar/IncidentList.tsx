/** The incidents the article reports: type, and who/whom/when where the text says so. */
import type { Incident } from '../../lib/shared/types';
import { INCIDENT_LABELS, incidentLine, readableSummary } from './model';

export function IncidentList({ incidents }: { incidents: readonly Incident[] }) {
  if (!incidents.length) return <p class="il-empty">No incident reported in this article.</p>;
  return (
    <ul class="il-incidents">
      {incidents.map((inc, i) => {
        const label = INCIDENT_LABELS[inc.type] ?? inc.type;
        // A summary that is the label alone (no victim, actor or date) would say the heading again.
        const summary = inc.summary && inc.summary !== label ? readableSummary(inc.summary) : undefined;
        return (
          <li key={i} class="il-incident" data-type={inc.type}>
            <strong>{label}</strong>
            {summary && <span class="il-incident-summary">{summary}</span>}
            {incidentLine(inc) && <span class="il-meta">{incidentLine(inc)}</span>}
          </li>
        );
      })}
    </ul>
  );
}
