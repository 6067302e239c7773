// "Instellingen": the branch's answer lists (hide national options, add local ones) and
// this device's link to the server, with re-linking when the server refuses its code.

import './settings.css';
import { useState } from 'preact/hooks';
import {
  addLocalOption,
  allOptions,
  catalogueVersion,
  hideOption,
  LIST_NAMES,
  type ListName,
  offeredOptions,
  optionKey,
  showOption,
} from '../../core/registration/catalogue';
import { Enrolment } from '../../core/upload/enrolment';
import { Field } from '../Field';
import { type CatalogueView, useCatalogue, useServices } from '../hooks';
import { useChangeCustomisation, useRelink } from './hooks';
import { text } from './text';

export function SettingsScreen() {
  const catalogue = useCatalogue();
  if (!catalogue) return null;
  return (
    <section class="screen settings">
      <h1>{text.settings.title}</h1>
      <Lists catalogue={catalogue} />
      <DevicePanel />
    </section>
  );
}

function Lists({ catalogue }: { catalogue: CatalogueView }) {
  const { base, custom } = catalogue;
  return (
    <section class="panel" aria-labelledby="lists-title">
      <h2 id="lists-title">{text.settings.listsTitle}</h2>
      <p>{text.settings.listsIntro}</p>
      {LIST_NAMES.map((list) => (
        <ListEditor key={list} list={list} catalogue={catalogue} />
      ))}
      <p class="hint">{text.settings.version(catalogueVersion(base, custom))}</p>
    </section>
  );
}

function ListEditor({ list, catalogue }: { list: ListName; catalogue: CatalogueView }) {
  const { newId } = useServices();
  const changeCustomisation = useChangeCustomisation();
  const { base, custom } = catalogue;
  const [label, setLabel] = useState('');
  const [domain, setDomain] = useState(offeredOptions(base, custom, 'domains')[0]?.id ?? 'overig');
  const [message, setMessage] = useState('');
  const options = allOptions(base, custom, list).filter((option) => !option.retired);
  const hidden = new Set(custom.hidden);
  const name = text.settings.lists[list];

  function toggle(id: string, shown: boolean) {
    void changeCustomisation((current) =>
      shown ? showOption(current, list, id) : hideOption(current, list, id),
    );
  }

  function add(event: Event) {
    event.preventDefault();
    const trimmed = label.trim();
    if (!trimmed) {
      setMessage(text.settings.addEmpty);
      return;
    }
    const suffix = newId().slice(0, 6);
    void changeCustomisation((current) =>
      addLocalOption(
        current,
        list,
        trimmed.slice(0, 80),
        suffix,
        list === 'topics' ? domain : undefined,
      ),
    );
    setLabel('');
    setMessage(text.settings.added(trimmed));
  }

  return (
    <details class="list-editor">
      <summary>
        {name}{' '}
        <span class="muted">
          ({options.filter((o) => !hidden.has(optionKey(list, o.id))).length})
        </span>
      </summary>
      <ul class="option-list">
        {options.map((option) => {
          const shown = !hidden.has(optionKey(list, option.id));
          const id = `opt-${list}-${option.id}`;
          return (
            <li key={option.id}>
              <input
                type="checkbox"
                id={id}
                checked={shown}
                onChange={(event) =>
                  toggle(option.id, (event.currentTarget as HTMLInputElement).checked)
                }
              />
              <label for={id}>
                {option.label}
                {option.id.startsWith('lokaal-') ? (
                  <span class="muted"> ({text.settings.local})</span>
                ) : null}
              </label>
            </li>
          );
        })}
      </ul>
      <form class="add-option" onSubmit={add}>
        <Field
          id={`add-${list}`}
          label={text.settings.addLabel(name)}
          value={label}
          onInput={setLabel}
          maxLength={80}
        />
        {list === 'topics' ? (
          <div class="field">
            <label class="label" for="add-topic-domain">
              {text.settings.addDomain}
            </label>
            <select
              id="add-topic-domain"
              class="input"
              value={domain}
              onChange={(event) => setDomain((event.currentTarget as HTMLSelectElement).value)}
            >
              {offeredOptions(base, custom, 'domains').map((option) => (
                <option key={option.id} value={option.id}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" class="button">
          {text.settings.addButton}
        </button>
        <p role="status" class="form-message">
          {message}
        </p>
      </form>
    </details>
  );
}

function DevicePanel() {
  const { device } = useServices();
  const relinkDevice = useRelink();
  const [endpoint, setEndpoint] = useState(device.endpoint);
  const [token, setToken] = useState('');
  const [problems, setProblems] = useState<{ endpoint?: string; token?: string }>({});

  async function relink(event: Event) {
    event.preventDefault();
    const parsed = Enrolment.safeParse({ location: device.location, endpoint, token });
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((issue) => issue.path[0]));
      setProblems({
        ...(fields.has('endpoint') ? { endpoint: text.firstRun.invalid.endpoint } : {}),
        ...(fields.has('token') ? { token: text.firstRun.invalid.token } : {}),
      });
      return;
    }
    await relinkDevice({ ...device, endpoint: parsed.data.endpoint, token: parsed.data.token });
    // Start afresh with the new code, on the screen that shows the records going out.
    location.assign('/versturen');
  }

  return (
    <section class="panel" aria-labelledby="device-title" id="koppelen">
      <h2 id="device-title">{text.settings.deviceTitle}</h2>
      <dl class="device-facts">
        <dt>{text.settings.location}</dt>
        <dd>{device.location}</dd>
        <dt>{text.settings.endpoint}</dt>
        <dd>{device.endpoint}</dd>
        <dt>{text.settings.deviceId}</dt>
        <dd>{device.deviceId}</dd>
      </dl>
      <details>
        <summary>{text.settings.relink}</summary>
        <p class="hint">{text.settings.relinkHint}</p>
        <form onSubmit={(event) => void relink(event)} noValidate>
          <Field
            id="relink-endpoint"
            label={text.firstRun.endpoint}
            value={endpoint}
            onInput={setEndpoint}
            error={problems.endpoint}
            url
          />
          <Field
            id="relink-token"
            label={text.firstRun.token}
            value={token}
            onInput={setToken}
            error={problems.token}
            autoComplete="off"
          />
          <button type="submit" class="button button-primary">
            {text.settings.relink}
          </button>
        </form>
      </details>
    </section>
  );
}
