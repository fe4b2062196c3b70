/** Joins truthy class names with one space; falsy parts (conditional classes) are skipped. */
export function classNames(...parts: Array<string | false | null | undefined>): string {
  return parts.filter(Boolean).join(' ');
}
