// Beheer's overview: who is signed in, the screens to go to, the screen lock and the password.

import { useManager } from './hooks';
import { PasswordPanel } from './PasswordPanel';
import { ScreenLockPanel } from './ScreenLockPanel';
import { text } from './text';

const SECTIONS = [
  { href: '/beheer/overzicht', label: text.home.report, hint: text.home.reportHint },
  { href: '/beheer/locaties', label: text.home.locations, hint: text.home.locationsHint },
  { href: '/beheer/koppelen', label: text.home.koppel, hint: text.home.koppelHint },
  { href: '/beheer/apparaten', label: text.home.devices, hint: text.home.devicesHint },
  { href: '/beheer/keuzelijsten', label: text.home.lists, hint: text.home.listsHint },
  { href: '/beheer/logboek', label: text.home.audit, hint: text.home.auditHint },
] as const;

export function HomeScreen() {
  const { session, signOut } = useManager();
  return (
    <section class="screen">
      <h1>{text.title}</h1>
      <div class="beheer-who">
        <p>{session ? text.home.signedInAs(session.user, session.organisation.name) : ''}</p>
        <button type="button" class="button button-small" onClick={() => void signOut()}>
          {text.home.signOut}
        </button>
      </div>
      <nav aria-labelledby="beheer-sections">
        <h2 id="beheer-sections">{text.home.sections}</h2>
        <ul class="beheer-sections">
          {SECTIONS.map((section) => (
            <li key={section.href}>
              <a href={section.href} class="beheer-section">
                <strong>{section.label}</strong>
                <span class="muted">{section.hint}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ScreenLockPanel />
      <PasswordPanel />
    </section>
  );
}
