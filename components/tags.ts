/** Tags as typed in a text field ("apt28, espionage") to a list, and back. */
export function parseTags(input: string): string[] {
  return [...new Set(input.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))];
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}
