// Beheer, loaded only when a manager opens it: checks the session, shows the sign-in form
// when there is none, and the screen for the path. When a session ends under an open screen
// the screen stays mounted (hidden) behind the sign-in form, so nothing typed is lost.
// Without internet only the Overzicht shows (its kept copy); every other screen waits.

import './beheer.css';
import type { ComponentType } from 'preact';
import { useLocation } from 'preact-iso';
import { useOnline } from '../hooks';
import { NotFound } from '../NotFound';
import { AuditScreen } from './AuditScreen';
import { DevicesScreen } from './DevicesScreen';
import { HomeScreen } from './HomeScreen';
import { ManagerProvider, useManagerRoot } from './hooks';
import { KoppelScreen } from './KoppelScreen';
import { ListsScreen } from './ListsScreen';
import { LocationsScreen } from './LocationsScreen';
import { ProblemMessage } from './ProblemMessage';
import { ReportScreen } from './ReportScreen';
import { SignInForm } from './SignInForm';
import { text } from './text';

const SCREENS: Record<string, ComponentType> = {
  '/beheer': HomeScreen,
  '/beheer/locaties': LocationsScreen,
  '/beheer/koppelen': KoppelScreen,
  '/beheer/apparaten': DevicesScreen,
  '/beheer/keuzelijsten': ListsScreen,
  '/beheer/logboek': AuditScreen,
  '/beheer/overzicht': ReportScreen,
};
/** Screens that show something kept on the device while the session cannot be checked. */
const READABLE_OFFLINE = new Set<ComponentType>([ReportScreen]);

export function BeheerApp() {
  const root = useManagerRoot();
  const online = useOnline();
  const { path } = useLocation();
  const Screen = SCREENS[path.replace(/\/+$/, '')] ?? NotFound;
  // No internet (or no server): the session is unknown, but a kept report can still be read.
  const readOffline =
    root.session === undefined && root.problem !== null && READABLE_OFFLINE.has(Screen);
  const keepScreen = Boolean(root.session) || root.expired || readOffline;
  return (
    <ManagerProvider value={root}>
      <div class="beheer">
        {online || readOffline ? null : (
          <p class="notice notice-warning" role="status">
            {text.online}
          </p>
        )}
        {root.session === undefined && !readOffline ? (
          <section class="panel">
            <h1>{text.title}</h1>
            {root.problem ? (
              <>
                <ProblemMessage problem={root.problem} />
                <button type="button" class="button" onClick={root.check}>
                  {text.retry}
                </button>
                <p>
                  <a href="/beheer/overzicht">{text.report.readKept}</a>
                </p>
              </>
            ) : (
              <p role="status">{text.checking}</p>
            )}
          </section>
        ) : null}
        {root.session === null ? <SignInForm /> : null}
        {keepScreen ? (
          <div hidden={!root.session && !readOffline}>
            <Screen />
          </div>
        ) : null}
      </div>
    </ManagerProvider>
  );
}
