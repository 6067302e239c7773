// Making a koppelcode: pick an open location and a role, get a single-use code valid for
// 24 hours, shown large (readable across the desk) and as a QR code of the link, with what
// the new device must do.

import { useEffect, useRef, useState } from 'preact/hooks';
import { QrCode } from '../partners/QrCode';
import { BackLink } from './BackLink';
import { type Koppelcode, ROLES, type Role, useAction, useLoad } from './hooks';
import { ProblemMessage } from './ProblemMessage';
import { text } from './text';
import { formatUntil } from './until';

export function KoppelScreen() {
  const locations = useLoad((api) => api.locations());
  const make = useAction();
  const open = (locations.value ?? []).filter((location) => location.active);
  const [locationId, setLocationId] = useState('');
  const [role, setRole] = useState<Role>('desk');
  const [label, setLabel] = useState('');
  const [made, setMade] = useState<(Koppelcode & { location: string }) | null>(null);

  // The first open location until the manager picks another (or the picked one closed).
  const chosen = open.some((location) => location.id === locationId)
    ? locationId
    : (open[0]?.id ?? '');

  async function submit(event: Event) {
    event.preventDefault();
    const location = open.find((each) => each.id === chosen);
    if (!location) return;
    const result = await make.run((api) => api.createKoppelcode(location.id, role, label.trim()));
    if (result.ok) setMade({ ...result.value, location: location.name });
  }

  if (made) return <MadeCode made={made} onAnother={() => setMade(null)} />;
  return (
    <section class="screen">
      <BackLink />
      <h1>{text.koppel.title}</h1>
      <p>{text.koppel.intro}</p>
      <ProblemMessage problem={locations.problem} />
      {locations.value && open.length === 0 ? (
        <p class="notice">
          {text.koppel.noLocations} <a href="/beheer/locaties">{text.home.locations}</a>
        </p>
      ) : null}
      <form class="panel beheer-form" onSubmit={(event) => void submit(event)} noValidate>
        <div class="field">
          <label class="label" for="koppel-location">
            {text.koppel.location}
          </label>
          <select
            id="koppel-location"
            class="input"
            value={chosen}
            onChange={(event) => setLocationId((event.currentTarget as HTMLSelectElement).value)}
          >
            {open.map((location) => (
              <option key={location.id} value={location.id}>
                {location.name} ({location.gemeente})
              </option>
            ))}
          </select>
        </div>
        <fieldset class="beheer-choice">
          <legend class="legend">{text.koppel.role}</legend>
          {ROLES.map((each) => (
            <label key={each}>
              <input
                type="radio"
                name="koppel-role"
                checked={role === each}
                onChange={() => setRole(each)}
              />
              {text.koppel.roles[each]}
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label class="label" for="koppel-label">
            {text.koppel.label}
          </label>
          <p class="hint" id="koppel-label-hint">
            {text.koppel.labelHint}
          </p>
          <input
            id="koppel-label"
            class="input"
            maxLength={80}
            aria-describedby="koppel-label-hint"
            value={label}
            onInput={(event) => setLabel((event.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <button type="submit" class="button button-primary" disabled={make.busy || !chosen}>
          {make.busy ? text.busy : text.koppel.submit}
        </button>
        <ProblemMessage problem={make.problem} />
      </form>
    </section>
  );
}

function MadeCode({
  made,
  onAnother,
}: {
  made: Koppelcode & { location: string };
  onAnother: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="screen">
      <BackLink />
      <h1>{text.koppel.title}</h1>
      <div class="panel beheer-code-panel">
        <p>{text.koppel.for(made.location)}</p>
        {/* Focus moves here when the code appears, so a screen reader reads it next. */}
        <h2 class="label" tabIndex={-1} ref={heading}>
          {text.koppel.code}
        </h2>
        <p class="beheer-code" data-testid="koppelcode">
          {made.code}
        </p>
        <p>{text.koppel.until(formatUntil(Date.parse(made.expiresAt), Date.now()))}</p>
        <QrCode value={made.link} label={text.koppel.qr(made.code)} size={220} />
      </div>
      <section class="panel" aria-labelledby="steps-title">
        <h2 id="steps-title">{text.koppel.steps}</h2>
        <ol>
          <li>{text.koppel.step1}</li>
          <li>{text.koppel.step2}</li>
          <li>{text.koppel.step3}</li>
        </ol>
      </section>
      <button type="button" class="button" onClick={onAnother}>
        {text.koppel.another}
      </button>
    </section>
  );
}
