/**
 * Master data read on the dossier path (units, working calendars, procedures as a unit receives them),
 * cached per process and keyed by the master-data version (table master_data_version, bumped by a trigger on
 * every change and read with the session). An entry is valid only for the version it was loaded under, so a
 * change made by any process is seen by the next request everywhere.
 *
 * Loads run on the caller's own connection (its transaction); a request never awaits a load started by
 * another request, so a request holding a lock can never wait for a connection held by a request that
 * waits for that lock. Two requests missing at once both load; the later store wins (same content).
 */
export class VersionedCache<V> {
  private readonly entries = new Map<string, { version: number; value: V }>();
  constructor(private readonly maxEntries = 10_000) {}

  async get(key: string, version: number | undefined, load: () => Promise<V>): Promise<V> {
    if (version === undefined) return load();
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return hit.value;
    const value = await load();
    const now = this.entries.get(key);
    if (!now || now.version <= version) {
      if (!now && this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { version, value });
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
