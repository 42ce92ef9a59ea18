/** The incidents the article reports: type, and who/whom/when where the text says so. */
import type { Incident } from '../../lib/shared/types';
import { INCIDENT_LABELS, incidentLine, readableSummary } from './model';

export function IncidentList({ incidents }: { incidents: readonly Incident[] }) {
  if (!incidents.length) return <p class="il-empty">No incident reported in this article.</p>;
  return (
    <ul class="il-incidents">
      {incidents.map((inc, i) => (
        <li key={i} class="il-incident" data-type={inc.type}>
          <strong>{INCIDENT_LABELS[inc.type] ?? inc.type}</strong>
          {inc.summary && <span class="il-incident-summary">{readableSummary(inc.summary)}</span>}
          {incidentLine(inc) && <span class="il-meta">{incidentLine(inc)}</span>}
        </li>
      ))}
    </ul>
  );
}
