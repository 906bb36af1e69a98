/**
 * Exact top-k by score without scoring every candidate.
 *
 * A candidate is admitted by at least one index-backed signal (in a target place, of a sought type,
 * sharing an area). Each signal adds at most `max` points; everything else the score counts (tier,
 * languages, activity, the city's boost) adds at most `rest`. So a candidate whose signals are
 * exactly the set S scores at most bound(S) = sum of max over S + rest.
 *
 * The combinations of signals are visited strongest bound first; a visit asks the database for the
 * best k of the candidates having all the signals of the combination (one index scan that
 * intersects them: few rows). The walk stops once the k-th best score found so far is above the bound of the next
 * combination: a candidate not yet seen has, as its exact signal set, a combination not visited, so
 * it cannot score more than that bound. Candidates seen in a visit but not returned were beaten by k
 * others or were below the k-th score already found, so they are out too. Usually two or three
 * visits settle it, each reading hundreds to a few thousand rows instead of the tens of thousands
 * that share one signal. The answer is the same as scoring every candidate (an integration test and
 * the benchmark compare them).
 */
export interface Signal<Key extends string = string> {
  key: Key;
  /** The most points this signal can add. */
  max: number;
}

export interface Combination<Key extends string = string> {
  signals: Key[];
  bound: number;
}

export interface Ranked {
  id: string;
  score: number;
}

/** Every non-empty combination of the signals, strongest bound first (larger sets first on a tie: a set before its subsets). */
export function combinations<Key extends string>(signals: Signal<Key>[], rest: number): Combination<Key>[] {
  const out: Combination<Key>[] = [];
  for (let mask = 1; mask < 1 << signals.length; mask++) {
    const chosen = signals.filter((_, i) => mask & (1 << i));
    out.push({ signals: chosen.map((s) => s.key), bound: chosen.reduce((sum, s) => sum + s.max, rest) });
  }
  return out.sort((a, b) => b.bound - a.bound || b.signals.length - a.signals.length);
}

/**
 * The candidates that can be among the k best: every candidate scoring at least the k-th best
 * score (ties included, so that the caller's SQL, not this code, breaks them by name and id in the
 * database's collation). `visit(signals, minScore)` returns the best k, in the SQL order, among
 * candidates having every signal listed and a score of at least minScore (null: any score), after
 * the page's cursor if there is one.
 */
export async function topKCandidates<Key extends string>(
  signals: Signal<Key>[],
  rest: number,
  k: number,
  visit: (signals: Key[], minScore: number | null) => Promise<Ranked[]>,
): Promise<Ranked[]> {
  const found = new Map<string, number>();
  let kth: number | null = null;
  for (const combination of combinations(signals, rest)) {
    if (kth !== null && kth > combination.bound) break;
    for (const row of await visit(combination.signals, kth)) found.set(row.id, row.score);
    const scores = [...found.values()].sort((a, b) => b - a);
    kth = scores.length >= k ? scores[k - 1] : null;
  }
  return [...found].map(([id, score]) => ({ id, score })).filter((row) => kth === null || row.score >= kth);
}
