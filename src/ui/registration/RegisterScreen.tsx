// "Registreren": a new visit. The draft is kept on the device as it is filled in, so a
// reload, a crash or another screen loses nothing; "Opslaan" saves it for real, once,
// and offers a few seconds to undo.

import './registration.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { dayOf, hourOf } from '../../core/day';
import { catalogueVersion, offeredOptions } from '../../core/registration/catalogue';
import {
  completeDraft,
  isPristine,
  newDraft,
  type Problem,
  type VisitDraft,
} from '../../core/registration/draft';
import { applyPick, pickFromDraft, recentPicks } from '../../core/registration/quick-picks';
import { forgetSetting, readSetting, saveSetting } from '../../data/device';
import { readFavourites, recentVisits } from '../../data/queries';
import { addFavourite, deleteVisit, removeFavourite, saveVisit } from '../../data/writes';
import { type CatalogueView, useCatalogue, useLiveQuery, useServices } from '../hooks';
import { Icon } from '../Icon';
import { Toast } from '../Toast';
import { QuickPicks } from './QuickPicks';
import { text } from './text';
import { VisitForm } from './VisitForm';

const DRAFT_KEY = 'draft';
const RECENT_PICKS = 4;

export function RegisterScreen() {
  const catalogue = useCatalogue();
  return catalogue ? <Register catalogue={catalogue} /> : null;
}

function Register({ catalogue }: { catalogue: CatalogueView }) {
  const { db, device, wake, now, newId } = useServices();
  const [draft, setDraft] = useState<VisitDraft | null>(null);
  const [restored, setRestored] = useState(false);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [saving, setSaving] = useState(false);
  const [toast, setToast] = useState<{ message: string; undoId?: string } | null>(null);
  const [failure, setFailure] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const favourites = useLiveQuery(() => readFavourites(db), []) ?? [];
  const recent =
    useLiveQuery(
      async () =>
        recentPicks(
          (await recentVisits(db, 30)).map((row) => row.content),
          await readFavourites(db),
          RECENT_PICKS,
        ),
      [],
    ) ?? [];

  const firstDomain = offeredOptions(catalogue.base, catalogue.custom, 'domains')[0]?.id ?? null;
  const fresh = () => newDraft(newId(), dayOf(now()), hourOf(now()), firstDomain);

  useEffect(() => {
    void readSetting<VisitDraft>(DRAFT_KEY).then((stored) => {
      const usable = stored && !stored.editing && !isPristine(stored);
      setDraft(usable ? stored : fresh());
      setRestored(Boolean(usable));
    });
  }, []);

  if (!draft) return null;

  function update(next: VisitDraft) {
    setDraft(next);
    void saveSetting(DRAFT_KEY, next);
  }

  function startOver() {
    setRestored(false);
    setProblems([]);
    update(fresh());
  }

  async function save() {
    if (!draft || saving) return;
    const completion = completeDraft(draft, {
      catalogueVersion: catalogueVersion(catalogue.base, catalogue.custom),
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
      setRestored(false);
      setDraft(fresh());
      setToast({ message: text.register.saved, undoId: draft.id });
      wake('save');
      heading.current?.focus();
      window.scrollTo({ top: 0 });
    } catch (error) {
      console.error('save failed', error);
      setFailure(text.register.saveFailed);
    } finally {
      setSaving(false);
    }
  }

  async function undo(id: string) {
    await deleteVisit(db, id, now());
    setToast({ message: text.register.undone });
  }

  const pick = pickFromDraft(draft);

  return (
    <section class="screen register">
      <h1 ref={heading} tabIndex={-1}>
        {text.register.title}
      </h1>
      {restored ? (
        <div class="notice notice-row" role="status">
          <span>{text.register.restored}</span>
          <button type="button" class="button button-small" onClick={startOver}>
            {text.register.startOver}
          </button>
        </div>
      ) : null}
      <div class="register-layout">
        <QuickPicks
          favourites={favourites}
          recent={recent}
          catalogue={catalogue}
          onPick={(chosen) => {
            setProblems([]);
            update(applyPick(draft, chosen));
          }}
          onRemoveFavourite={(id) => void removeFavourite(db, id)}
        />
        <div>
          {failure ? (
            <p class="error" role="alert">
              {failure}
            </p>
          ) : null}
          <VisitForm
            draft={draft}
            catalogue={catalogue}
            problems={problems}
            saving={saving}
            submitLabel={text.register.save}
            onChange={update}
            onSubmit={() => void save()}
            actions={
              pick ? (
                <button
                  type="button"
                  class="button button-quiet"
                  onClick={() =>
                    void addFavourite(db, pick, newId()).then(() =>
                      setToast({ message: text.register.favouriteSaved }),
                    )
                  }
                >
                  <Icon name="star" /> {text.register.saveFavourite}
                </button>
              ) : null
            }
          />
        </div>
      </div>
      {toast ? (
        <Toast
          key={`${toast.message}:${toast.undoId ?? ''}`}
          message={toast.message}
          {...(toast.undoId
            ? { action: text.register.undo, onAction: () => void undo(toast.undoId ?? '') }
            : {})}
          onClose={() => setToast(null)}
        />
      ) : null}
    </section>
  );
}
