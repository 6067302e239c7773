// A report table (from src/core/reports/table.ts) as an HTML table: the numbers beneath each
// chart. Whole counts get Dutch thousands separators; everything else shows as the core wrote it.
// The first column heads its row; `textColumns` columns (default 1) are words, the rest numbers.

import type { Table } from '../../core/reports/table';
import { formatCount } from './format';
import { useScrollFocus } from './overflow';

const WHOLE = /^\d+$/;

function cell(value: string): string {
  return WHOLE.test(value) ? formatCount(Number(value)) : value;
}

export function DataTable(props: { table: Table; caption: string; textColumns?: number }) {
  const { table, caption, textColumns = 1 } = props;
  const [ref, tabIndex] = useScrollFocus<HTMLDivElement>();
  return (
    <div class="table-wrap" ref={ref} tabIndex={tabIndex}>
      <table class="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.header.map((name, index) => (
              <th key={index} scope="col" class={index >= textColumns ? 'num' : undefined}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            <tr key={index}>
              {row.map((value, column) =>
                column === 0 ? (
                  <th key={column} scope="row">
                    {value}
                  </th>
                ) : column < textColumns ? (
                  <td key={column}>{value}</td>
                ) : (
                  <td key={column} class="num">
                    {cell(value)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
