// The app shell: first run until the device is linked, then the screens with their
// status bar and navigation.

import './app.css';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { LocationProvider, lazy, Route, Router } from 'preact-iso';
import {
  type AppServices,
  type BalieDb,
  type MapLink,
  Services,
  type SyncLink,
  useStoredDevice,
} from './hooks';
import { LockGate } from './lock/LockGate';
import { NavBar } from './NavBar';
import { NotFound } from './NotFound';
import { EditVisitScreen } from './registration/EditVisitScreen';
import { RegisterScreen } from './registration/RegisterScreen';
import { TodayScreen } from './registration/TodayScreen';
import { StatusBar } from './StatusBar';
import { DeviceContact } from './settings/DeviceContact';
import { FirstRun } from './settings/FirstRun';
import { SettingsScreen } from './settings/SettingsScreen';
import { SyncScreen } from './sync/SyncScreen';

// The sociale kaart loads on first visit, so its search index, import/export and QR code
// code never weigh on the first page.
const PartnersScreen = lazy(() =>
  import('./partners/PartnersScreen').then((m) => m.PartnersScreen),
);
const PartnerDetailScreen = lazy(() =>
  import('./partners/PartnerDetailScreen').then((m) => m.PartnerDetailScreen),
);
const PartnerFormScreen = lazy(() =>
  import('./partners/PartnerFormScreen').then((m) => m.PartnerFormScreen),
);
const PartnerExchangeScreen = lazy(() =>
  import('./partners/PartnerExchangeScreen').then((m) => m.PartnerExchangeScreen),
);
const ReferralSlipScreen = lazy(() =>
  import('./partners/ReferralSlipScreen').then((m) => m.ReferralSlipScreen),
);

export function App({ db, sync, maps }: { db: BalieDb; sync: SyncLink; maps: MapLink }) {
  const [device, setDevice] = useStoredDevice();
  const [updateReady, setUpdateReady] = useState(false);

  useEffect(() => {
    sync.onUpdate(() => setUpdateReady(true));
  }, [sync]);

  useEffect(() => {
    if (device) sync.wake('start');
  }, [device, sync]);

  // The published sociale kaart: refreshed at start and whenever the connection returns.
  useEffect(() => (device ? maps.watch(device) : undefined), [maps, device]);

  const services = useMemo<AppServices | null>(
    () =>
      device
        ? {
            db,
            device,
            setDevice,
            wake: sync.wake,
            refreshMaps: () => maps.refresh(device),
            now: Date.now,
            newId: () => crypto.randomUUID(),
          }
        : null,
    [db, device, sync, maps],
  );

  if (device === undefined) return null;
  if (!services) return <FirstRun onLinked={setDevice} />;

  return (
    <Services.Provider value={services}>
      <DeviceContact />
      <LockGate>
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
                <Route path="/sociale-kaart" component={PartnersScreen} />
                <Route path="/sociale-kaart/nieuw" component={PartnerFormScreen} />
                <Route path="/sociale-kaart/uitwisselen" component={PartnerExchangeScreen} />
                <Route path="/sociale-kaart/:id" component={PartnerDetailScreen} />
                <Route path="/sociale-kaart/:id/bewerken" component={PartnerFormScreen} />
                <Route path="/sociale-kaart/:id/briefje" component={ReferralSlipScreen} />
                <Route default component={NotFound} />
              </Router>
            </main>
          </div>
        </LocationProvider>
      </LockGate>
    </Services.Provider>
  );
}
