// The form for one visit, used for a new registration and for changing a saved one.
// It only edits a draft; saving, drafts on disk and undo belong to the screens around it.

import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Partner } from '../../core/partners/partner';
import { offeredOptions } from '../../core/registration/catalogue';
import {
  newQuestion,
  type Problem,
  type QuestionDraft,
  type VisitDraft,
} from '../../core/registration/draft';
import { findIdentifyingData, NOTE_MAX_LENGTH } from '../../core/registration/privacy';
import { ChoiceGroup } from '../ChoiceGroup';
import type { CatalogueView } from '../hooks';
import { Icon } from '../Icon';
import { QuestionFields } from './QuestionFields';
import { text } from './text';

export interface VisitFormProps {
  readonly draft: VisitDraft;
  readonly catalogue: CatalogueView;
  readonly problems: readonly Problem[];
  readonly saving: boolean;
  readonly submitLabel: string;
  readonly onChange: (draft: VisitDraft) => void;
  readonly onSubmit: () => void;
  /** Per topic, the sociale-kaart partners to offer when a question refers a visitor. */
  readonly suggestions: ReadonlyMap<string, readonly Partner[]>;
  /** The moment "nu open" is judged at. */
  readonly now: number;
  /** Extra actions next to the save button. */
  readonly actions?: ComponentChildren;
}

export function VisitForm(props: VisitFormProps) {
  const { draft, catalogue, problems, onChange } = props;
  const { base, custom } = catalogue;
  const summary = useRef<HTMLDivElement>(null);
  const firstDomain = offeredOptions(base, custom, 'domains')[0]?.id ?? null;

  // After a refused save, move focus to the list of what is missing, before the next paint.
  useLayoutEffect(() => {
    if (problems.length > 0) summary.current?.focus();
  }, [problems]);

  const missing = (field: 'channel' | 'duration') =>
    problems.some((p) => p.field === field) ? text.register.missing[field] : undefined;
  const questionProblem = (index: number, field: 'domain' | 'topic' | 'referral') =>
    problems.some((p) => p.field === field && 'question' in p && p.question === index)
      ? text.register.missing[field]
      : undefined;
  const setQuestion = (index: number, question: QuestionDraft) =>
    onChange({ ...draft, questions: draft.questions.map((q, i) => (i === index ? question : q)) });

  function submit(event: Event) {
    event.preventDefault();
    props.onSubmit();
  }

  return (
    <form class="visit-form" onSubmit={submit} noValidate>
      {problems.length > 0 ? (
        <div class="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <h2>{text.register.problemsTitle}</h2>
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
      ) : null}

      {draft.questions.map((question, index) => (
        <QuestionFields
          key={index}
          index={index}
          count={draft.questions.length}
          question={question}
          catalogue={catalogue}
          suggestions={props.suggestions.get(question.topic ?? '') ?? NO_PARTNERS}
          now={props.now}
          problems={{
            domain: questionProblem(index, 'domain'),
            topic: questionProblem(index, 'topic'),
            referral: questionProblem(index, 'referral'),
          }}
          onChange={(next) => setQuestion(index, next)}
          onRemove={() =>
            onChange({ ...draft, questions: draft.questions.filter((_, i) => i !== index) })
          }
        />
      ))}
      <button
        type="button"
        class="button button-wide add-question"
        onClick={() =>
          onChange({ ...draft, questions: [...draft.questions, newQuestion(firstDomain)] })
        }
      >
        <Icon name="plus" /> {text.register.addQuestion}
      </button>

      <div class="visit-fields">
        <ChoiceGroup
          name="duration"
          legend={text.register.duration}
          options={offeredOptions(base, custom, 'durations')}
          value={draft.duration}
          onChange={(duration) => onChange({ ...draft, duration })}
          error={missing('duration')}
        />
        <ChoiceGroup
          name="channel"
          legend={text.register.channel}
          options={offeredOptions(base, custom, 'channels')}
          value={draft.channel}
          onChange={(channel) => onChange({ ...draft, channel })}
          error={missing('channel')}
        />
        <details class="more" open={draft.needs.length > 0}>
          <summary>{text.register.needs}</summary>
          <ChoiceGroup
            name="needs"
            legend={text.register.needs}
            options={offeredOptions(base, custom, 'needs')}
            value={draft.needs}
            onChange={(needs) => onChange({ ...draft, needs })}
            multiple
            compact
          />
        </details>
        <NoteField value={draft.note} onInput={(note) => onChange({ ...draft, note })} />
      </div>

      <div class="form-actions">
        <button type="submit" class="button button-primary button-wide" disabled={props.saving}>
          {props.saving ? text.register.saving : props.submitLabel}
        </button>
        {props.actions}
      </div>
    </form>
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
    return problem.kind === 'too-long'
      ? text.privacy.tooLong(NOTE_MAX_LENGTH)
      : `${text.privacy.found[problem.kind]} ${text.privacy.why}`;
  }
  const line = text.register.missing[problem.field];
  return 'question' in problem ? `${text.register.question(problem.question + 1)}: ${line}` : line;
}

/** The optional note, checked as it is typed: nothing that identifies a visitor. */
function NoteField({ value, onInput }: { value: string; onInput: (value: string) => void }) {
  const findings = findIdentifyingData(value);
  const kinds = [...new Set(findings.map((finding) => finding.kind))];
  const tooLong = value.length > NOTE_MAX_LENGTH;
  const invalid = kinds.length > 0 || tooLong;
  return (
    <div class="field">
      <label for="note" class="label">
        {text.register.note}
      </label>
      <p id="note-hint" class="hint">
        {text.privacy.intro}
      </p>
      {invalid ? (
        <div id="note-error" class="error" role="alert">
          {kinds.map((kind) => (
            <p key={kind}>{text.privacy.found[kind]}</p>
          ))}
          {tooLong ? <p>{text.privacy.tooLong(NOTE_MAX_LENGTH)}</p> : null}
          {kinds.length > 0 ? <p>{text.privacy.why}</p> : null}
        </div>
      ) : null}
      <textarea
        id="note"
        name="note"
        class={`input${invalid ? ' is-invalid' : ''}`}
        rows={2}
        value={value}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? 'note-hint note-error note-count' : 'note-hint note-count'}
        onInput={(event) => onInput((event.currentTarget as HTMLTextAreaElement).value)}
      />
      <p id="note-count" class={`hint counter${tooLong ? ' is-over' : ''}`}>
        {text.register.noteCount(value.length, NOTE_MAX_LENGTH)}
      </p>
    </div>
  );
}

const NO_PARTNERS: readonly Partner[] = [];
