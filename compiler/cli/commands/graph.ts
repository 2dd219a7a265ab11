/** `mlops graph [dir] [--team T]`: print the lineage (dataset → pipeline → model version → deployment per env) as Mermaid. */
import { hasErrors } from '../../diagnostics/diagnostic.ts';
import { suggestionHint } from '../../diagnostics/suggest.ts';
import { lineageMermaid } from '../../graph/lineage-graph.ts';
import { validate } from '../../front-end.ts';
import { type CliCommand, UsageError } from '../command.ts';
import { formatDiagnostics } from '../format/diagnostics.ts';
import { readSourceTree } from '../fs-source.ts';
import { directoryArgument, wantsColor } from './validate.ts';

/** The `graph` command. */
export const command: CliCommand = {
  name: 'graph',
  summary: 'Print the lineage (dataset → pipeline → model version → deployment per environment) as Mermaid.',
  usage: [
    'Usage: mlops graph [dir] [--team T] [--markdown]',
    '',
    '  dir            root of the config repo (default: the current directory)',
    '  --team         only this team',
    '  --markdown     wrap the diagram in a ```mermaid fence (for PR comments and docs)',
    '',
    'Diagnostics go to stderr; the diagram to stdout.',
    'Exit codes: 0 printed, 1 config errors, 2 usage or I/O error.',
  ].join('\n'),
  options: { team: { type: 'string' }, markdown: { type: 'boolean' } },
  async run(input, io) {
    const team = input.values.team;
    if (team !== undefined && (typeof team !== 'string' || team === '')) throw new UsageError('--team needs a team name.');
    const dir = directoryArgument(input, io, 'graph');
    const tree = await readSourceTree(dir.absolute, { shown: dir.given });
    const result = validate(tree);
    const pathPrefix = dir.display === '' ? '' : `${dir.display}/`;
    if (result.diagnostics.length > 0) io.stderr(formatDiagnostics(result.diagnostics, tree, { color: wantsColor(io), format: 'human', pathPrefix }));
    if (!result.org || hasErrors(result.diagnostics)) return 1;
    const teams = result.org.teams.map((candidate) => candidate.name);
    if (team !== undefined && !teams.includes(team)) {
      const hint = suggestionHint(team, teams);
      throw new UsageError(`Unknown team \`${team}\`.${hint ? ` ${hint}` : ''}`);
    }
    const diagram = lineageMermaid(result.org, team === undefined ? {} : { team });
    io.stdout(input.values.markdown === true ? `\`\`\`mermaid\n${diagram}\`\`\`\n` : diagram);
    return 0;
  },
};
