// How Balie reads an office's own list: the fill-in file, the column names it accepts
// (straight from the sheet's column table, so help and reader never disagree), hours and topics.

import { COLUMNS, type Column } from '../../core/spreadsheet/columns';
import { downloadTemplate } from './files';
import { text } from './text';

/** The id column is Balie's own; an office never needs to fill it in. */
const SHOWN = (Object.keys(COLUMNS) as Column[]).filter((column) => column !== 'id');

export function TemplateButton() {
  return (
    <button type="button" class="button" onClick={() => void downloadTemplate()}>
      {text.partners.importing.template}
    </button>
  );
}

export function SheetHelp() {
  const t = text.partners.importing;
  return (
    <details class="sheet-help">
      <summary>{t.helpTitle}</summary>
      <p>{t.columnsIntro}</p>
      <ul class="hint-list" data-testid="accepted-headers">
        {SHOWN.map((column) => {
          const [name, ...others] = COLUMNS[column];
          return (
            <li key={column}>
              <strong>{name}</strong>
              {others.length > 0 ? ` — ${t.alsoCalled(others.join(', '))}` : ''}
            </li>
          );
        })}
      </ul>
      <p>{t.hoursHelp}</p>
      <p>{t.topicsHelp}</p>
      <p>{t.listsHelp}</p>
    </details>
  );
}
