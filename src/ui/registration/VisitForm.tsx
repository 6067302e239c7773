// The form for one visit, used for a new registration and for changing a saved one.
// It only edits a draft; saving, drafts on disk and undo belong to the screens around it.

import type { ComponentChildren } from 'preact';
import type { Partner } from '../../core/partners/partner';
import { offeredOptions } from '../../core/registration/catalogue';
import type { Problem } from '../../core/registration/completion';
import { newQuestion, type QuestionDraft, type VisitDraft } from '../../core/registration/draft';
import { ChoiceGroup } from '../ChoiceGroup';
import type { CatalogueView } from '../hooks';
import { Icon } from '../Icon';
import { ErrorSummary } from './ErrorSummary';
import { NoteField } from './NoteField';
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
  const firstDomain = offeredOptions(base, custom, 'domains')[0]?.id ?? null;

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
      <ErrorSummary problems={problems} />

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

const NO_PARTNERS: readonly Partner[] = [];
