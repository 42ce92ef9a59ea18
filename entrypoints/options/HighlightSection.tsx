/** Which entity types the page highlights, and in which colour (the labels are the sidebar's and the card's). */
import { useEffect, useState } from 'preact/hooks';
import { ENTITY_TYPES, type EntityType } from '@/lib/shared/types';
import { isTypeShown, settings, type HighlightColors, type HighlightTypes } from '@/lib/shared/settings';
import { styleOf, TYPE_STYLES } from '@/lib/page/highlight/styles';

/**
 * A stored setting, and a setter that shows the new value at once: the stored one comes back through the
 * watch a moment later, and until then a controlled checkbox would spring back to the old value.
 */
function useItem<T>(item: {
  getValue(): Promise<T>;
  setValue(v: T): Promise<void>;
  watch(cb: (v: T) => void): () => void;
}): [T | undefined, (v: T) => void] {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    void item.getValue().then(setValue);
    return item.watch(setValue);
  }, []);
  return [value, (v: T) => (setValue(v), void item.setValue(v))];
}

export function HighlightSection() {
  const [flags, setFlags] = useItem<HighlightTypes>(settings().highlightTypes);
  const [colors, setColors] = useItem<HighlightColors>(settings().highlightColors);
  if (!flags || !colors) return null;
  const toggle = (type: EntityType) => setFlags({ ...flags, [type]: !isTypeShown(flags, type) });
  const setColor = (type: EntityType, color: string) => setColors({ ...colors, [type]: color });
  const reset = () => setColors({});
  return (
    <section aria-labelledby="highlight-title" id="highlight">
      <h2 id="highlight-title">Highlighting</h2>
      <p class="muted">What Incident Lens marks in articles. Each type also has its own underline, so colour is never the only cue.</p>
      <table class="types">
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Highlight</th>
            <th scope="col">Colour</th>
          </tr>
        </thead>
        <tbody>
          {ENTITY_TYPES.map((type) => {
            const style = styleOf(type, colors);
            const label = TYPE_STYLES[type].label;
            return (
              <tr key={type}>
                <th scope="row" id={`type-${type}-label`}>
                  <span
                    class="sample"
                    style={{ background: style.tint, textDecorationColor: style.color, textDecorationStyle: style.line }}
                  >
                    {label}
                  </span>
                </th>
                <td>
                  <input
                    type="checkbox"
                    name={`type-${type}`}
                    aria-label={`Highlight ${label}`}
                    checked={isTypeShown(flags, type)}
                    onChange={() => toggle(type)}
                  />
                </td>
                <td>
                  <input
                    type="color"
                    name={`color-${type}`}
                    aria-label={`Colour of ${label}`}
                    value={style.color}
                    onChange={(e) => setColor(type, e.currentTarget.value)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" onClick={reset} disabled={Object.keys(colors).length === 0}>
        Back to the built-in colours
      </button>
    </section>
  );
}
