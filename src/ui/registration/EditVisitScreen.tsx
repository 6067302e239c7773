// Changing or deleting a saved visit, opened from "Vandaag". Before upload a change simply
// replaces the record; after upload it becomes a new revision (see src/data/writes.ts).

import './registration.css';
import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import type { Problem } from '../../core/registration/completion';
import { draftFromVisit, type VisitDraft } from '../../core/registration/draft';
import { type CatalogueView, useCatalogue, useNow } from '../hooks';
import { useCompleteDraft, usePartnerSuggestions, useRegistrationActions } from './hooks';
import { text } from './text';
import { VisitForm } from './VisitForm';
import { useVisitActions } from './visit-hooks';

export function EditVisitScreen() {
  const catalogue = useCatalogue();
  const { params } = useRoute();
  const id = params.id ?? '';
  return catalogue ? <EditVisit key={id} id={id} catalogue={catalogue} /> : null;
}

function EditVisit({ id, catalogue }: { id: string; catalogue: CatalogueView }) {
  const actions = useRegistrationActions();
  const visits = useVisitActions();
  const complete = useCompleteDraft(catalogue);
  const { route } = useLocation();
  const [draft, setDraft] = useState<VisitDraft | null | 'gone'>(null);
  const [sent, setSent] = useState(false);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState('');
  const [confirming, setConfirming] = useState(false);
  const clock = useNow(60_000);
  const suggestions = usePartnerSuggestions(
    draft && draft !== 'gone'
      ? draft.questions.flatMap((question) => (question.topic ? [question.topic] : []))
      : [],
  );

  useEffect(() => {
    void (async () => {
      const visit = await visits.readVisit(id);
      if (!visit) {
        setDraft('gone');
        return;
      }
      setSent(visit.mark === 'sent');
      // An unfinished change to this same visit comes back; any other starts from the record.
      const { draft: stored } = await actions.readDraft('edit');
      setDraft(stored?.id === id ? stored : draftFromVisit(id, visit.content, visit.partners));
    })();
  }, [id]);

  if (draft === null) return null;
  if (draft === 'gone') {
    return (
      <section class="screen">
        <h1>{text.register.editTitle}</h1>
        <p>{text.register.gone}</p>
        <a href="/vandaag">{text.register.back}</a>
      </section>
    );
  }

  function update(next: VisitDraft) {
    setDraft(next);
    void actions.saveDraft('edit', next);
  }

  async function save() {
    if (draft === null || draft === 'gone' || saving) return;
    const completion = complete(draft);
    if (!completion.ok) {
      setProblems(completion.problems);
      return;
    }
    setSaving(true);
    setFailure('');
    try {
      const input = { id, content: completion.content, partners: completion.partners };
      if ((await visits.editVisit(input)) === 'missing') {
        setDraft('gone');
        return;
      }
      await actions.forgetDraft('edit');
      actions.wake();
      route(`/vandaag?gewijzigd=${id}`);
    } catch (error) {
      // The change is still in the form and in the kept draft: nothing is lost by trying again.
      console.error('edit failed', error);
      setFailure(text.register.saveFailed);
    } finally {
      setSaving(false);
    }
  }

  async function remove() {
    setFailure('');
    try {
      await visits.deleteVisit(id);
      await actions.forgetDraft('edit');
      actions.wake();
      route('/vandaag?verwijderd=1');
    } catch (error) {
      console.error('delete failed', error);
      setConfirming(false);
      setFailure(text.register.deleteFailed);
    }
  }

  return (
    <section class="screen register">
      <p>
        <a href="/vandaag">← {text.register.back}</a>
      </p>
      <h1>{text.register.editTitle}</h1>
      {sent ? <p class="notice">{text.today.editAfterSent}</p> : null}
      {failure ? (
        <p class="error" role="alert">
          {failure}
        </p>
      ) : null}
      <VisitForm
        draft={draft}
        catalogue={catalogue}
        suggestions={suggestions}
        now={clock}
        problems={problems}
        saving={saving}
        submitLabel={text.register.saveChanges}
        onChange={update}
        onSubmit={() => void save()}
        actions={
          confirming ? (
            <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
              <p id="confirm-text">{text.register.confirmDelete}</p>
              <button type="button" class="button button-danger" onClick={() => void remove()}>
                {text.register.confirmDeleteYes}
              </button>
              <button type="button" class="button" onClick={() => setConfirming(false)}>
                {text.register.cancel}
              </button>
            </div>
          ) : (
            <button type="button" class="button button-danger" onClick={() => setConfirming(true)}>
              {text.register.delete}
            </button>
          )
        }
      />
    </section>
  );
}
