// Stacked bars: one bar per period, split into parts (the kinds of question). Parts differ in
// lightness and pattern (solid, stripes, dots) so they stay apart on a greyscale print, and a
// legend names them. Counts are in the table beneath and in the text alternative.

import { useId } from 'preact/hooks';
import { formatCount } from './format';
import { text } from './text';

export interface Stack {
  readonly label: string;
  readonly parts: readonly number[];
}

const FILLS = ['solid', 'stripes', 'dots'] as const;

export function StackedBars(props: {
  title: string;
  partNames: readonly string[];
  stacks: readonly Stack[];
}) {
  const id = useId();
  const { title, partNames, stacks } = props;
  const max = Math.max(1, ...stacks.map((stack) => sum(stack.parts)));
  const fill = (index: number) => {
    const kind = FILLS[index % FILLS.length];
    // A style, not the fill attribute: the class's CSS fill would win over an attribute.
    return kind === 'solid' ? undefined : { fill: `url(#${id}-${kind})` };
  };
  const described = stacks
    .map((stack) => {
      const parts = stack.parts.map((count, index) =>
        text.chart.part(partNames[index] ?? '', formatCount(count)),
      );
      return `${stack.label}: ${parts.join(', ')}`;
    })
    .join('; ');
  return (
    <div class="stacked-chart" role="img" aria-label={text.chart.stacked(title, described)}>
      <svg width="0" height="0" class="chart-defs" aria-hidden="true" focusable="false">
        <defs>
          <pattern
            id={`${id}-stripes`}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" class="part-1" />
            <line x1="0" y1="0" x2="0" y2="6" class="part-1-line" stroke-width="3" />
          </pattern>
          <pattern id={`${id}-dots`} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" class="part-2" />
            <circle cx="3" cy="3" r="1.4" class="part-2-dot" />
          </pattern>
        </defs>
      </svg>
      {stacks.map((stack) => {
        let start = 0;
        return (
          <div class="bar-row" key={stack.label}>
            <span class="bar-label">{stack.label}</span>
            <span class="bar-line">
              <svg class="bar" width="100%" height="22" aria-hidden="true" focusable="false">
                <rect class="bar-track" x="0" y="0" width="100%" height="22" />
                {stack.parts.map((count, index) => {
                  const x = start;
                  start += (count / max) * 100;
                  return (
                    <rect
                      key={index}
                      class={`part part-${index % FILLS.length}`}
                      x={`${x}%`}
                      y="0"
                      width={`${(count / max) * 100}%`}
                      height="22"
                      style={fill(index)}
                    />
                  );
                })}
              </svg>
              <span class="bar-value">{formatCount(sum(stack.parts))}</span>
            </span>
          </div>
        );
      })}
      <ul class="legend" aria-hidden="true">
        {partNames.map((name, index) => (
          <li key={name}>
            <svg width="18" height="18" aria-hidden="true" focusable="false">
              <rect
                class={`part part-${index % FILLS.length}`}
                width="18"
                height="18"
                style={fill(index)}
              />
            </svg>
            {name}
          </li>
        ))}
      </ul>
    </div>
  );
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
