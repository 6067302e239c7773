// Whether the browser keeps this device's data for good, how much is used, and asking for
// persistent storage: the browser may otherwise wipe unsent registrations when space runs out.

import { useEffect, useState } from 'preact/hooks';
import { formatBytes } from '../format';
import { text } from './text';

export function StoragePanel() {
  const storage = useStorage();
  return (
    <section class="panel" aria-labelledby="storage-title">
      <h2 id="storage-title">{text.sync.storageTitle}</h2>
      {storage ? (
        <>
          <p data-testid="persisted">
            {storage.persisted ? text.sync.persisted : text.sync.notPersisted}
          </p>
          {storage.quota ? (
            <p class="muted">
              {text.sync.used(formatBytes(storage.usage), formatBytes(storage.quota))}
            </p>
          ) : null}
          {storage.persisted ? null : (
            <button type="button" class="button" onClick={storage.ask}>
              {text.sync.askPersist}
            </button>
          )}
        </>
      ) : null}
    </section>
  );
}

interface StorageFacts {
  persisted: boolean;
  usage: number;
  quota: number;
  ask: () => void;
}

function useStorage(): StorageFacts | null {
  const [facts, setFacts] = useState<StorageFacts | null>(null);
  useEffect(() => {
    const storage = navigator.storage;
    if (!storage?.persisted) return;
    const read = async () => {
      const [persisted, estimate] = await Promise.all([storage.persisted(), storage.estimate()]);
      setFacts({
        persisted,
        usage: estimate.usage ?? 0,
        quota: estimate.quota ?? 0,
        ask: () => void storage.persist().then(read),
      });
    };
    void read();
  }, []);
  return facts;
}
