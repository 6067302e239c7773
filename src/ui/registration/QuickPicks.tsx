// The Snelkeuze list: favourite and recent combinations, each one tap from a filled form.

import { describePick } from '../../core/registration/pick-label';
import type { Favourite, QuickPick } from '../../core/registration/quick-picks';
import type { CatalogueView } from '../hooks';
import { Icon } from '../Icon';
import { text } from './text';

export interface QuickPicksProps {
  readonly favourites: readonly Favourite[];
  readonly recent: readonly QuickPick[];
  readonly catalogue: CatalogueView;
  readonly onPick: (pick: QuickPick) => void;
  readonly onRemoveFavourite: (id: string) => void;
}

export function QuickPicks(props: QuickPicksProps) {
  const { base, custom } = props.catalogue;
  const empty = props.favourites.length === 0 && props.recent.length === 0;
  return (
    <section class="quick-picks" aria-labelledby="quick-title">
      <h2 id="quick-title">{text.register.quick}</h2>
      <p class="hint">{empty ? text.register.quickEmpty : text.register.quickHint}</p>
      <ul class="pick-list">
        {props.favourites.map((favourite) => {
          const label = describePick(base, custom, favourite);
          return (
            <li key={favourite.id} class="pick-row">
              <button type="button" class="pick" onClick={() => props.onPick(favourite)}>
                <span class="pick-kind">
                  <Icon name="star" />
                </span>
                <span class="visually-hidden">{text.register.favourite}: </span>
                {label}
              </button>
              <button
                type="button"
                class="pick-remove"
                aria-label={text.register.removeFavourite(label)}
                onClick={() => props.onRemoveFavourite(favourite.id)}
              >
                <Icon name="close" />
              </button>
            </li>
          );
        })}
        {props.recent.map((pick) => {
          const label = describePick(base, custom, pick);
          return (
            <li key={label} class="pick-row">
              <button type="button" class="pick pick-recent" onClick={() => props.onPick(pick)}>
                <span class="pick-kind">
                  <Icon name="recent" />
                </span>
                <span class="visually-hidden">{text.register.recent}: </span>
                {label}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
