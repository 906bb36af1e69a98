/** Statistics computed from the live data (public). */
import { api, unwrap } from '../../shared/api/client';
import type { components } from '../../shared/api/schema';

export type StatisticList = components['schemas']['StatisticListDto'];
export type StatisticSummary = components['schemas']['StatisticSummaryDto'];
export type Statistic = components['schemas']['StatisticDto'];
export type StatisticRow = components['schemas']['StatisticRowDto'];
export type StatisticPeriod = StatisticSummary['periods'][number];

export function statisticList(signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/statistics', { signal }));
}

export function statistic(key: string, period: StatisticPeriod | undefined, signal?: AbortSignal) {
  return unwrap(
    api.GET('/api/v1/statistics/{file}', {
      params: { path: { file: `${key}.json` }, query: period ? { period } : {} },
      signal,
    }),
  ) as Promise<Statistic>;
}

/** The CSV of a statistic, with the rows the page shows. */
export function csvPath(key: string, period: StatisticPeriod | null | undefined): string {
  return `/api/v1/statistics/${key}.csv${period ? `?period=${period}` : ''}`;
}
