/**
 * Replaces `{slot_name}` in an answer with the slot's value. A placeholder naming one of the
 * intent's own slots that has no value (an optional slot not given) becomes empty, so the
 * customer never sees "{email}"; any other braces are left as written.
 */
export function fillPlaceholders(text: string, values: Record<string, string>, intentSlotNames: readonly string[]): string {
  return text.replace(/\{([a-z][a-z0-9_]*)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value !== undefined) return value;
    return intentSlotNames.includes(name) ? '' : whole;
  });
}
