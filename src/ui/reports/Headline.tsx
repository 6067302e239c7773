// The headline numbers: visits, questions and questions per visit, each beside the period
// before and the same period last year, with the difference written out (−2, +4).

import type { Change } from '../../core/reports/compare';
import { change } from '../../core/reports/compare';
import { formatCount, formatDifference } from './format';
import type { PeriodReports } from './hooks';
import { text } from './text';

export function Headline({ reports }: { reports: PeriodReports }) {
  const { current, previous, lastYear } = reports;
  const perVisit = current.visits === 0 ? '–' : (current.questions / current.visits).toFixed(1);
  return (
    <dl class="headline">
      <Figure
        name={text.headline.visits}
        before={change(current.visits, previous.visits)}
        yearAgo={change(current.visits, lastYear.visits)}
      />
      <Figure
        name={text.headline.questions}
        before={change(current.questions, previous.questions)}
        yearAgo={change(current.questions, lastYear.questions)}
      />
      <div class="figure">
        <dt>{text.headline.perVisit}</dt>
        <dd class="figure-value">{perVisit.replace('.', ',')}</dd>
      </div>
    </dl>
  );
}

function Figure({ name, before, yearAgo }: { name: string; before: Change; yearAgo: Change }) {
  return (
    <div class="figure" data-testid={`figure-${name.toLowerCase()}`}>
      <dt>{name}</dt>
      <dd class="figure-value">{formatCount(before.current)}</dd>
      <dd class="figure-compare">
        {text.headline.previous}: {formatCount(before.previous)} (
        {formatDifference(before.difference)})
      </dd>
      <dd class="figure-compare">
        {text.headline.lastYear}: {formatCount(yearAgo.previous)} (
        {formatDifference(yearAgo.difference)})
      </dd>
    </div>
  );
}
