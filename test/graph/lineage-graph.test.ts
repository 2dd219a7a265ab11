import { describe, expect, it } from 'vitest';
import { lineageMermaid, mermaidText } from '../../compiler/graph/lineage-graph.ts';
import { EXAMPLE_PLATFORM, EXAMPLE_TEAM, resolveExample } from '../emit/pipelines/example-org.ts';

const SEARCH_TEAM = `apiVersion: mlops.cirruslabs.io/v1alpha1
kind: Team
metadata: { name: search, owners: ["@acme/search"] }
models:
  ranker:
    framework: pytorch
    versions:
      "2.0.0": { artifact: "s3://models/ranker/2.0.0", dataset: { uri: "s3://data/fraud/2026-09" } }
      "2.1.0": { artifact: "s3://models/ranker/2.1.0" }
deployments:
  ranker-api:
    model: ranker
    environments:
      prod:
        version: "2.0.0"
        abTest: { variants: [{ name: control, version: "2.0.0", traffic: 70 }, { name: challenger, version: "2.1.0", traffic: 30 }] }
`;

describe('lineageMermaid', () => {
  it('draws dataset → pipeline → model version → deployment per environment', () => {
    expect(lineageMermaid(resolveExample())).toBe(
      [
        'flowchart LR',
        '  ds1[("s3://data/fraud/2026-09")]',
        '  ds2[("s3://data/fraud/2026-10")]',
        '  subgraph team1["team fraud"]',
        '    pl1[["pipeline retrain-fraud"]]',
        '    pl2[["pipeline train-fraud"]]',
        '    pl3[["pipeline tune-fraud"]]',
        '    mv1(["fraud-detector 1.4.0"])',
        '    mv2(["fraud-detector 1.5.0"])',
        '    dp1{{"fraud-api · staging (stg-eu)"}}',
        '    dp2{{"fraud-api · prod (prod-eu)"}}',
        '  end',
        '  ds1 --> pl2',
        '  ds2 --> pl2',
        '  pl2 -->|"r-2026-10-01"| mv1',
        '  pl2 -->|"r-2026-11-01"| mv2',
        '  mv1 -->|"stable 90%"| dp2',
        '  mv2 -->|"stable"| dp1',
        '  mv2 -->|"canary 10%"| dp2',
        '',
      ].join('\n'),
    );
  });

  const files = { 'platform.yaml': EXAMPLE_PLATFORM, 'teams/fraud/mlops.yaml': EXAMPLE_TEAM, 'teams/search/mlops.yaml': SEARCH_TEAM };

  it('shares datasets between teams, links untrained versions to their dataset and labels A/B variants (the stable one once)', () => {
    const text = lineageMermaid(resolveExample(files));
    expect(text).toContain('  subgraph team2["team search"]\n    mv3(["ranker 2.0.0"])\n    mv4(["ranker 2.1.0"])\n    dp3{{"ranker-api · prod (prod-eu, prod-us)"}}\n  end\n');
    expect(text.match(/s3:\/\/data\/fraud\/2026-09/g)).toHaveLength(1);
    expect(text).toContain('  ds1 --> mv3\n');
    expect(text).toContain('  mv3 -->|"control 70%"| dp3\n');
    expect(text).not.toContain('  mv3 -->|"stable"| dp3\n');
    expect(text).toContain('  mv4 -->|"challenger 30%"| dp3\n');
  });

  it('narrows to one team', () => {
    const text = lineageMermaid(resolveExample(files), { team: 'search' });
    expect(text).not.toContain('fraud-detector');
    expect(text).toContain('ds1[("s3://data/fraud/2026-09")]');
    expect(text).not.toContain('2026-10');
    expect(text).toContain('subgraph team1["team search"]');
    expect(text).toContain('mv1 -->|"control 70%"| dp1');
  });

  it('gives the same text for the same org, whatever the file order', () => {
    expect(lineageMermaid(resolveExample(Object.fromEntries(Object.entries(files).reverse())))).toBe(lineageMermaid(resolveExample(files)));
  });
});

describe('mermaidText', () => {
  it('quotes and escapes characters that would break a Mermaid label', () => {
    expect(mermaidText('a "b" #1 <c>')).toBe('"a #quot;b#quot; #35;1 #lt;c#gt;"');
  });
});
