// "Registreren": a new visit. The draft is kept on the device as it is filled in, so a
// reload, a crash or another screen loses nothing; "Opslaan" saves it for real, once,
// and offers a few seconds to undo.

import './registration.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { dayOf, hourOf } from '../../core/day';
import { offeredOptions } from '../../core/registration/catalogue';
import type { Problem } from '../../core/registration/completion';
import { isPristine, newDraft, type VisitDraft } from '../../core/registration/draft';
import { applyPick, pickFromDraft, recentPicks } from '../../core/registration/quick-picks';
import { type CatalogueView, useCatalogue, useNow, useServices } from '../hooks';
import { Icon } from '../Icon';
import { Toast } from '../Toast';
import {
  useCompleteDraft,
  useFavourites,
  usePartnerSuggestions,
  useRecentVisits,
  useRegistrationActions,
} from './hooks';
import { QuickPicks } from './QuickPicks';
import { text } from './text';
import { VisitForm } from './VisitForm';

const RECENT_PICKS = 4;

export function RegisterScreen() {
  const catalogue = useCatalogue();
  return catalogue ? <Register catalogue={catalogue} /> : null;
}

function Register({ catalogue }: { catalogue: CatalogueView }) {
  const { now, newId } = useServices();
  const actions = useRegistrationActions();
  const complete = useCompleteDraft(catalogue);
  const [draft, setDraft] = useState<VisitDraft | null>(null);
  const [restored, setRestored] = useState<'restored' | 'lost' | null>(null);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [saving, setSaving] = useState(false);
  const [toast, setToast] = useState<{ message: string; undoId?: string } | null>(null);
  const [failure, setFailure] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLDivElement>(null);
  const favourites = useFavourites() ?? [];
  const recentContents = useRecentVisits(30) ?? [];
  const recent = recentPicks(recentContents, favourites, RECENT_PICKS);
  const suggestions = usePartnerSuggestions(
    draft?.questions.flatMap((question) => (question.topic ? [question.topic] : [])) ?? [],
  );
  const clock = useNow(60_000);

  const firstDomain = offeredOptions(catalogue.base, catalogue.custom, 'domains')[0]?.id ?? null;
  const fresh = () => newDraft(newId(), dayOf(now()), hourOf(now()), firstDomain);

  useEffect(() => {
    void actions.readDraft('new').then(({ draft: stored, lost }) => {
      const usable = stored && !stored.editing && !isPristine(stored) ? stored : null;
      setDraft(usable ?? fresh());
      setRestored(usable ? 'restored' : lost ? 'lost' : null);
    });
  }, []);

  if (!draft) return null;

  function update(next: VisitDraft) {
    setDraft(next);
    void actions.saveDraft('new', next);
  }

  function startOver() {
    setRestored(null);
    setProblems([]);
    update(fresh());
    // The notice with this button goes away: keep the keyboard in the form, not at the top.
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('input')?.focus());
  }

  async function save() {
    if (!draft || saving) return;
    // The visit happened now: a form left open since the morning (or restored from yesterday)
    // gets today's day and this hour band, not the moment it was started.
    const completion = complete({ ...draft, day: dayOf(now()), hour: hourOf(now()) });
    if (!completion.ok) {
      setProblems(completion.problems);
      return;
    }
    setSaving(true);
    setFailure('');
    try {
      await actions.saveVisit({
        id: draft.id,
        content: completion.content,
        partners: completion.partners,
      });
      await actions.forgetDraft('new');
      setProblems([]);
      setRestored(null);
      setDraft(fresh());
      setToast({ message: text.register.saved, undoId: draft.id });
      actions.wake();
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
    await actions.deleteVisit(id);
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
          <span>{restored === 'lost' ? text.register.draftLost : text.register.restored}</span>
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
          onRemoveFavourite={(id) => void actions.removeFavourite(id)}
        />
        <div ref={form}>
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
            submitLabel={text.register.save}
            onChange={update}
            onSubmit={() => void save()}
            actions={
              pick ? (
                <button
                  type="button"
                  class="button button-quiet"
                  onClick={() =>
                    void actions
                      .addFavourite(pick)
                      .then(() => setToast({ message: text.register.favouriteSaved }))
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
