/**
 * A language model per catalog field (lĩnh vực), mined from the records themselves: for each field, the share of
 * its records whose indexed text (name, results, field) holds a word, smoothed towards the whole catalog
 * (Dirichlet, FIELD_MODEL_MU). A question's words then say which fields it is most likely about, from the
 * vocabulary of all the sibling procedures of a field rather than from one record's name: "đóng cửa chi nhánh của
 * công ty" reads as the enterprise registration field ("chi nhánh", "doanh nghiệp", "chấm dứt hoạt động" run
 * through its records) even where a lawyer's or an auctioneer's procedure holds the same words in its name.
 * `fit` gives each field its mean log-likelihood per question word, relative to the best field (≤ 0).
 */
export type FieldModelDoc = { record: { field: string }; unigrams: ReadonlySet<string> };

export type FieldModelWeights = { mu: number; alpha: number; floor: number; bridgeWeight: number };

export function buildFieldModel(
  docs: ReadonlyArray<FieldModelDoc>,
  { mu, alpha, floor, bridgeWeight }: FieldModelWeights,
) {
  const fieldIds = new Map<string, number>();
  const fieldOf = Int32Array.from(
    docs,
    (d) => fieldIds.get(d.record.field) ?? fieldIds.set(d.record.field, fieldIds.size).get(d.record.field)!,
  );
  const F = fieldIds.size;
  const sizes = new Float64Array(F);
  for (const f of fieldOf) sizes[f]! += 1;
  /** term → (field → number of its records holding the term) */
  const counts = new Map<string, Map<number, number>>();
  const df = new Map<string, number>();
  docs.forEach((d, i) => {
    for (const t of d.unigrams) {
      df.set(t, (df.get(t) ?? 0) + 1);
      const m = counts.get(t) ?? new Map<number, number>();
      counts.set(t, m);
      m.set(fieldOf[i]!, (m.get(fieldOf[i]!) ?? 0) + 1);
    }
  });
  const N = docs.length;
  const logDenominator = Float64Array.from(sizes, (n) => Math.log(n + mu));

  /** Per field, the question's mean log-likelihood per word weight minus the best field's (0 for the best). */
  function fit(terms: ReadonlyArray<readonly [string, number]>): Float64Array {
    const ll = new Float64Array(F);
    let total = 0;
    for (const [t, w] of terms) {
      const n = df.get(t);
      if (!n) continue;
      const background = (mu * n) / N;
      const base = Math.log(background);
      total += w;
      for (let f = 0; f < F; f++) ll[f]! += w * (base - logDenominator[f]!);
      for (const [f, c] of counts.get(t)!) ll[f]! += w * (Math.log(c + background) - base);
    }
    if (total === 0) return ll.fill(0);
    let best = -Infinity;
    for (let f = 0; f < F; f++) if (ll[f]! > best) best = ll[f]!;
    for (let f = 0; f < F; f++) ll[f] = (ll[f]! - best) / total;
    return ll;
  }

  /**
   * A question's factor per procedure (by its index in `docs`): exp(alpha × its field's fit), at least `floor`; the
   * question's words weigh 1, the administrative terms bridged from them `bridgeWeight`.
   */
  function factors(words: ReadonlyArray<string>, bridged: ReadonlyArray<string>): (doc: number) => number {
    const fitted = fit([...words.map((t) => [t, 1] as const), ...bridged.map((t) => [t, bridgeWeight] as const)]);
    return (doc) => Math.max(floor, Math.exp(alpha * fitted[fieldOf[doc]!]!));
  }

  return { fieldOf, fieldCount: F, fit, factors };
}

export type FieldModel = ReturnType<typeof buildFieldModel>;
