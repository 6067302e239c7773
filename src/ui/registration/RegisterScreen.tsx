// "Registreren": a new visit. The draft is kept on the device as it is filled in, so a
// reload, a crash or another screen loses nothing; "Opslaan" saves it for real, once,
// and offers a few seconds to undo.

import './registration.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { dayOf, hourOf } from '../../core/day';
import { offeredOptions } from '../../core/registration/catalogue';
import type { Problem } from '../../core/registration/completion';
import { isPristine, newDraft, type VisitDraft } from '../../core/registration/draft';
import { applyPick, pickFromDraft } from '../../core/registration/quick-picks';
import { type CatalogueView, useCatalogue, useNow, useServices } from '../hooks';
import { Icon } from '../Icon';
import { Toast } from '../Toast';
import {
  useCompleteDraft,
  useFavourites,
  usePartnerSuggestions,
  useRecentPicks,
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
  const [draft, setDraftState] = useState<VisitDraft | null>(null);
  // The draft as of the last change, ahead of the render: a tap right after a save (before
  // the fresh form is drawn) already applies to the fresh draft.
  const latest = useRef<VisitDraft | null>(null);
  const setDraft = (next: VisitDraft) => {
    latest.current = next;
    setDraftState(next);
  };
  const [restored, setRestored] = useState<'restored' | 'lost' | null>(null);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [saving, setSaving] = useState(false);
  const busy = useRef(false);
  // The confirmation lives in its own small component, so showing it re-renders only itself.
  const toastSlot = useRef<((toast: ToastState | null) => void) | null>(null);
  const setToast = (toast: ToastState | null) => toastSlot.current?.(toast);
  const [failure, setFailure] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLDivElement>(null);
  const favourites = useFavourites() ?? [];
  const recent = useRecentPicks(favourites, 30, RECENT_PICKS) ?? [];
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
    const draft = latest.current;
    if (!draft || busy.current) return;
    // The visit happened now: a form left open since the morning (or restored from yesterday)
    // gets today's day and this hour band, not the moment it was started.
    const completion = complete({ ...draft, day: dayOf(now()), hour: hourOf(now()) });
    if (!completion.ok) {
      // The previous visit's "Opgeslagen" beside what is missing would read as saved.
      setToast(null);
      setProblems(completion.problems);
      return;
    }
    busy.current = true;
    // Saving takes milliseconds; the form shows it is busy only when it takes long.
    const slow = setTimeout(() => setSaving(true), SLOW_SAVE_MS);
    try {
      await actions.saveVisit({
        id: draft.id,
        content: completion.content,
        partners: completion.partners,
      });
      // The visit is kept: confirm at once, then tidy up in the next task (a fresh form,
      // the focus, waking the uploader), so the confirmation never waits for that work.
      // A crash in between restores a draft whose save answers 'exists', as a double tap.
      setToast({ message: text.register.saved, undoId: draft.id });
      latest.current = fresh();
      // Issued now, so it lands before any change to the fresh draft is stored.
      void actions.forgetDraft('new');
      setTimeout(() => {
        setFailure('');
        setProblems([]);
        setRestored(null);
        if (latest.current) setDraft(latest.current);
        done();
        heading.current?.focus();
        window.scrollTo({ top: 0 });
        actions.wake();
      });
    } catch (error) {
      console.error('save failed', error);
      setFailure(text.register.saveFailed);
      done();
    }
    function done() {
      clearTimeout(slow);
      busy.current = false;
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
            if (latest.current) update(applyPick(latest.current, chosen));
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
      <ToastSlot bind={toastSlot} onUndo={(id) => void undo(id)} />
    </section>
  );
}

const SLOW_SAVE_MS = 300;

interface ToastState {
  readonly message: string;
  readonly undoId?: string;
}

function ToastSlot(props: {
  bind: { current: ((toast: ToastState | null) => void) | null };
  onUndo: (id: string) => void;
}) {
  const [toast, setToast] = useState<ToastState | null>(null);
  props.bind.current = setToast;
  return toast ? (
    <Toast
      key={`${toast.message}:${toast.undoId ?? ''}`}
      message={toast.message}
      {...(toast.undoId
        ? { action: text.register.undo, onAction: () => props.onUndo(toast.undoId ?? '') }
        : {})}
      onClose={() => setToast(null)}
    />
  ) : null;
}
