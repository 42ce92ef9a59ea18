/**
 * The options page: one section per file, in the order a person looks for them. Each section reads and
 * writes its own settings; the page itself only lays them out.
 */
import { HighlightSection } from './HighlightSection';
import { SitesSection } from './SitesSection';
import { PrivacySection } from './PrivacySection';
import { StorageSection } from './StorageSection';

const SECTIONS = [
  ['highlight', 'Highlighting'],
  ['sites', 'Where it runs'],
  // Mount point: the sync engineer's sources (add ['sources', 'Sources'] here with <Sources /> below).
  ['privacy', 'Privacy'],
  ['storage', 'Storage'],
  // Mount point: the collection engineer's data section (add ['data', 'Your data'] with <DataSection /> below).
] as const;

export function Options() {
  return (
    <>
      <nav aria-label="Sections" class="toc">
        <ul>
          {SECTIONS.map(([id, title]) => (
            <li key={id}>
              <a href={`#${id}`}>{title}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        <h1>Incident Lens options</h1>
        <HighlightSection />
        <SitesSection />
        {/* MOUNT POINT (merge): <Sources /> from ./Sources.tsx, the sync engineer's section. */}
        <PrivacySection />
        <StorageSection />
        {/* MOUNT POINT (merge): <DataSection /> from ./DataSection.tsx, the collection engineer's section. */}
      </main>
    </>
  );
}
