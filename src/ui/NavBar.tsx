// The main navigation: a bottom bar on a phone, a rail on the left on a tablet. When the
// text is large (200 %), the labels no longer fit side by side: one "Menu" button opens
// the same links as a list instead (a container query in app.css picks which shows).
// Overzicht is a sixth item on the rail and in that list; the phone's bar keeps five, and
// on a phone Overzicht opens from Vandaag.

import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Icon } from './Icon';
import { text } from './text';

const ITEMS = [
  { href: '/', label: text.nav.register, icon: 'plus' },
  { href: '/vandaag', label: text.nav.today, icon: 'list' },
  { href: '/sociale-kaart', label: text.nav.partners, icon: 'map' },
  { href: '/versturen', label: text.nav.sync, icon: 'sync' },
  { href: '/overzicht', label: text.nav.reports, icon: 'chart', wide: true },
  { href: '/instellingen', label: text.nav.settings, icon: 'gear' },
] as const;

export function NavBar() {
  const { path } = useLocation();
  const menu = useRef<HTMLDetailsElement>(null);
  // A chosen link closes the list, so the screen it opens is not hidden behind it.
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [path]);
  const links = (kind: 'nav-item' | 'nav-menu-item') =>
    ITEMS.map((item) => (
      <a
        key={item.href}
        href={item.href}
        class={kind === 'nav-item' && 'wide' in item ? `${kind} nav-item-wide` : kind}
        aria-current={isCurrent(path, item.href) ? 'page' : undefined}
      >
        <Icon name={item.icon} size={24} />
        <span>{item.label}</span>
      </a>
    ));
  return (
    <nav class="nav" aria-label={text.nav.label}>
      <div class="nav-bar">{links('nav-item')}</div>
      <details class="nav-menu" ref={menu}>
        <summary class="nav-item">
          <Icon name="list" size={24} />
          <span>{text.nav.menu}</span>
        </summary>
        <div class="nav-menu-list">
          {links('nav-menu-item')}
          <a
            href="/beheer"
            class="nav-menu-item"
            aria-current={isCurrent(path, '/beheer') ? 'page' : undefined}
          >
            <Icon name="gear" size={24} />
            <span>{text.nav.beheer}</span>
          </a>
        </div>
      </details>
    </nav>
  );
}

function isCurrent(path: string, href: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}
