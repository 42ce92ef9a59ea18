/**
 * The options page: one section per file, in the order a person looks for them. Each section reads and
 * writes its own settings; the page itself only lays them out.
 */
import { HighlightSection } from './HighlightSection';
import { SitesSection } from './SitesSection';
import { PrivacySection } from './PrivacySection';
import { StorageSection } from './StorageSection';
import { SourcesSection } from './Sources';
import { DataSection } from './DataSection';

const SECTIONS = [
  ['highlight', 'Highlighting'],
  ['sites', 'Where it runs'],
  ['sources', 'Sources and sync'],
  ['privacy', 'Privacy'],
  ['storage', 'Storage'],
  ['data', 'Your data'],
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
        <SourcesSection />
        <PrivacySection />
        <StorageSection />
        <DataSection />
      </main>
    </>
  );
}
