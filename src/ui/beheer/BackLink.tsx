// The way back from a Beheer screen to its overview.

import { text } from './text';

export function BackLink() {
  return (
    <a href="/beheer" class="button button-quiet beheer-back">
      ← {text.back}
    </a>
  );
}
