// Adding or editing a partner by hand. Every cell is read exactly as a spreadsheet row
// (the same cleaning, hours syntax and issue codes), then checked once more on save;
// problems show at their field, keyed by the field's name, and nothing is saved until all are solved.

import './partners.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { checkWebsite } from '../../core/partners/contact-values';
import type { IssueDetail, PartnerField } from '../../core/partners/issues';
import type { PartnerDetails } from '../../core/partners/partner';
import { COLUMNS, type Column } from '../../core/spreadsheet/columns';
import { topicLookup } from '../../core/spreadsheet/lists';
import { cellsOf, readRow } from '../../core/spreadsheet/row';
import { ChoiceGroup } from '../ChoiceGroup';
import { Field } from '../Field';
import { useServices } from '../hooks';
import { usePartnerActions } from './hooks';
import { describeDetail } from './issue-text';
import { text } from './text';
import { type PartnerTopics, usePartnerTopics } from './view';

type Values = Record<Exclude<Column, 'topics'>, string> & { topics: string[] };
type Problems = Partial<Record<PartnerField | 'general', string>>;

const COLUMN_NAMES = Object.keys(COLUMNS) as Column[];
const EMPTY = Object.fromEntries(COLUMN_NAMES.map((column) => [column, ''])) as Record<
  Column,
  string
>;

export function PartnerFormScreen() {
  const { newId } = useServices();
  const actions = usePartnerActions();
  const { params } = useRoute();
  const { route } = useLocation();
  const editing = params.id;
  const [values, setValues] = useState<Values | null>(null);
  const [missing, setMissing] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [saving, setSaving] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const topics = usePartnerTopics();

  useEffect(() => {
    if (!topics) return;
    if (!editing) {
      setValues({ ...EMPTY, id: newId(), topics: [] });
      return;
    }
    void actions.readPartner(editing).then((partner) => {
      if (partner) setValues(valuesOf(partner, topics));
      else setMissing(true);
    });
  }, [editing, topics === undefined]);

  if (missing) {
    return (
      <section class="screen">
        <h1>{text.partners.gone}</h1>
        <a href="/sociale-kaart">{text.partners.backToList}</a>
      </section>
    );
  }
  if (values === null || topics === undefined) return null;

  const field = (
    column: Exclude<Column, 'topics' | 'id'>,
    extra: { multiline?: boolean; url?: boolean } = {},
  ) => (
    <Field
      id={`partner-${column}`}
      label={text.partners.form.labels[column]}
      hint={text.partners.form.hints[column]}
      value={values[column]}
      error={problems[column]}
      onInput={(value) => setValues({ ...values, [column]: value })}
      {...extra}
    />
  );

  async function save(event: Event) {
    event.preventDefault();
    if (!values || !topics || saving) return;
    const found: Problems = {};
    // Warnings only matter in a sheet (a lost leading 0); the form shows what was typed.
    // Hours a sheet would keep as text are asked to be fixed here, or put in brackets as a note.
    const report = (detail: IssueDetail, warning?: boolean) => {
      if (detail.code === 'hours-as-text') {
        const reason = describeDetail({ ...detail, code: 'hours-invalid' });
        found[detail.field] ??= `${reason} ${text.partners.form.hoursAsNote}`;
      } else if (!warning) found[fieldOf(detail)] ??= describeDetail(detail);
    };
    const details = readRow(
      (column) => (column === 'topics' ? values.topics.join(', ') : values[column]),
      report,
      topicLookup(topics.known),
    );
    if (checkWebsite(values.website).kind === 'unsafe')
      found.website = text.partners.form.unsafeWebsite;
    if (details === null || Object.keys(found).length > 0) {
      setProblems(found);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setSaving(true);
    const saved = await actions.savePartner(details);
    setSaving(false);
    if (saved.ok) {
      route(`/sociale-kaart/${saved.partner.id}`);
      return;
    }
    const last: Problems = {};
    for (const { field, problem } of saved.problems) {
      last[field ?? 'general'] ??= describeDetail({ code: 'value', field, problem });
    }
    setProblems(last);
  }

  const problemList = Object.entries(problems);

  return (
    <section class="screen partner-form">
      <a class="back-link" href={editing ? `/sociale-kaart/${editing}` : '/sociale-kaart'}>
        {text.partners.form.cancel}
      </a>
      <h1>{editing ? text.partners.form.editTitle : text.partners.form.addTitle}</h1>
      <form onSubmit={(event) => void save(event)} noValidate>
        {problemList.length > 0 ? (
          <div class="error-summary" role="alert" tabIndex={-1} ref={summary}>
            <h2>{text.partners.form.problemsTitle}</h2>
            <ul>
              {problemList.map(([field, message]) => (
                <li key={field}>
                  {field === 'general' ? message : `${labelOf(field as PartnerField)}: ${message}`}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {field('name')}
        {field('organization')}
        {field('description', { multiline: true })}
        <ChoiceGroup
          name="partner-topics"
          legend={text.partners.form.topicsLegend}
          options={topics.offered}
          multiple
          value={values.topics}
          error={problems.topics}
          onChange={(topics) => setValues({ ...values, topics })}
        />
        <fieldset class="field-group">
          <legend class="legend">{text.partners.address}</legend>
          {field('street')}
          <div class="field-row">
            {field('postcode')}
            {field('city')}
          </div>
        </fieldset>
        {field('phone')}
        {field('email')}
        {field('website', { url: true })}
        {field('openingHours', { multiline: true })}
        {field('walkInHours', { multiline: true })}
        {field('keywords')}
        {field('languages')}
        {field('targetGroups')}
        <div class="field">
          <label for="partner-lastVerified" class="label">
            {text.partners.form.labels.lastVerified}
          </label>
          {problems.lastVerified ? (
            <p id="partner-lastVerified-error" class="error">
              {problems.lastVerified}
            </p>
          ) : null}
          <input
            id="partner-lastVerified"
            type="date"
            class={`input input-date${problems.lastVerified ? ' is-invalid' : ''}`}
            value={values.lastVerified}
            aria-describedby={problems.lastVerified ? 'partner-lastVerified-error' : undefined}
            onInput={(event) =>
              setValues({
                ...values,
                lastVerified: (event.currentTarget as HTMLInputElement).value,
              })
            }
          />
        </div>
        <div class="form-actions">
          <button type="submit" class="button button-primary button-wide" disabled={saving}>
            {saving ? text.partners.form.saving : text.partners.form.save}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The field a problem belongs to; a problem with the partner as a whole is "general". */
function fieldOf(detail: IssueDetail): PartnerField | 'general' {
  return 'field' in detail && detail.field !== null ? detail.field : 'general';
}

function labelOf(field: PartnerField): string {
  const labels: Partial<Record<PartnerField, string>> = text.partners.form.labels;
  return field === 'topics' ? text.partners.form.topicsLegend : (labels[field] ?? field);
}

function valuesOf(partner: PartnerDetails, topics: PartnerTopics): Values {
  const cells = cellsOf(partner, topics.known);
  const values = Object.fromEntries(COLUMN_NAMES.map((column, i) => [column, cells[i] ?? '']));
  return {
    ...(values as Record<Column, string>),
    topics: [...partner.topics],
    lastVerified: partner.lastVerified ?? '',
  };
}
