// One visit as the national form asks it: the visit's answers, then each question's, in the
// form's order and wording, with a large "Overgenomen" check once it is copied over.

import { useState } from 'preact/hooks';
import type { MonitorAnswer, MonitorEntry } from '../../core/reports/monitor';
import { formatShortDay } from './format';
import { text } from './text';

export function MonitorEntryCard(props: {
  number: number;
  entry: MonitorEntry;
  copied: boolean;
  onCopied: (copied: boolean) => Promise<void>;
}) {
  const { number, entry, copied, onCopied } = props;
  const [failed, setFailed] = useState(false);
  const title = text.monitor.visit(number, formatShortDay(entry.day), entry.hour);
  const id = `visit-${number}`;
  return (
    <li
      class={`monitor-entry report-section${copied ? ' is-copied' : ''}`}
      data-testid="monitor-entry"
    >
      <h2 id={id} class="monitor-entry-title">
        {title}
      </h2>
      <Answers answers={entry.visit} />
      {entry.questions.map((answers, index) => (
        <div key={index} class="monitor-question">
          <h3>{text.monitor.question(index + 1, entry.questions.length)}</h3>
          <Answers answers={answers} />
        </div>
      ))}
      <label class="check-row monitor-check">
        <input
          type="checkbox"
          checked={copied}
          aria-describedby={id}
          onChange={(event) => {
            const value = event.currentTarget.checked;
            onCopied(value).then(
              () => setFailed(false),
              () => setFailed(true),
            );
          }}
        />
        <span>{text.monitor.copied}</span>
      </label>
      {failed ? <p class="error">{text.monitor.saveFailed}</p> : null}
    </li>
  );
}

function Answers({ answers }: { answers: readonly MonitorAnswer[] }) {
  return (
    <dl class="monitor-answers">
      {answers.map((answer) => [
        <dt key={`${answer.question}-q`}>{answer.question}</dt>,
        <dd key={answer.question}>{answer.answers.join('; ')}</dd>,
      ])}
    </dl>
  );
}
