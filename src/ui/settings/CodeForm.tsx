// The code form of linking, for the first run and for linking again: the koppelcode (or a long
// code pasted there), another server address if need be, and the long code for ICT-beheer.

import './settings.css';
import { useEffect, useState } from 'preact/hooks';
import { Endpoint } from '../../core/upload/enrolment';
import { koppelcodeMistake, readCode } from '../../core/upload/koppelcode';
import { Field } from '../Field';
import type { LinkRequest, LinkResult } from './hooks';
import { text } from './text';

export interface CodeFormProps {
  readonly endpoint: string;
  readonly submitLabel: string;
  readonly link: (request: LinkRequest) => Promise<LinkResult>;
  /** A koppelcode from a QR link: linked at once. */
  readonly autoCode?: string | undefined;
  /** A long code from a koppellink (#koppel=…): linked at once too, shown in its form. */
  readonly token?: string | undefined;
}

export function CodeForm(props: CodeFormProps) {
  const [code, setCode] = useState(props.autoCode ?? '');
  const [endpoint, setEndpoint] = useState(props.endpoint);
  const [token, setToken] = useState(props.token ?? '');
  const [problem, setProblem] = useState<{ field: 'code' | 'token' | 'endpoint'; text: string }>();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  async function run(request: LinkRequest, field: 'code' | 'token') {
    if (!Endpoint.safeParse(request.endpoint).success) {
      setProblem({ field: 'endpoint', text: text.link.invalid.endpoint });
      return;
    }
    setProblem(undefined);
    if (!navigator.onLine) {
      setMessage(text.link.offline);
      return;
    }
    setBusy(true);
    setMessage(text.link.checking);
    const result = await props.link(request);
    setBusy(false);
    if (result.status === 'linked') {
      setMessage(text.link.linked);
      return;
    }
    setMessage('');
    const why =
      result.status === 'refused'
        ? text.link.refused[result.why]
        : result.status === 'wait'
          ? text.link.wait
          : navigator.onLine
            ? text.link.unreachable
            : text.link.offline;
    setProblem({ field, text: why });
  }

  function submitCode(event?: Event, typed = code) {
    event?.preventDefault();
    const read = readCode(typed);
    if (!read) {
      const mistake = koppelcodeMistake(typed);
      const why =
        mistake.kind === 'empty'
          ? text.link.invalid.empty
          : mistake.kind === 'not-a-code'
            ? text.link.invalid.notACode
            : mistake.kind === 'characters'
              ? text.link.invalid.characters(mistake.characters)
              : text.link.invalid.code(mistake.length);
      setProblem({ field: 'code', text: why });
      return;
    }
    void run({ endpoint: endpoint.trim(), ...read }, 'code');
  }

  function submitToken(event?: Event, typed = token) {
    event?.preventDefault();
    const read = readCode(typed);
    if (read?.kind !== 'token') {
      setProblem({ field: 'token', text: text.link.invalid.token });
      return;
    }
    void run({ endpoint: endpoint.trim(), ...read }, 'token');
  }

  // A link links at once: no typing at all.
  useEffect(() => {
    if (props.autoCode) {
      setCode(props.autoCode);
      submitCode(undefined, props.autoCode);
    } else if (props.token) {
      submitToken(undefined, props.token);
    }
  }, [props.autoCode, props.token]);

  const error = (field: 'code' | 'token' | 'endpoint') =>
    problem?.field === field ? problem.text : undefined;

  return (
    <div class="code-form">
      <form onSubmit={(event) => submitCode(event)} noValidate>
        <Field
          id="koppelcode"
          label={text.link.code}
          hint={text.link.codeHint}
          error={error('code')}
          value={code}
          onInput={setCode}
          autoComplete="off"
          maxLength={220}
        />
        <details class="more" open={Boolean(error('endpoint')) || endpoint !== props.endpoint}>
          <summary>{text.link.otherEndpoint}</summary>
          <Field
            id="endpoint"
            label={text.link.endpoint}
            hint={text.link.endpointHint}
            error={error('endpoint')}
            value={endpoint}
            onInput={setEndpoint}
            url
          />
        </details>
        <button type="submit" class="button button-primary button-wide" disabled={busy}>
          {props.submitLabel}
        </button>
        <p role="status" class="form-message">
          {message}
        </p>
      </form>
      <details class="more" open={Boolean(props.token)}>
        <summary>{text.link.longTitle}</summary>
        <form onSubmit={(event) => submitToken(event)} noValidate>
          <Field
            id="long-code"
            label={text.link.longCode}
            hint={text.link.longHint}
            error={error('token')}
            value={token}
            onInput={setToken}
            autoComplete="off"
          />
          <button type="submit" class="button" disabled={busy}>
            {text.link.longSubmit}
          </button>
        </form>
      </details>
    </div>
  );
}
