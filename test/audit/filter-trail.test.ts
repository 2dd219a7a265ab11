import { describe, expect, it } from 'vitest';
import { chainEntry } from '../../compiler/audit/audit-entry.ts';
import { filterTrail } from '../../compiler/audit/filter-trail.ts';
import { draft } from './support/trail-builder.ts';

describe('filterTrail', () => {
  const first = chainEntry(draft('2026-11-30T10:00:00Z', 'fraud'), undefined);
  const second = chainEntry(draft('2026-12-01T10:00:00Z', 'search', { event: 'synced', environments: ['dev'] }), first);
  const entries = [first, second];

  it('filters by team, model, environment, event and time', () => {
    expect(filterTrail(entries, { team: 'search' })).toEqual([second]);
    expect(filterTrail(entries, { model: 'fraud-model' })).toEqual([first]);
    expect(filterTrail(entries, { environment: 'dev' })).toEqual([second]);
    expect(filterTrail(entries, { event: 'synced' })).toEqual([second]);
    expect(filterTrail(entries, { since: '2026-12-01' })).toEqual([second]);
    expect(filterTrail(entries, { team: 'fraud', since: '2026-12-01' })).toEqual([]);
    expect(filterTrail(entries, {})).toEqual(entries);
  });
});
