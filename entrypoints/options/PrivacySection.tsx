/** What Incident Lens sends where, in plain words. */
export function PrivacySection() {
  return (
    <section aria-labelledby="privacy-title" id="privacy">
      <h2 id="privacy-title">Privacy</h2>
      <ul class="plain">
        <li>
          <strong>Page text never leaves your browser.</strong> Articles are read by the extension itself, on this computer; nothing you
          read is sent anywhere.
        </li>
        <li>
          <strong>What is fetched:</strong> only the public sources you have turned on (security news feeds, CISA's Known Exploited
          Vulnerabilities list, MITRE ATT&amp;CK, MISP galaxies), on their schedule. Those requests say nothing about what you read.
        </li>
        <li>
          <strong>Your collection, notes and settings</strong> are stored in this browser only. Search runs here too.
        </li>
        <li>
          <strong>Lookup links</strong> on an entity's card (VirusTotal and the like) go nowhere until you click one.
        </li>
        <li>No accounts, no analytics, no advertising, no remote code.</li>
      </ul>
    </section>
  );
}
