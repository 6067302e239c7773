// Weekdays down, hour bands across: how many visits, for planning who staffs the desk. Five
// lightness steps of one colour, and the count written in each busy cell, so a greyscale print
// still reads. Only the hours that had visits (at least 9 to 17) are drawn.

import { hourBand } from '../../core/reports/labels';
import { formatCount } from './format';
import { useScrollFocus } from './overflow';
import { text } from './text';

const CELL = 34;
const LABEL = 34;
const HEAD = 22;
const DAYS = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];

/** The hours to draw: from the first to the last with visits, and at least 9–17. */
export function heatmapHours(heatmap: readonly (readonly number[])[]): number[] {
  const busy = Array.from({ length: 24 }, (_, hour) => hour).filter((hour) =>
    heatmap.some((day) => (day[hour] ?? 0) > 0),
  );
  const first = Math.min(9, ...busy);
  const last = Math.max(16, ...busy);
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

export function Heatmap({ heatmap }: { heatmap: readonly (readonly number[])[] }) {
  const [ref, tabIndex] = useScrollFocus<HTMLDivElement>();
  const hours = heatmapHours(heatmap);
  const max = Math.max(1, ...heatmap.flat());
  const level = (count: number) => (count === 0 ? 0 : Math.ceil((count / max) * 4));
  let busiest = { day: 0, hour: 0, count: 0 };
  heatmap.forEach((day, index) => {
    day.forEach((count, hour) => {
      if (count > busiest.count) busiest = { day: index, hour, count };
    });
  });
  const summary = text.chart.heatmap(
    busiest.count === 0
      ? text.chart.nothing
      : `${text.weekdays[busiest.day]} ${hourBand(busiest.hour)}, ${formatCount(busiest.count)}`,
  );
  const width = LABEL + hours.length * CELL;
  const height = HEAD + 7 * CELL;
  return (
    <div class="heatmap-scroll" ref={ref} tabIndex={tabIndex}>
      <svg
        class="heatmap"
        viewBox={`0 0 ${width} ${height}`}
        style={{ '--heat-min': `${Math.round(width * 0.85)}px` }}
        role="img"
        aria-label={summary}
      >
        {hours.map((hour, column) => (
          <text key={hour} class="heat-head" x={LABEL + column * CELL + CELL / 2} y={HEAD - 7}>
            {hour}
          </text>
        ))}
        {DAYS.map((day, row) => (
          <g key={day}>
            <text class="heat-day" x={LABEL - 6} y={HEAD + row * CELL + CELL / 2 + 5}>
              {day}
            </text>
            {hours.map((hour, column) => {
              const count = heatmap[row]?.[hour] ?? 0;
              const x = LABEL + column * CELL;
              const y = HEAD + row * CELL;
              return (
                <g key={hour}>
                  <rect
                    class={`heat heat-${level(count)}`}
                    x={x + 1}
                    y={y + 1}
                    width={CELL - 2}
                    height={CELL - 2}
                  />
                  {count > 0 ? (
                    <text
                      class={`heat-count heat-count-${level(count)}`}
                      x={x + CELL / 2}
                      y={y + CELL / 2 + 5}
                    >
                      {count}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </div>
  );
}
