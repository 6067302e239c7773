// The problems or remarks of an import, each saying where ("Rij 4, kolom Website") and what.

import type { ImportIssue } from '../../core/partners/issues';
import { describeIssue } from './issue-text';

export function IssueList({ issues }: { issues: readonly ImportIssue[] }) {
  return (
    <ul class="issue-list" data-testid="issues">
      {issues.map((issue, index) => (
        <li key={index}>{describeIssue(issue)}</li>
      ))}
    </ul>
  );
}
