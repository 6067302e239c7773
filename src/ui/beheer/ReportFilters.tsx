// What the organisation's Overzicht narrows to: several locations, a gemeente, a kind of
// question, a topic, an organisation and a channel. Applying puts them in the address, so the
// choice survives a reload and is the question the endpoint is asked (and the kept copy's key).

import { useState } from 'preact/hooks';
import type { Labels } from '../../core/reports/labels';
import { hasFilters, NO_FILTERS, type OrgFilters } from '../../core/reports/org-report';
import { FILTER_LISTS } from './report-sections';
import { text } from './text';

export interface NamedLocation {
  readonly id: string;
  readonly name: string;
  readonly gemeente: string;
}

type Single = keyof typeof FILTER_LISTS | 'gemeente';

export function ReportFilters(props: {
  filters: OrgFilters;
  locations: readonly NamedLocation[];
  labels: Labels;
  onApply: (filters: OrgFilters) => void;
}) {
  const { locations, labels, onApply } = props;
  const [filters, setFilters] = useState(props.filters);
  const gemeenten = [...new Set(locations.map((location) => location.gemeente))].sort();
  const r = text.report;

  function toggle(id: string, on: boolean) {
    const others = filters.location.filter((other) => other !== id);
    setFilters({ ...filters, location: on ? [...others, id] : others });
  }

  function choose(key: Single, value: string) {
    setFilters({ ...filters, [key]: value === '' ? [] : [value] });
  }

  function select(key: Single, options: readonly { value: string; label: string }[]) {
    const id = `report-filter-${key}`;
    return (
      <div class="field filter">
        <label for={id} class="label">
          {r.filterNames[key]}
        </label>
        <select
          id={id}
          class="input"
          value={filters[key][0] ?? ''}
          onChange={(event) => choose(key, event.currentTarget.value)}
        >
          <option value="">{r.all}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    );
  }

  const listOptions = (key: keyof typeof FILTER_LISTS) =>
    labels
      .order(FILTER_LISTS[key])
      .map((value) => ({ value, label: labels.option(FILTER_LISTS[key], value) }));

  return (
    <details class="more report-filters no-print" open={hasFilters(props.filters)}>
      <summary>{r.filters}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onApply(filters);
        }}
      >
        <fieldset class="report-locations">
          <legend class="legend">{r.locations}</legend>
          {locations.map((location) => (
            <label key={location.id} class="check-row">
              <input
                type="checkbox"
                checked={filters.location.includes(location.id)}
                onChange={(event) => toggle(location.id, event.currentTarget.checked)}
              />
              <span>
                {location.name} <span class="muted">({location.gemeente})</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div class="report-filter-grid">
          {select(
            'gemeente',
            gemeenten.map((gemeente) => ({ value: gemeente, label: gemeente })),
          )}
          {select('domain', listOptions('domain'))}
          {select('topic', listOptions('topic'))}
          {select('organisation', listOptions('organisation'))}
          {select('channel', listOptions('channel'))}
        </div>
        <div class="report-filter-actions">
          <button type="submit" class="button button-primary">
            {r.show}
          </button>
          {hasFilters(props.filters) ? (
            <button type="button" class="button" onClick={() => onApply(NO_FILTERS)}>
              {r.clear}
            </button>
          ) : null}
        </div>
      </form>
    </details>
  );
}
