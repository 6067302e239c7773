// A list's summary line in an answer-list editor (Instellingen and Beheer): its name and count.

import type { ListName } from '../../core/registration/catalogue';
import { listNames } from './text';

/** A list's name with how many of its options are shown. */
export function ListSummary({ list, count }: { list: ListName; count: number }) {
  return (
    <summary>
      {/* One span: the count flows after the name's last word, not in a column of its own. */}
      <span>
        {listNames[list]} <span class="muted">({count})</span>
      </span>
    </summary>
  );
}
