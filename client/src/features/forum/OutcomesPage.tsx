/**
 * /forum/editions/:id/outcomes: the public outcomes report. Key figures, two simple bar charts
 * (attendance per session; questions asked and answered), each with a table of the same
 * figures, what started at the forum, and the open data (JSON, CSV).
 */
import { getOutcomes, outcomesCsvHref, outcomesJsonHref, type OutcomeSession, type Outcomes } from './api';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { useForumMessages } from './i18n/messages';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { useApi } from '../../shared/hooks/use-api';
import { useForumFormat } from './components/common';
import { OriginalLanguage } from '../../shared/ui/OriginalLanguage';

export function OutcomesPage({ editionId }: { editionId: string }) {
  const fm = useForumMessages();
  const outcomes = useApi((signal) => getOutcomes(editionId, signal), [editionId]);
  const title = outcomes.data ? fm.outcomesTitle(outcomes.data.edition.year) : fm.outcomesLink;
  useDocumentTitle(title);
  return (
    <div class="forum forum-outcomes">
      <p class="back-link">
        <Link href={`/forum/editions/${editionId}`}>{fm.title}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      {outcomes.error ? (
        outcomes.error.status === 404 ? (
          <p class="empty">{fm.outcomesNotPublished}</p>
        ) : (
          <LoadError error={outcomes.error} onRetry={outcomes.reload} />
        )
      ) : !outcomes.data ? (
        <Loading />
      ) : (
        <Report outcomes={outcomes.data} />
      )}
    </div>
  );
}

function Report({ outcomes }: { outcomes: Outcomes }) {
  const fm = useForumMessages();
  const { locale, langOf } = useI18n();
  const format = useForumFormat();
  const number = new Intl.NumberFormat(locale);
  const sessions = outcomes.sessions as unknown as OutcomeSession[];
  const initiatives = outcomes.initiatives as unknown as { id: string; title: string; language: string }[];
  const partnerships = outcomes.partnerships as unknown as {
    id: string;
    initiativeTitle: string;
    initiativeTitleLang: string;
  }[];
  const figures: [string, number][] = [
    [fm.sessionsHeld, outcomes.sessionsHeld],
    [fm.registrations, outcomes.registrations],
    [fm.attendance, outcomes.attendance],
    [fm.questionsAsked, outcomes.questionsAsked],
    [fm.questionsAnswered, outcomes.questionsAnswered],
    [fm.meetingsHeld, outcomes.meetingsHeld],
    [fm.initiativesStarted, initiatives.length],
    [fm.partnershipsStarted, outcomes.partnershipsStarted],
  ];
  return (
    <>
      <p class="lead">
        {format.theme(outcomes.edition)}. {format.dates(outcomes.edition)}, {outcomes.edition.venue}.
      </p>
      {outcomes.summary && (
        <>
          <OriginalLanguage lang={outcomes.summaryLang} block />
          <p class="forum-abstract forum-summary" lang={langOf(outcomes.summaryLang)}>
            {outcomes.summary}
          </p>
        </>
      )}

      <section aria-labelledby="outcomes-figures">
        <h2 id="outcomes-figures">{fm.keyFigures}</h2>
        <dl class="forum-figures">
          {figures.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{number.format(value)}</dd>
            </div>
          ))}
        </dl>
      </section>

      {sessions.length === 0 ? (
        <p class="empty">{fm.noSessionData}</p>
      ) : (
        <>
          <BarChart
            id="attendance"
            title={fm.attendanceChart}
            description={fm.attendanceChartAlt(sessions.length)}
            rows={sessions.map((session) => ({
              label: session.title,
              lang: langOf(session.titleLang),
              values: [session.confirmed, session.capacity ?? 0],
            }))}
            series={[
              { name: fm.legendConfirmed, column: fm.confirmedColumn, class: 'bar--primary' },
              { name: fm.legendCapacity, column: fm.capacityColumn, class: 'bar--outline' },
            ]}
          />
          <BarChart
            id="questions"
            title={fm.questionsChart}
            description={fm.questionsChartAlt}
            rows={sessions.map((session) => ({
              label: session.title,
              lang: langOf(session.titleLang),
              values: [session.questions, session.answered],
            }))}
            series={[
              { name: fm.legendAsked, column: fm.askedColumn, class: 'bar--primary' },
              { name: fm.legendAnswered, column: fm.answeredColumn, class: 'bar--hatched' },
            ]}
            totals={[outcomes.questionsAsked, outcomes.questionsAnswered]}
          />
        </>
      )}

      <section aria-labelledby="outcomes-started">
        <h2 id="outcomes-started">{fm.startedHeading}</h2>
        <h3>{fm.initiatives}</h3>
        {initiatives.length === 0 ? (
          <p class="empty">{fm.noneYet}</p>
        ) : (
          <ul>
            {initiatives.map((initiative) => (
              <li key={initiative.id}>
                <Link href={`/initiatives/${initiative.id}`} lang={langOf(initiative.language)}>
                  {initiative.title}
                </Link>
                <OriginalLanguage lang={initiative.language} />
              </li>
            ))}
          </ul>
        )}
        <h3>{fm.partnerships}</h3>
        {outcomes.partnershipsStarted > partnerships.length && (
          <p class="muted">{fm.partnershipsNotShown(outcomes.partnershipsStarted - partnerships.length)}</p>
        )}
        {partnerships.length === 0 ? (
          <p class="empty">{fm.noneYet}</p>
        ) : (
          <ul>
            {partnerships.map((partnership) => (
              <li key={partnership.id}>
                <span lang={langOf(partnership.initiativeTitleLang)}>{partnership.initiativeTitle}</span>
                <OriginalLanguage lang={partnership.initiativeTitleLang} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="outcomes-data">
        <h2 id="outcomes-data">{fm.openData}</h2>
        <ul class="links">
          <li>
            <a href={outcomesJsonHref(outcomes.edition.id)} type="application/json">
              {fm.openDataJson}
            </a>
          </li>
          <li>
            <a href={outcomesCsvHref(outcomes.edition.id)} type="text/csv" download>
              {fm.openDataCsv}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}

interface Series {
  name: string;
  /** The table's column heading. */
  column: string;
  class: string;
}

interface BarChartProps {
  id: string;
  title: string;
  description: string;
  /** lang: the label's language when it differs from the page's (a session's title as written). */
  rows: { label: string; lang?: string; values: [number, number] }[];
  series: [Series, Series];
  totals?: [number, number];
}

const ROW_HEIGHT = 64;
const CHART_WIDTH = 720;
/** Room on the right of the longest bar for its value. */
const BAR_AREA = CHART_WIDTH - 60;

/**
 * Horizontal bars, two per session, each session's title above its bars. The SVG is an image
 * with a short text alternative; the table after it holds every figure. The two series differ
 * by fill and pattern, not by colour alone, and each bar carries its value as text.
 */
function BarChart({ id, title, description, rows, series, totals }: BarChartProps) {
  const fm = useForumMessages();
  const { locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  const max = Math.max(1, ...rows.flatMap((row) => row.values));
  const height = rows.length * ROW_HEIGHT + 36;
  const width = (value: number) => Math.max(value > 0 ? 2 : 0, (value / max) * BAR_AREA);
  const short = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);
  const fill = (item: Series) => (item.class === 'bar--hatched' ? `url(#${id}-hatch)` : undefined);
  const titleId = `${id}-title`;
  return (
    <section class="forum-chart" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <svg
        class="bar-chart"
        viewBox={`0 0 ${CHART_WIDTH} ${height}`}
        role="img"
        aria-label={description}
        preserveAspectRatio="xMinYMin meet"
      >
        <defs>
          <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" class="bar-hatch__ground" />
            <line x1="0" y1="0" x2="0" y2="6" class="bar-hatch__line" />
          </pattern>
        </defs>
        <g class="bar-chart__legend" transform="translate(0, 14)">
          {series.map((item, index) => (
            <g key={item.name} transform={`translate(${index * 180}, 0)`}>
              <rect x="0" y="-11" width="16" height="14" class={`bar ${item.class}`} fill={fill(item)} />
              <text x="22" y="0" class="bar-chart__text">
                {item.name}
              </text>
            </g>
          ))}
        </g>
        {rows.map((row, index) => {
          const y = 36 + index * ROW_HEIGHT;
          return (
            <g key={index}>
              <text x="0" y={y + 14} class="bar-chart__label" lang={row.lang}>
                {short(row.label)}
              </text>
              {row.values.map((value, which) => (
                <g key={which}>
                  <rect
                    x="1"
                    y={y + 20 + which * 18}
                    width={width(value)}
                    height="14"
                    class={`bar ${series[which].class}`}
                    fill={fill(series[which])}
                  />
                  <text x={width(value) + 8} y={y + 32 + which * 18} class="bar-chart__value">
                    {number.format(value)}
                  </text>
                </g>
              ))}
            </g>
          );
        })}
      </svg>
      <div class="table-scroll">
        <table class="table forum-chart__table">
          <caption>
            {fm.chartTable}: {title}
          </caption>
          <thead>
            <tr>
              <th scope="col">{fm.session}</th>
              <th scope="col">{series[0].column}</th>
              <th scope="col">{series[1].column}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index}>
                <th scope="row" lang={row.lang}>
                  {row.label}
                </th>
                <td>{number.format(row.values[0])}</td>
                <td>{number.format(row.values[1])}</td>
              </tr>
            ))}
          </tbody>
          {totals && (
            <tfoot>
              <tr>
                <th scope="row">{fm.total}</th>
                <td>{number.format(totals[0])}</td>
                <td>{number.format(totals[1])}</td>
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </section>
  );
}
