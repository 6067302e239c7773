// The main navigation: a bottom bar on a phone, a rail on the left on a tablet.

import { useLocation } from 'preact-iso';
import { text } from './text';

const ITEMS = [
  { href: '/', label: text.nav.register, icon: '＋' },
  { href: '/vandaag', label: text.nav.today, icon: '☰' },
  { href: '/versturen', label: text.nav.sync, icon: '⇅' },
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
          aria-current={path === item.href ? 'page' : undefined}
        >
          <span class="nav-icon" aria-hidden="true">
            {item.icon}
          </span>
          <span>{item.label}</span>
        </a>
      ))}
    </nav>
  );
}
