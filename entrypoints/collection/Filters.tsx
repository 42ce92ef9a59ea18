/** The filter bar: words, tag, entity, entity type, incident type, site, date range and sort. */
import type { ComponentChildren } from 'preact';
import { ENTITY_TYPES, INCIDENT_LABELS, INCIDENT_TYPES, type EntityType, type IncidentType } from '@/lib/shared/types';
import { SORTS, type CollectionFilter, type CollectionSort } from '@/lib/shared/collection/filter';
import type { Facets } from './useCollection';

const SORT_LABELS: Record<CollectionSort, string> = {
  'saved-desc': 'Saved, newest first',
  'saved-asc': 'Saved, oldest first',
  'published-desc': 'Article date, newest first',
  'published-asc': 'Article date, oldest first',
  title: 'Title',
};

export const TYPE_NAMES: Record<EntityType, string> = {
  actor: 'Threat actor',
  malware: 'Malware or tool',
  vulnerability: 'Vulnerability',
  technique: 'ATT&CK technique',
  vendor: 'Vendor',
  product: 'Product',
  organization: 'Organisation',
  location: 'Place',
  attack: 'Attack type',
  indicator: 'Indicator',
};

/** A label above its control, tied by id (a label wrapping a select would name it with its option too). */
function Field({ id, label, wide, children }: { id: string; label: string; wide?: boolean; children: ComponentChildren }) {
  return (
    <div class={`field${wide ? ' wide' : ''}`}>
      <label for={id}>{label}</label>
      {children}
    </div>
  );
}

interface Props {
  filter: CollectionFilter;
  facets?: Facets;
  onChange: (f: CollectionFilter) => void;
}

export function Filters({ filter, facets, onChange }: Props) {
  const set = <K extends keyof CollectionFilter>(key: K, value: CollectionFilter[K] | '') => {
    const next = { ...filter };
    if (value === '' || value === undefined) delete next[key];
    else next[key] = value as CollectionFilter[K];
    onChange(next);
  };
  const active = Object.keys(filter).some((k) => k !== 'sort');
  return (
    <form class="filters" role="search" aria-label="Filter the collection" onSubmit={(e) => e.preventDefault()}>
      <Field id="filter-q" label="Search saved articles" wide>
        <input
          type="search"
          id="filter-q"
          name="q"
          value={filter.text ?? ''}
          placeholder="Words in title, text or notes"
          onInput={(e) => set('text', e.currentTarget.value)}
        />
      </Field>
      <Field id="filter-tag" label="Tag">
        <select id="filter-tag" name="tag" value={filter.tag ?? ''} onChange={(e) => set('tag', e.currentTarget.value)}>
          <option value="">Any tag</option>
          {facets?.tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </Field>
      <Field id="filter-entity" label="Entity">
        <select id="filter-entity" name="entity" value={filter.entityKey ?? ''} onChange={(e) => set('entityKey', e.currentTarget.value)}>
          <option value="">Any entity</option>
          {facets?.entities.slice(0, 500).map((e) => (
            <option key={e.key} value={e.key}>{`${e.name} (${TYPE_NAMES[e.type]}, ${e.articles})`}</option>
          ))}
        </select>
      </Field>
      <Field id="filter-entityType" label="Entity type">
        <select
          id="filter-entityType"
          name="entityType"
          value={filter.entityType ?? ''}
          onChange={(e) => set('entityType', e.currentTarget.value as EntityType)}
        >
          <option value="">Any type</option>
          {ENTITY_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_NAMES[t]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="filter-incidentType" label="Incident type">
        <select
          id="filter-incidentType"
          name="incidentType"
          value={filter.incidentType ?? ''}
          onChange={(e) => set('incidentType', e.currentTarget.value as IncidentType)}
        >
          <option value="">Any incident</option>
          {INCIDENT_TYPES.map((t) => (
            <option key={t} value={t}>
              {INCIDENT_LABELS[t]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="filter-site" label="Site">
        <select id="filter-site" name="site" value={filter.site ?? ''} onChange={(e) => set('site', e.currentTarget.value)}>
          <option value="">Any site</option>
          {facets?.sites.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </Field>
      <Field id="filter-from" label="From">
        <input type="date" id="filter-from" name="from" value={filter.from ?? ''} onInput={(e) => set('from', e.currentTarget.value)} />
      </Field>
      <Field id="filter-to" label="To">
        <input type="date" id="filter-to" name="to" value={filter.to ?? ''} onInput={(e) => set('to', e.currentTarget.value)} />
      </Field>
      <Field id="filter-sort" label="Sort">
        <select
          id="filter-sort"
          name="sort"
          value={filter.sort ?? 'saved-desc'}
          onChange={(e) => set('sort', e.currentTarget.value as CollectionSort)}
        >
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </Field>
      {active && (
        <button type="button" class="clear" onClick={() => onChange(filter.sort ? { sort: filter.sort } : {})}>
          Clear filters
        </button>
      )}
    </form>
  );
}
