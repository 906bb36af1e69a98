import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface HomeFiguresRow {
  partnerCities: number;
  organizations: number;
  partnerships: number;
  delegationsThisYear: number;
}

/**
 * The home page's key figures in one statement (the most visited page): each a count over its own
 * table, as the dormancy and open-data repositories read across modules. The initiatives' figure is
 * the search's kept total, not counted here.
 */
@Injectable()
export class PublicPagesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async figures(year: number): Promise<HomeFiguresRow> {
    const [row] = await this.dataSource.query<HomeFiguresRow[]>(
      `SELECT (SELECT count(*)::int FROM cities WHERE NOT is_home) AS "partnerCities",
              (SELECT count(*)::int FROM organizations WHERE status = 'verified' AND hidden_at IS NULL) AS organizations,
              (SELECT count(*)::int FROM partnerships WHERE status IN ('active', 'completed')) AS partnerships,
              (SELECT count(*)::int FROM delegations
                WHERE is_public AND starts_on >= make_date($1, 1, 1) AND starts_on < make_date($1 + 1, 1, 1)) AS "delegationsThisYear"`,
      [year],
    );
    return row;
  }
}
