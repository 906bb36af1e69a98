/**
 * A bar chart drawn by Chartist (SVG, scales to its container's width), for a figure whose numbers
 * are also in a table beside it: the chart is one image (role="img") labelled for screen readers,
 * each bar carries its number (direct labels), and a second series is told apart by a striped
 * pattern and a legend, not by colour alone.
 */
import { BarChart as ChartistBarChart, type BarChartOptions } from 'chartist';
import 'chartist/dist/index.css';
import { useEffect, useRef } from 'preact/hooks';
import { useStatisticsMessages } from './messages';

export interface ChartSeries {
  name: string;
  values: number[];
}

interface Props {
  /** What the chart shows, for its accessible name. */
  title: string;
  labels: string[];
  series: ChartSeries[];
  /** Bars from the left (long category names), rather than from the bottom (periods). */
  horizontal?: boolean;
}

/** Series classes, in order: Chartist's own names, styled in statistics.css (colour and pattern). */
const SERIES_CLASSES = ['a', 'b', 'c', 'd'];

export function BarChart({ title, labels, series, horizontal = false }: Props) {
  const sm = useStatisticsMessages();
  const container = useRef<HTMLDivElement>(null);
  // Redrawn when the data change (Chartist redraws by itself when the window is resized).
  const data = JSON.stringify([labels, series.map((item) => item.values), horizontal]);
  useEffect(() => {
    if (!container.current) return;
    const every = Math.ceil(labels.length / 8);
    const options: BarChartOptions = horizontal
      ? {
          horizontalBars: true,
          reverseData: true,
          height: `${Math.max(6, labels.length * series.length * 1.6 + 3)}rem`,
          axisY: { offset: 110, showGrid: false },
          axisX: { onlyInteger: true },
          chartPadding: { top: 10, right: 36, bottom: 0, left: 0 },
          seriesBarDistance: 14,
        }
      : {
          height: '16rem',
          axisY: { onlyInteger: true, offset: 32 },
          // Many periods (quarters over years): every n-th label, so that they do not overlap.
          axisX: {
            showGrid: false,
            labelInterpolationFnc: (label: string | number, index: number) => (index % every === 0 ? label : ''),
          },
          chartPadding: { top: 24, right: 8, bottom: 0, left: 0 },
          seriesBarDistance: 20,
        };
    const chart = new ChartistBarChart(
      container.current,
      { labels, series: series.map((item) => item.values) },
      options,
    );
    chart.on('draw', (event: { type: string; value?: unknown; x2?: number; y2?: number; group: ChartGroup }) => {
      if (event.type !== 'bar') return;
      const value = barValue(event.value, horizontal);
      const attributes = horizontal
        ? { x: event.x2! + 4, y: event.y2! + 4, 'text-anchor': 'start' }
        : { x: event.x2!, y: event.y2! - 5, 'text-anchor': 'middle' };
      event.group.elem('text', attributes, 'ct-value').text(String(value));
    });
    return () => chart.detach();
  }, [data]); // `data` stands for labels, series and horizontal
  return (
    <>
      {series.length > 1 && (
        <ul class="statistics__legend" aria-label={sm.legend}>
          {series.map((item, index) => (
            <li key={item.name}>
              <svg width="28" height="14" aria-hidden="true" class={`ct-series-${SERIES_CLASSES[index]}`}>
                <line x1="0" y1="7" x2="28" y2="7" class="ct-bar" />
              </svg>
              {item.name}
            </li>
          ))}
        </ul>
      )}
      <div ref={container} class="statistics__chart" role="img" aria-label={sm.chartLabel(title)} />
    </>
  );
}

interface ChartGroup {
  elem: (name: string, attributes: Record<string, string | number>, className: string) => { text: (t: string) => void };
}

/** A bar's number: Chartist gives bars {x, y}, the number on the value axis. */
function barValue(value: unknown, horizontal: boolean): number {
  if (typeof value === 'number') return value;
  const point = value as { x?: number; y?: number } | undefined;
  return (horizontal ? point?.x : point?.y) ?? 0;
}
