// The organisation's answer lists (GET/PUT /api/catalogue). The manager's changes are a draft
// until saved with If-Match; when someone else saved first (412) the newer lists are fetched
// and the draft is put back on top of them, so nothing the manager did is lost.

import { useRef, useState } from 'preact/hooks';
import { LIST_NAMES } from '../../core/registration/catalogue';
import { BackLink } from './BackLink';
import { useAction, useLoad } from './hooks';
import { hasChanges, type ListDraft, NO_DRAFT, rebase, toChange } from './list-draft';
import { OrgListEditor } from './OrgListEditor';
import { ProblemMessage } from './ProblemMessage';
import { text } from './text';

export function ListsScreen() {
  const catalogue = useLoad((api) => api.catalogue());
  const save = useAction();
  const [draft, setDraft] = useState<ListDraft>(NO_DRAFT);
  const [message, setMessage] = useState('');
  const counter = useRef(0);
  const saved = catalogue.value;

  async function submit() {
    if (!saved) return;
    setMessage('');
    const result = await save.run((api) =>
      api.putCatalogue(saved.revision, toChange(saved, draft)),
    );
    if (result.ok) {
      catalogue.set(result.value);
      setDraft(NO_DRAFT);
      return setMessage(text.lists.saved(result.value.revision));
    }
    if (result.problem.kind !== 'stale') return;
    const newer = await catalogue.reload();
    if (!newer.ok) return;
    setDraft(rebase(newer.value, draft));
    save.setProblem(null);
    setMessage(text.lists.stale);
  }

  return (
    <section class="screen">
      <BackLink />
      <h1>{text.lists.title}</h1>
      <p>{text.lists.intro}</p>
      <ProblemMessage problem={catalogue.problem} />
      {saved ? (
        <section class="panel" aria-label={text.lists.title}>
          {LIST_NAMES.map((list) => (
            <OrgListEditor
              key={list}
              list={list}
              saved={saved}
              draft={draft}
              onDraft={setDraft}
              newKey={() => `new-${++counter.current}`}
            />
          ))}
          <p class="hint">{text.lists.revision(saved.revision)}</p>
          <div class="form-actions">
            {hasChanges(draft) ? <p class="notice">{text.lists.unsaved}</p> : null}
            <button
              type="button"
              class="button button-primary"
              disabled={save.busy || !hasChanges(draft)}
              onClick={() => void submit()}
            >
              {save.busy ? text.busy : text.lists.save}
            </button>
            <p role="status" class="form-message">
              {message}
            </p>
            <ProblemMessage problem={save.problem} />
          </div>
        </section>
      ) : null}
    </section>
  );
}
