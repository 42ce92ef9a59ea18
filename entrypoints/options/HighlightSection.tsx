/** Which entity types the page highlights, and in which colour (the labels are the sidebar's and the card's). */
import { useEffect, useState } from 'preact/hooks';
import { ENTITY_TYPES, type EntityType } from '@/lib/shared/types';
import { isTypeShown, settings, type HighlightColors, type HighlightTypes } from '@/lib/shared/settings';
import { styleOf, TYPE_STYLES } from '@/lib/page/highlight/styles';

function useItem<T>(item: { getValue(): Promise<T>; watch(cb: (v: T) => void): () => void }): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    void item.getValue().then(setValue);
    return item.watch(setValue);
  }, []);
  return value;
}

export function HighlightSection() {
  const flags = useItem<HighlightTypes>(settings().highlightTypes);
  const colors = useItem<HighlightColors>(settings().highlightColors);
  if (!flags || !colors) return null;
  const toggle = (type: EntityType) => void settings().highlightTypes.setValue({ ...flags, [type]: !isTypeShown(flags, type) });
  const setColor = (type: EntityType, color: string) => void settings().highlightColors.setValue({ ...colors, [type]: color });
  const reset = () => void settings().highlightColors.setValue({});
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
