// A horizontal bar chart: one row per answer, its label above a bar with the count beside it.
// Labels are HTML so long Dutch words wrap at large text; each bar is a small SVG. The whole
// is one image to a screen reader, with the counts spoken in its text alternative.

import { formatCount } from './format';
import { text } from './text';

export interface Bar {
  readonly label: string;
  readonly value: number;
}

export function BarChart({ title, bars }: { title: string; bars: readonly Bar[] }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const parts = bars.map((bar) => text.chart.part(bar.label, formatCount(bar.value))).join(', ');
  return (
    <div
      class="bar-chart"
      role="img"
      aria-label={text.chart.bars(title, parts || text.chart.nothing)}
    >
      {bars.map((bar) => (
        <div class="bar-row" key={bar.label}>
          <span class="bar-label">{bar.label}</span>
          <span class="bar-line">
            <svg class="bar" width="100%" height="18" aria-hidden="true" focusable="false">
              <rect class="bar-track" x="0" y="0" width="100%" height="18" rx="3" />
              <rect
                class="bar-fill"
                x="0"
                y="0"
                width={`${(bar.value / max) * 100}%`}
                height="18"
                rx="3"
              />
            </svg>
            <span class="bar-value">{formatCount(bar.value)}</span>
          </span>
        </div>
      ))}
    </div>
  );
}
