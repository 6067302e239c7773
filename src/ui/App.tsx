// The app shell: first run until the device is linked, then the screens with their
// status bar and navigation.

import './app.css';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { LocationProvider, lazy, Route, Router } from 'preact-iso';
import { deferred } from './deferred';
import {
  type AppServices,
  type BalieDb,
  type Desk,
  type MapLink,
  Services,
  type SyncLink,
  useStoredDevice,
} from './hooks';
import { LockGate } from './lock/LockGate';
import { NavBar } from './NavBar';
import { NotFound } from './NotFound';
import { RegisterScreen } from './registration/RegisterScreen';
import { StatusBar } from './StatusBar';

// Only the shell and the registration screen are on the first page, without Dexie (they use
// plain IndexedDB, src/data/desk.ts); every other screen, with its text and CSS, loads when
// first opened (the service worker precaches them all, so they open offline too). The
// sociale kaart keeps its search index, import/export and QR code off the first page the
// same way.
// First run shows outside the router, so it loads without suspending.
const FirstRun = deferred(() => import('./settings/FirstRun').then((m) => m.FirstRun));
// The contact with the endpoint at start renders nothing and only matters online: it (and the
// linking code it brings) follows the first page.
const DeviceContact = deferred(() =>
  import('./settings/DeviceContact').then((m) => m.DeviceContact),
);
const TodayScreen = lazy(() => import('./registration/TodayScreen').then((m) => m.TodayScreen));
const EditVisitScreen = lazy(() =>
  import('./registration/EditVisitScreen').then((m) => m.EditVisitScreen),
);
const SettingsScreen = lazy(() =>
  import('./settings/SettingsScreen').then((m) => m.SettingsScreen),
);
const SyncScreen = lazy(() => import('./sync/SyncScreen').then((m) => m.SyncScreen));
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
// The Overzicht and its exports: read only when asked for (the XLSX writer later still).
const ReportsScreen = lazy(() => import('./reports/ReportsScreen').then((m) => m.ReportsScreen));
const MonitorScreen = lazy(() => import('./reports/MonitorScreen').then((m) => m.MonitorScreen));
const ReferralSlipScreen = lazy(() =>
  import('./partners/ReferralSlipScreen').then((m) => m.ReferralSlipScreen),
);
// Beheer (the manager's screens) loads only when a manager opens it.
const BeheerApp = lazy(() => import('./beheer/BeheerApp').then((m) => m.BeheerApp));

export interface AppProps {
  readonly desk: Desk;
  readonly dexie: () => Promise<BalieDb>;
  readonly sync: SyncLink;
  readonly maps: MapLink;
}

export function App({ desk, dexie, sync, maps }: AppProps) {
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
            desk,
            dexie,
            device,
            setDevice,
            wake: sync.wake,
            refreshMaps: () => maps.refresh(device),
            now: Date.now,
            newId: () => crypto.randomUUID(),
          }
        : null,
    [desk, dexie, device, sync, maps],
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
                <Route path="/overzicht" component={ReportsScreen} />
                <Route path="/overzicht/monitor" component={MonitorScreen} />
                <Route path="/instellingen" component={SettingsScreen} />
                <Route path="/versturen" component={SyncScreen} />
                <Route path="/sociale-kaart" component={PartnersScreen} />
                <Route path="/sociale-kaart/nieuw" component={PartnerFormScreen} />
                <Route path="/sociale-kaart/uitwisselen" component={PartnerExchangeScreen} />
                <Route path="/sociale-kaart/:id" component={PartnerDetailScreen} />
                <Route path="/sociale-kaart/:id/bewerken" component={PartnerFormScreen} />
                <Route path="/sociale-kaart/:id/briefje" component={ReferralSlipScreen} />
                <Route path="/beheer" component={BeheerApp} />
                <Route path="/beheer/*" component={BeheerApp} />
                <Route default component={NotFound} />
              </Router>
            </main>
          </div>
        </LocationProvider>
      </LockGate>
    </Services.Provider>
  );
}
