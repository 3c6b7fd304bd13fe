import type { CatalogOverrides, CatalogProcedure, ProcedureChannel } from '@mot-cua/contracts';
import { pickTimeLimit } from './catalog-channels.js';

function withChannels(r: CatalogProcedure, channels: ProcedureChannel[], note: string): CatalogProcedure {
  const review = r.review.filter(
    (n) =>
      !(n.field.startsWith('channels.') && channels.find((c) => `channels.${c.kind}` === n.field && !c.needsReview)),
  );
  const timeLimit = pickTimeLimit(channels);
  const cleaned = timeLimit ? review.filter((n) => n.field !== 'timeLimit') : review;
  return {
    ...r,
    channels,
    timeLimit,
    review: cleaned,
    needsReview: cleaned.length > 0,
    curationNote: [r.curationNote, note].filter(Boolean).join(' | '),
  };
}

const BARE = /^\d+(?:[.,]\d+)?$/;

/**
 * Apply the hand-curated overrides to the parsed crawl:
 * - bare-duration rules read unit-less time cells of one ministry's field in a stated unit;
 * - corrections replace fields of an existing record (and say why in curationNote);
 * - additions are curated procedures missing from the crawl.
 * A correction of an unknown code or an addition that collides with a crawl code is an error, so a
 * stale override never silently disappears.
 */
export function applyOverrides(
  records: ReadonlyArray<CatalogProcedure>,
  overrides: CatalogOverrides,
): CatalogProcedure[] {
  const byCode = new Map(records.map((r) => [r.code, r] as const));
  for (const rule of overrides.bareDurationRules) {
    for (const r of byCode.values()) {
      if (r.agency !== rule.agency || r.field !== rule.field) continue;
      if (!r.channels.some((c) => c.duration === null && BARE.test(c.durationText))) continue;
      const channels = r.channels.map((c) => {
        if (c.duration !== null || !BARE.test(c.durationText)) return c;
        const value = Number(c.durationText.replace(',', '.'));
        const stillUnsure = c.fees.length === 0 || c.fees.some((f) => f.kind === 'unknown');
        return { ...c, duration: { value, unit: rule.unit }, needsReview: stillUnsure };
      });
      byCode.set(r.code, withChannels(r, channels, rule.reason));
    }
  }
  for (const c of overrides.corrections) {
    let r = byCode.get(c.code);
    if (!r) throw new Error(`override correction for unknown procedure ${c.code}`);
    if (c.channelDuration) {
      const d = c.channelDuration;
      r = withChannels(
        r,
        r.channels.map((ch) =>
          ch.duration ? ch : { ...ch, duration: d, needsReview: ch.fees.some((f) => f.kind === 'unknown') },
        ),
        '',
      );
    }
    const merged: CatalogProcedure = { ...r, ...c.set, code: r.code, origin: r.origin };
    merged.curationNote = [r.curationNote, c.reason].filter(Boolean).join(' | ');
    if (c.set.needsReview === undefined) merged.needsReview = merged.review.length > 0;
    byCode.set(c.code, merged);
  }
  for (const a of overrides.additions) {
    if (byCode.has(a.code)) throw new Error(`override addition collides with ${a.code}`);
    byCode.set(a.code, { ...a, origin: 'curated' });
  }
  return [...byCode.values()].sort((x, y) => x.code.localeCompare(y.code));
}
