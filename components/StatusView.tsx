/** What the database holds, as the background reports it. */
import { Fragment } from 'preact';
import type { Status } from '@/lib/shared/messaging';

const LABELS: [keyof Status['counts'], string][] = [
  ['collection', 'Saved articles'],
  ['articles', 'Articles'],
  ['incidents', 'Incidents'],
  ['kev', 'KEV entries'],
  ['sources', 'Sources'],
];

export function StatusView({ status, error }: { status?: Status; error?: string }) {
  if (error)
    return (
      <p class="error" role="alert">
        Background not answering: {error}
      </p>
    );
  if (!status) return <p class="muted">Loading…</p>;
  return (
    <dl class="counts" data-testid="status">
      {LABELS.map(([key, label]) => (
        <Fragment key={key}>
          <dt>{label}</dt>
          <dd data-count={key}>{status.counts[key]}</dd>
        </Fragment>
      ))}
      <dt>Catalogue entries</dt>
      <dd data-testid="catalogue">{status.catalogueSize}</dd>
      <dt>Version</dt>
      <dd data-testid="version">{status.version}</dd>
    </dl>
  );
}
