import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { MatchingRepository } from '../../src/matching/matching.repository';

/** One judged initiative of test/fixtures/matching-judged-set.json (see docs/matching-judged-set.md). */
export interface JudgedInitiative {
  seeker: string;
  title: string;
  areas: string[];
  targetCities?: string[];
  targetCountries?: string[];
  soughtOrgTypes: string[];
  languages: string[];
  soughtRole?: string;
  fundingProgramme?: string;
  callDeadline?: string;
  relevant: string[];
}

export const JUDGED_SET: JudgedInitiative[] = (
  JSON.parse(readFileSync(resolve(__dirname, '..', 'fixtures', 'matching-judged-set.json'), 'utf8')) as {
    initiatives: JudgedInitiative[];
  }
).initiatives;

/** Publishes each judged initiative for its seeker (the demo data must be there), as seedDemoActivity does. */
export async function insertJudgedInitiatives(dataSource: DataSource): Promise<string[]> {
  const ids: string[] = [];
  for (const judged of JUDGED_SET) {
    const [organization] = await dataSource.query<{ id: string; type: string; city: string | null }[]>(
      `SELECT o.id, o.type, c.key AS city FROM organizations o LEFT JOIN cities c ON c.id = o.city_id WHERE o.name = $1`,
      [judged.seeker],
    );
    if (!organization) throw new Error(`the judged set names an organisation the demo data lacks: ${judged.seeker}`);
    const [{ id }] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO initiatives (organization_id, title, summary, kind, status, areas, target_cities, target_countries, sought_org_types, languages,
                                funding_programme, sought_role, call_deadline, organization_city, organization_type, published_at)
       VALUES ($1, $2, $2, 'partner_search', 'published', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now()) RETURNING id`,
      [
        organization.id,
        judged.title,
        judged.areas,
        judged.targetCities ?? [],
        judged.targetCountries ?? [],
        judged.soughtOrgTypes,
        judged.languages,
        judged.fundingProgramme ?? null,
        judged.soughtRole ?? null,
        judged.callDeadline ?? null,
        organization.city,
        organization.type,
      ],
    );
    ids.push(id);
  }
  return ids;
}

export interface Precision {
  at5: number;
  at10: number;
  /** Per initiative: its title and the names ranked first. */
  rankings: { title: string; top: string[]; hits5: number; hits10: number }[];
}

/**
 * Precision at 5 and at 10 of the counterpart ranking over the judged set: the share of the first
 * 5 (10) organisations that the judge picked, averaged over the initiatives.
 */
export async function judgedPrecision(matching: MatchingRepository, ids: string[]): Promise<Precision> {
  const rankings: Precision['rankings'] = [];
  for (const [index, judged] of JUDGED_SET.entries()) {
    const top = (await matching.counterparts(ids[index], undefined, 10)).map((row) => row.name);
    const relevant = new Set(judged.relevant);
    const hits = (n: number) => top.slice(0, n).filter((name) => relevant.has(name)).length;
    rankings.push({ title: judged.title, top, hits5: hits(5), hits10: hits(10) });
  }
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  return {
    at5: mean(rankings.map((r) => r.hits5 / 5)),
    at10: mean(rankings.map((r) => r.hits10 / 10)),
    rankings,
  };
}
