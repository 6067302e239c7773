// Components loaded on first use without suspending: the placeholder (nothing) shows until
// the chunk arrives, so the screen around it keeps its state. For parts of a screen; whole
// routes use preact-iso's `lazy`. The service worker precaches every chunk for offline use.

import { type ComponentType, h } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A component that renders nothing until its chunk is loaded; `preload()` fetches it early. */
export type Deferred<P> = ComponentType<P> & { preload(): Promise<ComponentType<P>> };

export function deferred<P extends object>(load: () => Promise<ComponentType<P>>): Deferred<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    loading ??= load().then((found) => {
      loaded = found;
      return found;
    });
    return loading;
  };
  function Deferred(props: P) {
    const [component, setComponent] = useState(() => loaded);
    useEffect(() => {
      if (component) return;
      let live = true;
      void preload().then((found) => {
        if (live) setComponent(() => found);
      });
      return () => {
        live = false;
      };
    }, [component]);
    return component ? h(component, props) : null;
  }
  return Object.assign(Deferred, { preload });
}
