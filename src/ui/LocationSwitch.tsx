// The location line in the status bar. On a device with several open locations (a walking
// IDO phone) it opens the list; one tap picks the location for the next registration.

import './location-switch.css';
import { useEffect, useState } from 'preact/hooks';
import { useChooseLocation, useServices } from './hooks';
import { text } from './text';

export function LocationSwitch() {
  const { device } = useServices();
  const choose = useChooseLocation();
  const [open, setOpen] = useState(false);
  const places = device.locations ?? [];
  useEffect(() => {
    if (!open) return;
    const close = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('keydown', close);
    return () => document.removeEventListener('keydown', close);
  }, [open]);
  if (places.length < 2) {
    return (
      <span class="brand-location" data-testid="location">
        {device.location}
      </span>
    );
  }

  return (
    <div class="location-switch">
      <button
        type="button"
        class="location-button"
        aria-expanded={open}
        aria-controls="location-list"
        data-testid="location"
        onClick={() => setOpen(!open)}
      >
        <span class="visually-hidden">{text.location.choose}. </span>
        <span class="brand-location">{device.location}</span>
        <span aria-hidden="true"> ▾</span>
      </button>
      {open ? (
        <div id="location-list" class="location-list">
          <p class="hint">{text.location.switchHint}</p>
          <ul aria-label={text.location.choose}>
            {places.map((place) => (
              <li key={place.id}>
                <button
                  type="button"
                  class="button button-wide"
                  aria-pressed={place.id === device.locationId}
                  onClick={() => void choose(place.id).then(() => setOpen(false))}
                >
                  {place.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
