/**
 * /statistics: figures computed from the live data, each as a chart with a table of the same numbers
 * and a CSV download: initiatives over time by area, goal, kind or partner city; partnerships per
 * partner city; the forum's editions; visits by direction.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useApi } from '../../shared/hooks/use-api';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import {
  csvPath,
  statistic,
  statisticList,
  type Statistic,
  type StatisticPeriod,
  type StatisticRow,
  type StatisticSummary,
} from './api';
import { BarChart } from './BarChart';
import { useStatisticsMessages } from './messages';
import './statistics.css';

const INITIATIVE_KEYS = ['initiatives-by-area', 'initiatives-by-goal', 'initiatives-by-kind', 'initiatives-by-city'];

export function StatisticsPage() {
  const sm = useStatisticsMessages();
  useDocumentTitle(sm.title);
  const list = useApi((signal) => statisticList(signal), []);
  const find = (key: string) => list.data?.items.find((item) => item.key === key);
  return (
    <div class="statistics">
      <PageHeading>{sm.title}</PageHeading>
      <p class="lead">{sm.intro}</p>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : (
        <>
          <p>
            {sm.license(list.data.license)} <Link href="/open-data">{sm.openData}</Link>
          </p>
          <InitiativesSection items={list.data.items.filter((item) => INITIATIVE_KEYS.includes(item.key))} />
          {find('partnerships-by-city') && <PartnershipsSection summary={find('partnerships-by-city')!} />}
          {find('forum-editions') && <ForumSection summary={find('forum-editions')!} />}
          {find('delegations-by-direction') && <VisitsSection summary={find('delegations-by-direction')!} />}
        </>
      )}
    </div>
  );
}

/** The category's name in the reader's language. */
function useName() {
  const { language } = useI18n();
  return (row: Pick<StatisticRow, 'namePl' | 'nameEn'>) => (language === 'pl' ? row.namePl : row.nameEn);
}

/** Each category once, in the order of their totals (largest first), with their names. */
function categories(rows: StatisticRow[]): { key: string; row: StatisticRow; total: number }[] {
  const totals = new Map<string, { key: string; row: StatisticRow; total: number }>();
  for (const row of rows) {
    const entry = totals.get(row.category) ?? { key: row.category, row, total: 0 };
    entry.total += row.value;
    totals.set(row.category, entry);
  }
  return [...totals.values()].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
}

/** Every period from the first to the last counted, so a year with nothing shows as 0, not as a gap closed up. */
function periodsOf(rows: StatisticRow[], period: StatisticPeriod | null | undefined): string[] {
  const present = [...new Set(rows.map((row) => row.period).filter((value): value is string => value !== null))].sort();
  if (present.length < 2 || !period) return present;
  const index = (value: string) => {
    const [year, quarter] = value.split('-Q').map(Number);
    return period === 'quarter' ? year * 4 + (quarter - 1) : year;
  };
  const label = (n: number) => (period === 'quarter' ? `${Math.floor(n / 4)}-Q${(n % 4) + 1}` : String(n));
  const all: string[] = [];
  for (let n = index(present[0]); n <= index(present.at(-1)!); n++) all.push(label(n));
  return all;
}

const valueOf = (rows: StatisticRow[], period: string | null, category: string) =>
  rows.find((row) => row.period === period && row.category === category)?.value ?? 0;

function Section({ id, summary, children }: { id: string; summary: StatisticSummary; children: ComponentChildren }) {
  const { language } = useI18n();
  return (
    <section class="statistics__section panel" aria-labelledby={id}>
      <h2 id={id}>{summary.title[language]}</h2>
      <p>{summary.description[language]}</p>
      {children}
    </section>
  );
}

function Download({ statistic: shown }: { statistic: Statistic }) {
  const sm = useStatisticsMessages();
  const { language } = useI18n();
  return (
    <p>
      <a
        class="button-link"
        href={csvPath(shown.key, shown.period)}
        download={`${shown.key}${shown.period ? `-${shown.period}` : ''}.csv`}
        aria-label={sm.csvLabel(shown.title[language])}
      >
        {sm.csv}
      </a>
    </p>
  );
}

/**
 * A table in a box that scrolls sideways on its own rather than the page: focusable, so a keyboard can
 * scroll it, and named by the table's caption (a group, not a landmark: the section is the landmark).
 */
function TableBox({ id, children }: { id: string; children: ComponentChildren }) {
  return (
    <div class="statistics__table" tabIndex={0} role="group" aria-labelledby={id}>
      {children}
    </div>
  );
}

function useStatistic(key: string, period: StatisticPeriod | undefined) {
  return useApi((signal) => statistic(key, period, signal), [key, period]);
}

function InitiativesSection({ items }: { items: StatisticSummary[] }) {
  const sm = useStatisticsMessages();
  const [key, setKey] = useState(items[0]?.key ?? INITIATIVE_KEYS[0]);
  const [period, setPeriod] = useState<StatisticPeriod>('year');
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const summary = items.find((item) => item.key === key);
  const data = useStatistic(key, period);
  const name = useName();
  if (!summary) return null;
  const rows = data.data?.rows ?? [];
  const ranked = categories(rows);
  const category = ranked.find((entry) => entry.key === chosen) ?? ranked[0];
  const periods = periodsOf(rows, data.data?.period);
  const what = sm.category[summary.dimension];
  return (
    <Section id="statistics-initiatives" summary={{ ...summary, title: { pl: sm.initiatives, en: sm.initiatives } }}>
      <div class="statistics__filters">
        <div class="field">
          <label for="statistics-dimension">{sm.dimension}</label>
          <select
            id="statistics-dimension"
            value={key}
            onChange={(event) => {
              setKey(event.currentTarget.value);
              setChosen(undefined);
            }}
          >
            {items.map((item) => (
              <option key={item.key} value={item.key}>
                {sm.dimensions[item.key] ?? item.key}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="statistics-period">{sm.period}</label>
          <select
            id="statistics-period"
            value={period}
            onChange={(event) => setPeriod(event.currentTarget.value as StatisticPeriod)}
          >
            {summary.periods.map((value) => (
              <option key={value} value={value}>
                {sm.periods[value]}
              </option>
            ))}
          </select>
        </div>
        {ranked.length > 0 && (
          <div class="field">
            <label for="statistics-category">{what}</label>
            <select
              id="statistics-category"
              value={category?.key}
              onChange={(event) => setChosen(event.currentTarget.value)}
            >
              {ranked.map((entry) => (
                <option key={entry.key} value={entry.key}>
                  {name(entry.row)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {data.error ? (
        <LoadError error={data.error} onRetry={data.reload} />
      ) : !data.data ? (
        <Loading />
      ) : ranked.length === 0 ? (
        <p class="empty">{sm.none}</p>
      ) : (
        <>
          <h3 id="statistics-initiatives-time">{sm.overTime(name(category.row), period)}</h3>
          <BarChart
            title={sm.overTime(name(category.row), period)}
            labels={periods.map(sm.formatPeriod)}
            series={[{ name: name(category.row), values: periods.map((p) => valueOf(rows, p, category.key)) }]}
          />
          <TableBox id="statistics-initiatives-time-caption">
            <table class="table">
              <caption id="statistics-initiatives-time-caption">{sm.overTime(name(category.row), period)}</caption>
              <thead>
                <tr>
                  <th scope="col">{sm.periodColumn[period]}</th>
                  <th scope="col">{sm.initiativesColumn}</th>
                </tr>
              </thead>
              <tbody>
                {periods.map((p) => (
                  <tr key={p}>
                    <th scope="row">{sm.formatPeriod(p)}</th>
                    <td>{valueOf(rows, p, category.key)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
          <h3 id="statistics-initiatives-totals">{sm.totals(sm.dimensions[key] ?? key)}</h3>
          <BarChart
            title={sm.totals(sm.dimensions[key] ?? key)}
            horizontal
            labels={ranked.map((entry) => name(entry.row))}
            series={[{ name: sm.initiativesColumn, values: ranked.map((entry) => entry.total) }]}
          />
          <TableBox id="statistics-initiatives-totals-caption">
            <table class="table">
              <caption id="statistics-initiatives-totals-caption">{sm.totals(sm.dimensions[key] ?? key)}</caption>
              <thead>
                <tr>
                  <th scope="col">{what}</th>
                  <th scope="col">{sm.initiativesColumn}</th>
                </tr>
              </thead>
              <tbody>
                {ranked.map((entry) => (
                  <tr key={entry.key}>
                    <th scope="row">{name(entry.row)}</th>
                    <td>{entry.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
          <Download statistic={data.data} />
        </>
      )}
    </Section>
  );
}

function PartnershipsSection({ summary }: { summary: StatisticSummary }) {
  const sm = useStatisticsMessages();
  const { language } = useI18n();
  const data = useStatistic(summary.key, undefined);
  const name = useName();
  const rows = data.data?.rows ?? [];
  const title = summary.title[language];
  return (
    <Section id="statistics-partnerships" summary={summary}>
      {data.error ? (
        <LoadError error={data.error} onRetry={data.reload} />
      ) : !data.data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p class="empty">{sm.none}</p>
      ) : (
        <>
          <BarChart
            title={title}
            horizontal
            labels={rows.map(name)}
            series={[{ name: sm.partnershipsColumn, values: rows.map((row) => row.value) }]}
          />
          <TableBox id="statistics-partnerships-caption">
            <table class="table">
              <caption id="statistics-partnerships-caption">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{sm.category.city}</th>
                  <th scope="col">{sm.partnershipsColumn}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.category}>
                    <th scope="row">{name(row)}</th>
                    <td>{row.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
          <Download statistic={data.data} />
        </>
      )}
    </Section>
  );
}

function ForumSection({ summary }: { summary: StatisticSummary }) {
  const sm = useStatisticsMessages();
  const { language } = useI18n();
  const data = useStatistic(summary.key, undefined);
  const name = useName();
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const rows = data.data?.rows ?? [];
  // The figures in the server's order (the first edition lists them all).
  const figures = [...new Map(rows.map((row) => [row.category, row])).values()];
  const figure = figures.find((row) => row.category === chosen) ?? figures[0];
  const editions = periodsOf(rows, null);
  return (
    <Section id="statistics-forum" summary={summary}>
      {data.error ? (
        <LoadError error={data.error} onRetry={data.reload} />
      ) : !data.data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p class="empty">{sm.none}</p>
      ) : (
        <>
          <div class="statistics__filters">
            <div class="field">
              <label for="statistics-figure">{sm.figure}</label>
              <select
                id="statistics-figure"
                value={figure.category}
                onChange={(event) => setChosen(event.currentTarget.value)}
              >
                {figures.map((row) => (
                  <option key={row.category} value={row.category}>
                    {name(row)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <BarChart
            title={sm.forumChart(name(figure))}
            labels={editions}
            series={[
              { name: name(figure), values: editions.map((edition) => valueOf(rows, edition, figure.category)) },
            ]}
          />
          <TableBox id="statistics-forum-caption">
            <table class="table">
              <caption id="statistics-forum-caption">{summary.title[language]}</caption>
              <thead>
                <tr>
                  <th scope="col">{sm.edition}</th>
                  {figures.map((row) => (
                    <th scope="col" key={row.category}>
                      {name(row)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {editions.map((edition) => (
                  <tr key={edition}>
                    <th scope="row">{edition}</th>
                    {figures.map((row) => (
                      <td key={row.category}>{valueOf(rows, edition, row.category)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
          <Download statistic={data.data} />
        </>
      )}
    </Section>
  );
}

function VisitsSection({ summary }: { summary: StatisticSummary }) {
  const sm = useStatisticsMessages();
  const { language } = useI18n();
  const [period, setPeriod] = useState<StatisticPeriod>('year');
  const data = useStatistic(summary.key, period);
  const name = useName();
  const rows = data.data?.rows ?? [];
  const directions = categories(rows)
    .map((entry) => entry.row)
    .sort((a, b) => a.category.localeCompare(b.category));
  const periods = periodsOf(rows, data.data?.period);
  const title = summary.title[language];
  return (
    <Section id="statistics-visits" summary={summary}>
      <div class="statistics__filters">
        <div class="field">
          <label for="statistics-visits-period">{sm.period}</label>
          <select
            id="statistics-visits-period"
            value={period}
            onChange={(event) => setPeriod(event.currentTarget.value as StatisticPeriod)}
          >
            {summary.periods.map((value) => (
              <option key={value} value={value}>
                {sm.periods[value]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {data.error ? (
        <LoadError error={data.error} onRetry={data.reload} />
      ) : !data.data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p class="empty">{sm.none}</p>
      ) : (
        <>
          <BarChart
            title={title}
            labels={periods.map(sm.formatPeriod)}
            series={directions.map((row) => ({
              name: name(row),
              values: periods.map((p) => valueOf(rows, p, row.category)),
            }))}
          />
          <TableBox id="statistics-visits-caption">
            <table class="table">
              <caption id="statistics-visits-caption">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{sm.periodColumn[period]}</th>
                  {directions.map((row) => (
                    <th scope="col" key={row.category}>
                      {name(row)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {periods.map((p) => (
                  <tr key={p}>
                    <th scope="row">{sm.formatPeriod(p)}</th>
                    {directions.map((row) => (
                      <td key={row.category}>{valueOf(rows, p, row.category)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
          <Download statistic={data.data} />
        </>
      )}
    </Section>
  );
}
