// Signing in as a manager. A wrong try is answered slowly by the endpoint ("Bezig…" shows
// meanwhile), and after ten it is locked for a while (429): both are said in plain Dutch.

import { useState } from 'preact/hooks';
import { Field } from '../Field';
import { type Problem, useManager } from './hooks';
import { ProblemMessage } from './ProblemMessage';
import { text } from './text';

export function SignInForm() {
  const { signIn, expired } = useManager();
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [empty, setEmpty] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setEmpty(!user.trim() || !password);
    if (!user.trim() || !password || busy) return;
    setBusy(true);
    setProblem(null);
    const refused = await signIn(user.trim(), password);
    setBusy(false);
    setProblem(refused);
    if (refused) setPassword('');
  }

  return (
    <section class="panel beheer-signin" aria-labelledby="signin-title">
      <h1 id="signin-title">{text.signIn.title}</h1>
      {expired ? (
        <p class="notice notice-warning">{text.signIn.expired}</p>
      ) : (
        <p>{text.signIn.intro}</p>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field
          id="signin-user"
          label={text.signIn.user}
          value={user}
          onInput={setUser}
          autoComplete="username"
        />
        <div class="field">
          <label class="label" for="signin-password">
            {text.signIn.password}
          </label>
          <input
            id="signin-password"
            class="input"
            type="password"
            autoComplete="current-password"
            value={password}
            onInput={(event) => setPassword((event.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <button type="submit" class="button button-primary" disabled={busy} aria-busy={busy}>
          {busy ? text.busy : text.signIn.submit}
        </button>
        <p role="status" class="form-message">
          {busy ? text.busy : empty ? text.signIn.empty : ''}
        </p>
        <ProblemMessage problem={problem} />
        {problem?.kind === 'refused' || problem?.status === 401 ? (
          <p class="hint">{text.signIn.slow}</p>
        ) : null}
      </form>
    </section>
  );
}
