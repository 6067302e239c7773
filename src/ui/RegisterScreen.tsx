// The registration screen: one visit with its questions, saved as a draft while it is
// filled in, and saved for real with "Opslaan" (with a few seconds to undo).

import { useEffect, useRef, useState } from 'preact/hooks';
import {
  catalogueVersion,
  DEFAULT_CATALOGUE,
  NO_CUSTOMISATION,
  offeredOptions,
  offeredTopics,
} from '../core/catalogue';
import { dayOf, hourOf } from '../core/day';
import { completeDraft, isPristine, newDraft, type Problem, type VisitDraft } from '../core/draft';
import { forgetSetting, readSetting, saveSetting } from '../data/device';
import { deleteVisit, saveVisit } from '../data/writes';
import { ChoiceGroup } from './ChoiceGroup';
import { useServices } from './hooks';
import { Toast } from './Toast';
import { text } from './text';

const DRAFT_KEY = 'draft';
const base = DEFAULT_CATALOGUE;
const custom = NO_CUSTOMISATION;

export function RegisterScreen() {
  const { db, device, wake, now, newId } = useServices();
  const [draft, setDraft] = useState<VisitDraft | null>(null);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{ id: string } | null>(null);
  const [failure, setFailure] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  const fresh = () => newDraft(newId(), dayOf(now()), hourOf(now()));

  useEffect(() => {
    void readSetting<VisitDraft>(DRAFT_KEY).then((stored) => setDraft(stored ?? fresh()));
  }, []);

  function update(next: VisitDraft) {
    setDraft(next);
    void saveSetting(DRAFT_KEY, next);
  }

  if (!draft) return null;

  const question = draft.questions[0];
  const problemText = (field: Problem['field']) =>
    problems.some((p) => p.field === field)
      ? (text.register.missing as Record<string, string>)[field]
      : undefined;

  async function save(event: Event) {
    event.preventDefault();
    if (!draft || saving) return;
    const completion = completeDraft(draft, {
      catalogueVersion: catalogueVersion(base, custom),
      location: device.location,
    });
    if (!completion.ok) {
      setProblems(completion.problems);
      return;
    }
    setSaving(true);
    setFailure('');
    try {
      await saveVisit(
        db,
        { id: draft.id, content: completion.content, partners: completion.partners },
        now(),
      );
      await forgetSetting(DRAFT_KEY);
      setProblems([]);
      setDraft(fresh());
      setSaved({ id: draft.id });
      wake('save');
      heading.current?.focus();
    } catch (error) {
      console.error('save failed', error);
      setFailure(text.register.saveFailed);
    } finally {
      setSaving(false);
    }
  }

  async function undo() {
    if (!saved) return;
    await deleteVisit(db, saved.id, now());
    setSaved(null);
  }

  return (
    <section class="screen register">
      <h1 ref={heading} tabIndex={-1}>
        {text.register.title}
      </h1>
      <form onSubmit={save} noValidate>
        <ChoiceGroup
          name="channel"
          legend={text.register.channel}
          options={offeredOptions(base, custom, 'channels')}
          value={draft.channel}
          onChange={(channel) => update({ ...draft, channel })}
          error={problemText('channel')}
        />
        {question ? (
          <div class="question-card">
            <ChoiceGroup
              name="domain-0"
              legend={text.register.domain}
              options={offeredOptions(base, custom, 'domains')}
              value={question.domain}
              onChange={(domain) =>
                update({ ...draft, questions: [{ ...question, domain, topic: null }] })
              }
              error={problemText('domain')}
            />
            {question.domain ? (
              <ChoiceGroup
                name="topic-0"
                legend={text.register.topic}
                options={offeredTopics(base, custom, question.domain)}
                value={question.topic}
                onChange={(topic) => update({ ...draft, questions: [{ ...question, topic }] })}
                error={problemText('topic')}
              />
            ) : null}
          </div>
        ) : null}
        <ChoiceGroup
          name="duration"
          legend={text.register.duration}
          options={offeredOptions(base, custom, 'durations')}
          value={draft.duration}
          onChange={(duration) => update({ ...draft, duration })}
          error={problemText('duration')}
        />
        {failure ? (
          <p class="error" role="alert">
            {failure}
          </p>
        ) : null}
        <div class="form-actions">
          <button type="submit" class="button button-primary button-wide" disabled={saving}>
            {saving ? text.register.saving : text.register.save}
          </button>
        </div>
      </form>
      {saved ? (
        <Toast
          key={saved.id}
          message={text.register.saved}
          action={text.register.undo}
          onAction={undo}
          onClose={() => setSaved(null)}
        />
      ) : null}
      {isPristine(draft) ? null : <span class="visually-hidden">Concept bewaard</span>}
    </section>
  );
}
