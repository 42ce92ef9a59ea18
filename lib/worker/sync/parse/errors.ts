/** A feed or catalogue that cannot be read, with a reason in plain words (shown as the source's last error). */
export class FeedError extends Error {
  override name = 'FeedError';
}
