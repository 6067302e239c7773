// The app shell: first run until the device is linked, then the screens with their
// status bar and navigation.

import { useEffect, useMemo, useState } from 'preact/hooks';
import { LocationProvider, Route, Router } from 'preact-iso';
import type { Device } from '../core/enrolment';
import type { BalieDb } from '../data/db';
import { readDevice } from '../data/device';
import type { SyncLink } from '../sync-link';
import { EditVisitScreen } from './EditVisitScreen';
import { FirstRun } from './FirstRun';
import { type AppServices, Services } from './hooks';
import { NavBar } from './NavBar';
import { NotFound } from './NotFound';
import { RegisterScreen } from './RegisterScreen';
import { SettingsScreen } from './SettingsScreen';
import { StatusBar } from './StatusBar';
import { SyncScreen } from './SyncScreen';
import { TodayScreen } from './TodayScreen';

export function App({ db, sync }: { db: BalieDb; sync: SyncLink }) {
  const [device, setDevice] = useState<Device | null | undefined>(undefined);
  const [updateReady, setUpdateReady] = useState(false);

  useEffect(() => {
    void readDevice().then((found) => setDevice(found ?? null));
    sync.onUpdate(() => setUpdateReady(true));
  }, [sync]);

  useEffect(() => {
    if (device) sync.wake('start');
  }, [device, sync]);

  const services = useMemo<AppServices | null>(
    () =>
      device
        ? {
            db,
            device,
            wake: sync.wake,
            now: Date.now,
            newId: () => crypto.randomUUID(),
          }
        : null,
    [db, device, sync],
  );

  if (device === undefined) return null;
  if (!services) return <FirstRun onLinked={setDevice} />;

  return (
    <Services.Provider value={services}>
      <LocationProvider>
        <div class="shell">
          <StatusBar updateReady={updateReady} onUpdate={sync.applyUpdate} />
          <NavBar />
          <main id="main" class="main">
            <Router>
              <Route path="/" component={RegisterScreen} />
              <Route path="/vandaag" component={TodayScreen} />
              <Route path="/vandaag/:id" component={EditVisitScreen} />
              <Route path="/instellingen" component={SettingsScreen} />
              <Route path="/versturen" component={SyncScreen} />
              <Route default component={NotFound} />
            </Router>
          </main>
        </div>
      </LocationProvider>
    </Services.Provider>
  );
}
