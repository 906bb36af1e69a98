import { combinations, topKCandidates, type Ranked, type Signal } from './top-k';
import { seededRandom } from '../../test/support/seeded-random';

type Key = 'place' | 'type' | 'areas';
const SIGNALS: Signal<Key>[] = [
  { key: 'place', max: 40 },
  { key: 'type', max: 25 },
  { key: 'areas', max: 15 },
];

interface Candidate {
  id: string;
  signals: Key[];
  score: number;
}

/** A database stand-in: the best k of the candidates having the signals, at or above minScore. */
function visitor(candidates: Candidate[], k: number) {
  const visits: Key[][] = [];
  const visit = (signals: Key[], minScore: number | null): Promise<Ranked[]> => {
    visits.push(signals);
    return Promise.resolve(
      candidates
        .filter((c) => signals.every((s) => c.signals.includes(s)) && (minScore === null || c.score >= minScore))
        .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
        .slice(0, k)
        .map(({ id, score }) => ({ id, score })),
    );
  };
  return { visit, visits };
}

/** Scores every candidate: the answer the pruning must reproduce (ids of the k best, ties included). */
function exhaustive(candidates: Candidate[], k: number): string[] {
  const sorted = [...candidates].sort((a, b) => b.score - a.score);
  const kth = sorted.length >= k ? sorted[k - 1].score : -Infinity;
  return sorted
    .filter((c) => c.score >= kth)
    .map((c) => c.id)
    .sort();
}

describe('combinations', () => {
  it('lists every non-empty set of signals, strongest bound first', () => {
    const all = combinations(SIGNALS, 30);
    expect(all).toHaveLength(7);
    expect(all[0]).toEqual({ signals: ['place', 'type', 'areas'], bound: 110 });
    expect(all.map((c) => c.bound)).toEqual([110, 95, 85, 70, 70, 55, 45]);
    // On a tie the larger set goes first: a superset is always visited before its subsets.
    expect(all.slice(3, 5).map((c) => c.signals)).toEqual([['type', 'areas'], ['place']]);
  });
});

describe('topKCandidates', () => {
  it('stops after the first combination when its k-th score beats every other bound', async () => {
    const candidates: Candidate[] = [
      ...Array.from({ length: 5 }, (_, i) => ({
        id: `strong${i}`,
        signals: ['place', 'type', 'areas'] as Key[],
        score: 100,
      })),
      ...Array.from({ length: 50 }, (_, i) => ({ id: `weak${i}`, signals: ['type'] as Key[], score: 50 })),
    ];
    const { visit, visits } = visitor(candidates, 3);
    const found = await topKCandidates(SIGNALS, 30, 3, visit);
    expect(visits).toEqual([['place', 'type', 'areas']]);
    expect(found.map((r) => r.id).sort()).toEqual(['strong0', 'strong1', 'strong2']);
  });

  it('goes on while an unvisited combination could still beat the k-th score', async () => {
    const candidates: Candidate[] = [
      { id: 'a', signals: ['place', 'type', 'areas'], score: 90 },
      { id: 'b', signals: ['place'], score: 70 }, // bound of {place} is 70: must be found
      { id: 'c', signals: ['areas'], score: 40 },
    ];
    const { visit, visits } = visitor(candidates, 2);
    const found = await topKCandidates(SIGNALS, 30, 2, visit);
    expect(found.map((r) => r.id).sort()).toEqual(['a', 'b']);
    expect(visits.length).toBeGreaterThan(1);
    expect(visits).not.toContainEqual(['areas']); // bound 45 < 70: never visited
  });

  it('keeps every candidate tied with the k-th score, for the SQL to order by name', async () => {
    const candidates: Candidate[] = ['x', 'y', 'z'].map((id) => ({
      id,
      signals: ['place', 'type', 'areas'] as Key[],
      score: 80,
    }));
    const { visit } = visitor(candidates, 2);
    // The visit returns only 2 of the 3 tied rows (its LIMIT): the third lost on name in the SQL order.
    const found = await topKCandidates(SIGNALS, 30, 2, visit);
    expect(found.map((r) => r.id).sort()).toEqual(['x', 'y']);
  });

  it('finds nothing without signals, and everything when there are fewer than k candidates', async () => {
    expect(await topKCandidates([], 30, 5, () => Promise.resolve([{ id: 'never', score: 1 }]))).toEqual([]);
    const few: Candidate[] = [
      { id: 'a', signals: ['type'], score: 30 },
      { id: 'b', signals: ['areas'], score: 20 },
    ];
    const { visit, visits } = visitor(few, 5);
    expect((await topKCandidates(SIGNALS, 30, 5, visit)).map((r) => r.id).sort()).toEqual(['a', 'b']);
    expect(visits).toHaveLength(7);
  });

  it('agrees with scoring every candidate on random data', async () => {
    const next = seededRandom(42);
    for (let round = 0; round < 200; round++) {
      const rest = Math.floor(next() * 40);
      const candidates: Candidate[] = Array.from({ length: 1 + Math.floor(next() * 60) }, (_, i) => {
        let signals = SIGNALS.filter(() => next() < 0.4);
        if (!signals.length) signals = [SIGNALS[Math.floor(next() * 3)]];
        // Any score within the candidate's bound: its signals may add less than their maximum.
        const bound = signals.reduce((sum, s) => sum + s.max, rest);
        return { id: `c${i}`, signals: signals.map((s) => s.key), score: Math.floor(next() * (bound + 1)) };
      });
      const k = 1 + Math.floor(next() * 10);
      const { visit } = visitor(candidates, k);
      const found = (await topKCandidates(SIGNALS, rest, k, visit)).map((r) => r.id).sort();
      // The same k best scores; ties at the k-th score may be cut by the visits' own order.
      const truth = exhaustive(candidates, k);
      const score = (id: string) => candidates.find((c) => c.id === id)!.score;
      const best = (ids: string[]) =>
        ids
          .map(score)
          .sort((a, b) => b - a)
          .slice(0, k);
      expect(best(found)).toEqual(best(truth));
      expect(found.every((id) => truth.includes(id))).toBe(true);
    }
  });
});
