// Small builders for registrations, shared by unit tests, browser tests and benchmarks.

import type { VisitContent } from '../../src/core/registration/schema';

export function visitContent(over: Partial<VisitContent> = {}): VisitContent {
  return {
    catalogueVersion: 'ido-2024.1',
    location: 'Bibliotheek Teststad',
    day: '2026-11-23',
    hour: 10,
    channel: 'balie',
    duration: 'tot-15',
    needs: [],
    questions: [
      { domain: 'digitale-overheid', topic: 'digid', organisations: [], help: ['uitleg'] },
    ],
    ...over,
  };
}
