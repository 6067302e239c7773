// A report table (from src/core/reports/table.ts) as an HTML table: the numbers beneath each
// chart. Whole counts get Dutch thousands separators; everything else shows as the core wrote it.

import type { Table } from '../../core/reports/table';
import { formatCount } from './format';
import { useScrollFocus } from './overflow';

const WHOLE = /^\d+$/;

function cell(value: string): string {
  return WHOLE.test(value) ? formatCount(Number(value)) : value;
}

export function DataTable({ table, caption }: { table: Table; caption: string }) {
  const [ref, tabIndex] = useScrollFocus<HTMLDivElement>();
  return (
    <div class="table-wrap" ref={ref} tabIndex={tabIndex}>
      <table class="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.header.map((name, index) => (
              <th key={index} scope="col" class={index > 0 ? 'num' : undefined}>
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
