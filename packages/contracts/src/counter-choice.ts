/**
 * Which counter the counter page opens on, so an official is never left on an empty page: the counter they hold
 * (the server's "mine", or one the centre lists as theirs), else the centre's only counter; otherwise none, and the
 * page lists the counters to choose from.
 */
export function preselectedCounter(
  counters: ReadonlyArray<{ id: string; officialUserId: string | null }>,
  userId: string | undefined,
  mine: string | null | undefined,
): string | undefined {
  if (mine) return mine;
  const held = counters.find((c) => userId && c.officialUserId === userId);
  if (held) return held.id;
  return counters.length === 1 ? counters[0]!.id : undefined;
}
