// A line chart of one series over time (visits per day or per week): an SVG line with a dot
// per point, the highest value and the first and last label written beside it in HTML, so
// the text grows with the user's text size. The table beneath holds every number.

import { formatCount } from './format';
import { text } from './text';

export interface Point {
  readonly label: string;
  readonly value: number;
}

const WIDTH = 600;
const HEIGHT = 180;
const PAD = 8;

export function LineChart({ title, points }: { title: string; points: readonly Point[] }) {
  const max = Math.max(1, ...points.map((point) => point.value));
  const step = points.length > 1 ? (WIDTH - 2 * PAD) / (points.length - 1) : 0;
  const xy = points.map((point, index) => ({
    x: PAD + (points.length > 1 ? index * step : (WIDTH - 2 * PAD) / 2),
    y: HEIGHT - PAD - (point.value / max) * (HEIGHT - 2 * PAD),
  }));
  const line = xy.map(
    ({ x, y }, index) => `${index === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`,
  );
  const highest = points.reduce<Point | undefined>(
    (best, point) => (best === undefined || point.value > best.value ? point : best),
    undefined,
  );
  const summary = highest
    ? text.chart.line(
        title,
        points.length,
        text.chart.part(highest.label, formatCount(highest.value)),
      )
    : text.chart.nothing;
  return (
    <div class="line-chart" role="img" aria-label={summary}>
      <span class="axis-max">{formatCount(max)}</span>
      <svg
        class="line-svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        aria-hidden="true"
        focusable="false"
      >
        {[0, 0.5, 1].map((share) => (
          <line
            key={share}
            class="grid"
            x1="0"
            x2={WIDTH}
            y1={PAD + share * (HEIGHT - 2 * PAD)}
            y2={PAD + share * (HEIGHT - 2 * PAD)}
            vector-effect="non-scaling-stroke"
          />
        ))}
        <path class="line" d={line.join(' ')} vector-effect="non-scaling-stroke" />
        {points.length <= 62
          ? xy.map(({ x, y }, index) => <circle key={index} class="dot" cx={x} cy={y} r="4" />)
          : null}
      </svg>
      <span class="axis-x">
        <span>{points[0]?.label}</span>
        <span>{points.length > 1 ? points[points.length - 1]?.label : ''}</span>
      </span>
    </div>
  );
}
