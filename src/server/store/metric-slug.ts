/** A slug from a name: lower case words joined by hyphens ("CSAT score" → "csat-score"). */
export function slugify(name: string): string {
  return (
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 255) || 'metric'
  );
}
