/**
 * The popup's search: one box over everything the extension knows, answered by the worker's index as you
 * type. Arrow keys walk the hits (grouped by kind), Enter opens one, Escape goes back from a hit, then
 * clears the box. Articles and saved articles open their page; incidents and entities open here.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SearchHit } from '@/lib/worker/search/protocol';
import { settings, type HighlightColors } from '@/lib/shared/settings';
import { useSearch } from './useSearch';
import { KIND_ORDER, optionId, SearchResults } from './SearchResults';
import { EntityView, IncidentView } from './SearchDetail';
import './search.css';

const RESULTS_ID = 'search-results';

function openTab(url: string): void {
  void browser.tabs.create({ url });
}

/** `onTyped`: a query is in the box; `onSettled`: a search has answered (or failed). */
export function Search({ onTyped, onSettled }: { onTyped?: () => void; onSettled?: () => void } = {}) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const [opened, setOpened] = useState<SearchHit>();
  const input = useRef<HTMLInputElement>(null);
  const { answer, error, pending } = useSearch(query);
  const [colors, setColors] = useState<HighlightColors>();
  useEffect(() => {
    void settings()
      .highlightColors.getValue()
      .then(setColors, () => undefined);
  }, []);
  useEffect(() => {
    if (query.trim()) onTyped?.();
  }, [query]);
  useEffect(() => {
    if (answer || error) onSettled?.();
  }, [answer, error]);
  const hits = answer ? KIND_ORDER.flatMap((k) => answer.groups[k]) : [];
  const progress = answer?.progress;

  useEffect(() => setActive(hits.length ? 0 : -1), [answer]);
  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const pick = (hit: SearchHit) => {
    if (hit.kind === 'article' || hit.kind === 'saved') {
      if (hit.url) openTab(hit.url);
      return;
    }
    setOpened(hit);
  };

  const back = () => {
    setOpened(undefined);
    requestAnimationFrame(() => input.current?.focus());
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!hits.length) return;
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + hits.length) % hits.length);
    } else if (e.key === 'Home' && hits.length && e.ctrlKey) {
      setActive(0);
    } else if (e.key === 'Enter') {
      if (active >= 0 && hits[active]) {
        e.preventDefault();
        pick(hits[active]);
      }
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      setQuery('');
    }
  };

  if (opened) {
    const detailKeys = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        back();
      }
    };
    return (
      <div onKeyDown={detailKeys}>
        {opened.kind === 'incident' ? (
          <IncidentView hit={opened} onBack={back} open={openTab} />
        ) : (
          <EntityView hit={opened} onBack={back} open={openTab} />
        )}
      </div>
    );
  }

  const total = hits.length;
  const building = progress && (progress.state === 'building' || progress.state === 'loading');
  return (
    <section class="search" aria-label="Search">
      <label for="search-box" class="visually-hidden">
        Search incidents, articles, entities and your collection
      </label>
      <input
        id="search-box"
        ref={input}
        type="search"
        role="combobox"
        list={undefined}
        autoFocus
        autoComplete="off"
        spellcheck={false}
        placeholder="Search: APT28, CVE-2023-4966, phishing…"
        value={query}
        aria-expanded={total > 0}
        aria-controls={RESULTS_ID}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? optionId(active) : undefined}
        onInput={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {building && (
        <p class="search-progress" data-testid="search-progress">
          <label>
            {progress.state === 'loading' ? 'Loading the search index…' : 'Building the search index…'}{' '}
            <progress max={progress.total || undefined} value={progress.total ? progress.done : undefined} />
            {total > 0 && ' Results so far:'}
          </label>
        </p>
      )}
      <p role="status" class="muted search-status">
        {error
          ? `Search failed: ${error}`
          : building && !total
            ? ''
            : query.trim() && answer && !pending
              ? total
                ? answer.corrected
                  ? `${total} close match${total === 1 ? '' : 'es'} (nothing exactly as typed)`
                  : `${total} result${total === 1 ? '' : 's'}${answer.indicator ? ` for ${answer.indicator}` : ''}`
                : answer.indicator
                  ? `Nothing in your database mentions ${answer.indicator}.`
                  : 'Nothing found.'
              : ''}
      </p>
      {total > 0 && <SearchResults id={RESULTS_ID} hits={hits} active={active} onPick={pick} onHover={setActive} colors={colors} />}
    </section>
  );
}
