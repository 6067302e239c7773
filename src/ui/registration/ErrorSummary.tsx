// What is still missing before a visit can be saved: one line per problem, each a link
// that takes the user to its field. It takes the focus when it appears, before the next paint.

import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Problem } from '../../core/registration/completion';
import { NOTE_MAX_LENGTH } from '../../core/registration/privacy';
import { text } from './text';

export function ErrorSummary({ problems }: { problems: readonly Problem[] }) {
  const summary = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (problems.length > 0) summary.current?.focus();
  }, [problems]);
  if (problems.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={summary}>
      <h2>
        {problems.some((problem) => problem.field === 'note')
          ? text.register.checkTitle
          : text.register.problemsTitle}
      </h2>
      <ul>
        {unique(problems).map((problem) => (
          <li key={problemText(problem)}>
            <a href={`#${fieldOf(problem)}`} onClick={(event) => goToField(event, problem)}>
              {problemText(problem)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One line per problem, in the order the form asks. */
function unique(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = problemText(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The id of the field a problem is about (the fieldset of a choice group, or the note). */
function fieldOf(problem: Problem): string {
  return 'question' in problem ? `q${problem.question}-${problem.field}` : problem.field;
}

/** A summary line takes the user to its field: the first choice there gets the focus. */
function goToField(event: Event, problem: Problem) {
  const field = document.getElementById(fieldOf(problem));
  if (!field) return;
  event.preventDefault();
  const target = field.matches('input, textarea') ? field : field.querySelector('input, textarea');
  field.scrollIntoView({ block: 'center' });
  (target as HTMLElement | null)?.focus({ preventScroll: true });
}

function problemText(problem: Problem): string {
  if (problem.field === 'note') {
    if (problem.kind === 'too-long') return text.privacy.tooLong(NOTE_MAX_LENGTH);
    if (problem.kind === 'unsafe-characters') return text.privacy.unsafe;
    return `${text.privacy.found[problem.kind]} ${text.privacy.why}`;
  }
  const line = text.register.missing[problem.field];
  return 'question' in problem ? `${text.register.question(problem.question + 1)}: ${line}` : line;
}
