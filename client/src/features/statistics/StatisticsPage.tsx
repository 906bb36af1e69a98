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

interface Line {
  key: string;
  /** The row's or the column's name in the table (and the chart's label or series). */
  label: string;
  /** The series' name in the chart, where it is not the column's. */
  series?: string;
}

/**
 * A figure as a person can read it either way: the chart, a table of the same numbers (rows are the
 * chart's labels, columns its series) named by its caption, and the CSV link where the figure has one.
 */
function ChartWithTable({
  id,
  title,
  caption = title,
  horizontal,
  rowHeader,
  rows,
  columns,
  charted = columns,
  value,
  csv,
}: {
  /** The caption's id is `<id>-caption`. */
  id: string;
  title: string;
  caption?: string;
  horizontal?: boolean;
  rowHeader: string;
  rows: Line[];
  columns: Line[];
  /** The columns the chart shows, where it shows fewer than the table. */
  charted?: Line[];
  value: (row: string, column: string) => number;
  csv?: Statistic;
}) {
  return (
    <>
      <BarChart
        title={title}
        horizontal={horizontal}
        labels={rows.map((row) => row.label)}
        series={charted.map((column) => ({
          name: column.series ?? column.label,
          values: rows.map((row) => value(row.key, column.key)),
        }))}
      />
      <TableBox id={`${id}-caption`}>
        <table class="table">
          <caption id={`${id}-caption`}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              {columns.map((column) => (
                <th scope="col" key={column.key}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {columns.map((column) => (
                  <td key={column.key}>{value(row.key, column.key)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableBox>
      {csv && <Download statistic={csv} />}
    </>
  );
}

/** A figure's place while it loads: its load error, the wait, "none yet", or what `children` shows of it. */
function Loaded({
  data,
  empty,
  children,
}: {
  data: ReturnType<typeof useStatistic>;
  empty: boolean;
  children: (statistic: Statistic) => ComponentChildren;
}) {
  const sm = useStatisticsMessages();
  if (data.error) return <LoadError error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  if (empty) return <p class="empty">{sm.none}</p>;
  return <>{children(data.data)}</>;
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
      <Loaded data={data} empty={ranked.length === 0}>
        {(statistic) => (
          <>
            <h3 id="statistics-initiatives-time">{sm.overTime(name(category.row), period)}</h3>
            <ChartWithTable
              id="statistics-initiatives-time"
              title={sm.overTime(name(category.row), period)}
              rowHeader={sm.periodColumn[period]}
              rows={periods.map((p) => ({ key: p, label: sm.formatPeriod(p) }))}
              columns={[{ key: category.key, label: sm.initiativesColumn, series: name(category.row) }]}
              value={(p) => valueOf(rows, p, category.key)}
            />
            <h3 id="statistics-initiatives-totals">{sm.totals(sm.dimensions[key] ?? key)}</h3>
            <ChartWithTable
              id="statistics-initiatives-totals"
              title={sm.totals(sm.dimensions[key] ?? key)}
              horizontal
              rowHeader={what}
              rows={ranked.map((entry) => ({ key: entry.key, label: name(entry.row) }))}
              columns={[{ key: 'total', label: sm.initiativesColumn }]}
              value={(entry) => ranked.find((ranking) => ranking.key === entry)?.total ?? 0}
              csv={statistic}
            />
          </>
        )}
      </Loaded>
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
      <Loaded data={data} empty={rows.length === 0}>
        {(statistic) => (
          <>
            <ChartWithTable
              id="statistics-partnerships"
              title={title}
              horizontal
              rowHeader={sm.category.city}
              rows={rows.map((row) => ({ key: row.category, label: name(row) }))}
              columns={[{ key: 'value', label: sm.partnershipsColumn }]}
              value={(city) => rows.find((row) => row.category === city)?.value ?? 0}
              csv={statistic}
            />
          </>
        )}
      </Loaded>
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
      <Loaded data={data} empty={rows.length === 0}>
        {(statistic) => (
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
            <ChartWithTable
              id="statistics-forum"
              title={sm.forumChart(name(figure))}
              caption={summary.title[language]}
              rowHeader={sm.edition}
              rows={editions.map((edition) => ({ key: edition, label: edition }))}
              columns={figures.map((row) => ({ key: row.category, label: name(row) }))}
              charted={[{ key: figure.category, label: name(figure) }]}
              value={(edition, category) => valueOf(rows, edition, category)}
              csv={statistic}
            />
          </>
        )}
      </Loaded>
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
      <Loaded data={data} empty={rows.length === 0}>
        {(statistic) => (
          <>
            <ChartWithTable
              id="statistics-visits"
              title={title}
              rowHeader={sm.periodColumn[period]}
              rows={periods.map((p) => ({ key: p, label: sm.formatPeriod(p) }))}
              columns={directions.map((row) => ({ key: row.category, label: name(row) }))}
              value={(p, direction) => valueOf(rows, p, direction)}
              csv={statistic}
            />
          </>
        )}
      </Loaded>
    </Section>
  );
}
