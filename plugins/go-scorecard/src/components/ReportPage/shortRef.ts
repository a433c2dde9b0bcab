/** A short name for an entity ref, as the catalog shows it: `group:default/team-a` → `team-a`. */
export function shortRef(ref: string): string {
  return ref.replace(/^[^:]+:(default\/)?/, '');
}
