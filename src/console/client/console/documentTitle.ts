/** "(2) Baton" while there are unseen escalations, "Baton" otherwise. */
export function titleWithCount(count: number, base = 'Baton'): string {
  return count > 0 ? `(${count}) ${base}` : base;
}
