import { describe, expect, it } from 'vitest';
import { hyperparameterTrials } from '../../../compiler/emit/pipelines/hyperparameter-trials.ts';

const pipeline = (algorithm: 'grid' | 'random' | 'bayesian', maxTrials: number, parameters: Record<string, (string | number)[]>) => ({
  team: 'fraud',
  name: 'tune',
  hyperparameterSearch: { algorithm, maxTrials, parameters },
});

describe('hyperparameterTrials', () => {
  it('is undefined without a search', () => {
    expect(hyperparameterTrials({ team: 'fraud', name: 'train' })).toBeUndefined();
  });

  it('walks the grid in order, the last parameter (by name) varying fastest', () => {
    const plan = hyperparameterTrials(pipeline('grid', 100, { b: [1, 2], a: ['x', 'y'] }))!;
    expect(plan.items).toEqual([
      { a: 'x', b: '1' },
      { a: 'x', b: '2' },
      { a: 'y', b: '1' },
      { a: 'y', b: '2' },
    ]);
  });

  it('samples distinct grid points reproducibly for random search', () => {
    const parameters = { lr: [0.1, 0.01, 0.001, 0.0001], depth: [2, 4, 6, 8, 10], subsample: [0.5, 0.8, 1] };
    const first = hyperparameterTrials(pipeline('random', 7, parameters))!;
    const second = hyperparameterTrials(pipeline('random', 7, parameters))!;
    expect(first.items).toEqual(second.items);
    expect(first.items).toHaveLength(7);
    expect(new Set(first.items.map((item) => JSON.stringify(item))).size).toBe(7);
    for (const item of first.items) {
      expect(parameters.lr.map(String)).toContain(item.lr);
      expect(parameters.depth.map(String)).toContain(item.depth);
    }
    const grid = hyperparameterTrials(pipeline('grid', 7, parameters))!;
    expect(first.items).not.toEqual(grid.items);
  });

  it('gives bayesian search a seeded initial design and never more trials than grid points', () => {
    expect(hyperparameterTrials(pipeline('bayesian', 50, { a: [1, 2, 3] }))!.items).toEqual([{ a: '1' }, { a: '2' }, { a: '3' }]);
  });

  it('turns parameter names into unique Argo parameter names and HP_ environment variables', () => {
    const plan = hyperparameterTrials(pipeline('grid', 1, { 'learning.rate': [1], learning_rate: [2], 'max-depth': [3] }))!;
    expect(plan.parameters.map(({ declared, parameter, envName }) => [declared, parameter, envName])).toEqual([
      ['learning.rate', 'learning_rate', 'HP_LEARNING_RATE'],
      ['learning_rate', 'learning_rate_2', 'HP_LEARNING_RATE_2'],
      ['max-depth', 'max-depth', 'HP_MAX_DEPTH'],
    ]);
  });
});
