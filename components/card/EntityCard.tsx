/**
 * The card about one highlighted entity: what it is (type in words), its names, what the catalogue says,
 * where that came from and why this text matched. For CVEs the KEV facts; for indicators the refanged
 * value, a copy button and lookup links that go nowhere until the user clicks them.
 * Everything from a page or the catalogue is rendered as text.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntityFacts } from '../../lib/shared/analysis/protocol';
import type { EntityMatch } from '../../lib/shared/types';
import { TYPE_STYLES } from '../../lib/page/highlight/styles';
import { indicatorLabel } from '../../lib/shared/labels';
import { indicatorLookups, referenceLookups } from './lookups';
import { sourceLabel, whyMatched } from './why';

export interface CardAnchor {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface EntityCardProps {
  match: Pick<EntityMatch, 'type' | 'subtype' | 'key' | 'name' | 'text' | 'why'>;
  facts?: EntityFacts;
  /** The box of the occurrence (viewport coordinates); the card sits below it, or above when there is no room. */
  anchor: CardAnchor;
  viewport: { width: number; height: number };
  /** Move focus into the card (keyboard use). */
  focus?: boolean;
  onClose: () => void;
  onPointerEnter?: () => void;
  onPointerLeave?: () => void;
  copy?: (text: string) => Promise<void>;
}

const CARD_WIDTH = 320;
/** The card's element id: the entity button it describes points at it (aria-describedby). */
export const CARD_ID = 'il-card';
const GAP = 8;

function subtypeWords(type: string, subtype: string | undefined): string {
  if (!subtype) return '';
  if (type === 'indicator') return indicatorLabel(subtype);
  return subtype;
}

export function EntityCard({ match, facts, anchor, viewport, focus, onClose, onPointerEnter, onPointerLeave, copy }: EntityCardProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | undefined>(undefined);
  const style = TYPE_STYLES[match.type];
  const type = facts?.type ?? match.type;
  const subtype = subtypeWords(type, facts?.subtype ?? match.subtype);
  const name = facts?.name ?? match.name;
  const aliases = (facts?.aliases ?? []).filter((a) => a.toLowerCase() !== name.toLowerCase()).slice(0, 8);
  const links =
    type === 'indicator' ? indicatorLookups(facts?.subtype ?? match.subtype, match.name) : referenceLookups(type, facts?.mitreId ?? name);

  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus, match.key]);

  const below = anchor.bottom + GAP + 220 < viewport.height || anchor.top < 240;
  const left = Math.max(GAP, Math.min(anchor.left, viewport.width - CARD_WIDTH - GAP));
  const position = below ? { top: `${anchor.bottom + GAP}px` } : { bottom: `${viewport.height - anchor.top + GAP}px` };

  const doCopy = () => {
    const write = copy ?? ((t: string) => navigator.clipboard.writeText(t));
    write(match.name).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );
  };

  return (
    <div
      ref={ref}
      id={CARD_ID}
      class="il-card"
      role="dialog"
      aria-label={`${style.label}: ${name}`}
      tabIndex={-1}
      style={{ left: `${left}px`, width: `${CARD_WIDTH}px`, ...position }}
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
      data-key={match.key}
    >
      <div class="il-card-head">
        <span class="il-swatch" style={{ background: style.color }} aria-hidden="true" />
        <span class="il-card-type" data-testid="card-type">
          {style.label}
          {subtype && ` · ${subtype}`}
        </span>
        <button type="button" class="il-icon-button il-card-close" aria-label="Close card" onClick={onClose}>
          ×
        </button>
      </div>
      <p class="il-card-name" data-testid="card-name">
        {name}
      </p>
      {aliases.length > 0 && <p class="il-card-aliases">Also known as {aliases.join(', ')}</p>}
      {facts?.description && <p class="il-card-desc">{facts.description}</p>}
      {facts?.country && <p class="il-card-fact">Attributed to: {facts.country}</p>}
      {type === 'vulnerability' && facts?.kev && (
        <div class="il-card-kev" data-testid="card-kev">
          {facts.kev.inKev ? (
            <>
              <p class="il-card-fact">
                {[facts.kev.vendor, facts.kev.product].filter(Boolean).join(' ')}
                {facts.kev.name && ` — ${facts.kev.name}`}
              </p>
              <p class="il-card-fact">
                In CISA KEV since {facts.kev.dateAdded ?? 'an unknown date'} · ransomware use:{' '}
                {facts.kev.knownRansomware ? 'known' : 'not known'}
              </p>
            </>
          ) : (
            <p class="il-card-fact">Not in the CISA KEV catalogue this extension holds.</p>
          )}
        </div>
      )}
      {type === 'indicator' && (
        <div class="il-card-ioc">
          <code class="il-card-value" data-testid="card-value">
            {match.name}
          </code>
          <button type="button" class="il-button" onClick={doCopy}>
            {copied === 'yes' ? 'Copied' : copied === 'no' ? 'Copy failed' : 'Copy'}
          </button>
        </div>
      )}
      {links.length > 0 && (
        <p class="il-card-links">
          Look up:{' '}
          {links.map((l, i) => (
            <>
              {i > 0 && ' · '}
              <a href={l.url} target="_blank" rel="noopener noreferrer">
                {l.label}
              </a>
            </>
          ))}
        </p>
      )}
      <p class="il-card-why" data-testid="card-why">
        {whyMatched(match)}
      </p>
      {facts && facts.sources.length > 0 && <p class="il-card-src">Known from: {facts.sources.map(sourceLabel).join('; ')}</p>}
    </div>
  );
}
