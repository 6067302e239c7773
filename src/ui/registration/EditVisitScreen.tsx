// Changing or deleting a saved visit, opened from "Vandaag". Before upload a change simply
// replaces the record; after upload it becomes a new revision (see src/data/writes.ts).

import './registration.css';
import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { catalogueVersion } from '../../core/registration/catalogue';
import {
  completeDraft,
  draftFromVisit,
  type Problem,
  type VisitDraft,
} from '../../core/registration/draft';
import { forgetSetting, readSetting, saveSetting } from '../../data/device';
import { readVisit } from '../../data/queries';
import { deleteVisit, editVisit } from '../../data/writes';
import { type CatalogueView, useCatalogue, useServices } from '../hooks';
import { text } from './text';
import { VisitForm } from './VisitForm';

const EDIT_DRAFT_KEY = 'edit-draft';

export function EditVisitScreen() {
  const catalogue = useCatalogue();
  const { params } = useRoute();
  const id = params.id ?? '';
  return catalogue ? <EditVisit key={id} id={id} catalogue={catalogue} /> : null;
}

function EditVisit({ id, catalogue }: { id: string; catalogue: CatalogueView }) {
  const { db, device, wake, now } = useServices();
  const { route } = useLocation();
  const [draft, setDraft] = useState<VisitDraft | null | 'gone'>(null);
  const [sent, setSent] = useState(false);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [saving, setSaving] = useState(false);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    void (async () => {
      const visit = await readVisit(db, id);
      if (!visit) {
        setDraft('gone');
        return;
      }
      setSent(visit.mark === 'sent');
      // An unfinished change to this same visit comes back; any other starts from the record.
      const stored = await readSetting<VisitDraft>(EDIT_DRAFT_KEY);
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
    void saveSetting(EDIT_DRAFT_KEY, next);
  }

  async function save() {
    if (draft === null || draft === 'gone' || saving) return;
    const completion = completeDraft(draft, {
      catalogueVersion: catalogueVersion(catalogue.base, catalogue.custom),
      location: device.location,
    });
    if (!completion.ok) {
      setProblems(completion.problems);
      return;
    }
    setSaving(true);
    await editVisit(db, { id, content: completion.content, partners: completion.partners }, now());
    await forgetSetting(EDIT_DRAFT_KEY);
    wake('save');
    route(`/vandaag?gewijzigd=${id}`);
  }

  async function remove() {
    await deleteVisit(db, id, now());
    await forgetSetting(EDIT_DRAFT_KEY);
    wake('save');
    route('/vandaag?verwijderd=1');
  }

  return (
    <section class="screen register">
      <p>
        <a href="/vandaag">← {text.register.back}</a>
      </p>
      <h1>{text.register.editTitle}</h1>
      {sent ? <p class="notice">{text.today.editAfterSent}</p> : null}
      <VisitForm
        draft={draft}
        catalogue={catalogue}
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
