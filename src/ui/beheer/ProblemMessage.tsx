// A failed request in Dutch: the endpoint's own sentence when it gave one, otherwise ours.
// role="alert", so a screen reader says it at once; the form above it keeps what was typed.

import type { Problem } from './hooks';
import { text } from './text';

export function describeProblem(problem: Problem): string {
  if (problem.kind === 'offline') return text.problem.offline;
  if (problem.kind === 'locked' && problem.retryAfter !== undefined) {
    return text.signIn.locked(Math.max(1, Math.ceil(problem.retryAfter / 60)));
  }
  if (problem.message) return problem.message;
  if (problem.kind === 'signed-out') return text.problem.signedOut;
  if (problem.kind === 'server') return text.problem.server;
  return text.problem.refused;
}

export function ProblemMessage({ problem }: { problem: Problem | null }) {
  return (
    <p class="error beheer-problem" role="alert">
      {problem ? describeProblem(problem) : ''}
    </p>
  );
}
