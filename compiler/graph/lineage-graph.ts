/**
 * Renders the lineage (dataset → pipeline → model version → deployment per environment) as a Mermaid
 * flowchart: datasets as cylinders (shared between teams, so outside the team boxes), pipelines as
 * subroutines, model versions as stadiums, deployments as hexagons; one subgraph per team. Node ids are
 * short and assigned in a sorted order, so the same org always gives the same text.
 */
import type { ResolvedOrg } from '../resolve/resolved-org.ts';
import { buildLineage, type LineageNode, type LineageNodeKind, type LineageOptions } from './lineage.ts';

/** Options of `lineageMermaid`. */
export type LineageMermaidOptions = LineageOptions;

const SHAPES: Record<LineageNodeKind, { prefix: string; open: string; close: string }> = {
  dataset: { prefix: 'ds', open: '[(', close: ')]' },
  pipeline: { prefix: 'pl', open: '[[', close: ']]' },
  'model-version': { prefix: 'mv', open: '([', close: '])' },
  deployment: { prefix: 'dp', open: '{{', close: '}}' },
};

/**
 * Quotes text for a Mermaid label (`"` and `#` would end or escape it; `<`/`>` would be read as HTML;
 * a backtick or a line break could close the Markdown fence around the diagram; control characters
 * become spaces).
 */
export function mermaidText(text: string): string {
  const escaped = text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;');
  return `"${escaped}"`;
}

function nodeLine(id: string, node: LineageNode): string {
  const shape = SHAPES[node.kind];
  return `${id}${shape.open}${mermaidText(node.label)}${shape.close}`;
}

/** The lineage as Mermaid `flowchart LR` text, ending with a newline. */
export function lineageMermaid(org: ResolvedOrg, options: LineageMermaidOptions = {}): string {
  const lineage = buildLineage(org, options);
  const ids = new Map<string, string>();
  const counters: Record<LineageNodeKind, number> = { dataset: 0, pipeline: 0, 'model-version': 0, deployment: 0 };
  for (const node of lineage.nodes) ids.set(node.key, `${SHAPES[node.kind].prefix}${++counters[node.kind]}`);
  const lines = ['flowchart LR'];
  for (const node of lineage.nodes.filter((candidate) => candidate.team === undefined)) lines.push(`  ${nodeLine(ids.get(node.key)!, node)}`);
  const teams = [...new Set(lineage.nodes.flatMap((node) => (node.team === undefined ? [] : [node.team])))].sort();
  teams.forEach((team, index) => {
    lines.push(`  subgraph team${index + 1}[${mermaidText(`team ${team}`)}]`);
    for (const node of lineage.nodes.filter((candidate) => candidate.team === team)) lines.push(`    ${nodeLine(ids.get(node.key)!, node)}`);
    lines.push('  end');
  });
  for (const edge of lineage.edges) {
    const label = edge.label === undefined ? '' : `|${mermaidText(edge.label)}|`;
    lines.push(`  ${ids.get(edge.from)!} -->${label} ${ids.get(edge.to)!}`);
  }
  return `${lines.join('\n')}\n`;
}
