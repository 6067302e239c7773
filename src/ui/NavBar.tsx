// The main navigation: a bottom bar on a phone, a rail on the left on a tablet.

import { useLocation } from 'preact-iso';
import { Icon } from './Icon';
import { text } from './text';

const ITEMS = [
  { href: '/', label: text.nav.register, icon: 'plus' },
  { href: '/vandaag', label: text.nav.today, icon: 'list' },
  { href: '/sociale-kaart', label: text.nav.partners, icon: 'map' },
  { href: '/versturen', label: text.nav.sync, icon: 'sync' },
  { href: '/instellingen', label: text.nav.settings, icon: 'gear' },
] as const;

export function NavBar() {
  const { path } = useLocation();
  return (
    <nav class="nav" aria-label={text.nav.label}>
      {ITEMS.map((item) => (
        <a
          key={item.href}
          href={item.href}
          class="nav-item"
          aria-current={isCurrent(path, item.href) ? 'page' : undefined}
        >
          <Icon name={item.icon} size={24} />
          <span>{item.label}</span>
        </a>
      ))}
    </nav>
  );
}

function isCurrent(path: string, href: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}
