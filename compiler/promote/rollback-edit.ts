/**
 * The team-file edit of a rollback: `deployments.<deployment>.environments.<environment>` replaced by
 * the block as it was in an earlier revision of the team file (version, canary, traffic, replicas…),
 * everything else byte for byte. A block-style block is copied with its comments, re-indented; other
 * shapes are written as one flow mapping. Mistakes are diagnostics. Pure.
 */
import { isAlias, isMap, type Node, stringify } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { suggestionHint } from '../diagnostics/suggest.ts';
import { applySplices, columnOf, dataKey, hasAliasing, keysOf, nodeRange, pairOf, parsesTo, parseTeamFile, promoteDiagnostic, rangeAt, reindent } from './team-file-edit.ts';

/** Where the team file is and how to name the earlier revision in messages. */
export interface RollbackEditContext {
  /** Path of the team file in the config repo, for diagnostics. */
  readonly file: string;
  /** The earlier revision in words, e.g. "deploy seq 7 (abc1234)". */
  readonly earlier: string;
}

/** The result of `rollbackEdit`: the new text and both blocks as data, or the diagnostics that refuse it. */
export interface RollbackEditResult {
  readonly text?: string;
  /** The block now (as data). */
  readonly current?: Readonly<Record<string, unknown>>;
  /** The block restored (as data). */
  readonly restored?: Readonly<Record<string, unknown>>;
  readonly diagnostics: readonly Diagnostic[];
}

const refused = (diagnostic: Diagnostic): RollbackEditResult => ({ diagnostics: [diagnostic] });

/** Restores `deployments.<deployment>.environments.<environment>` of the current text to its earlier content. */
export function rollbackEdit(currentTeamFileText: string, earlierTeamFileText: string, deployment: string, environment: string, context: RollbackEditContext): RollbackEditResult {
  const { file } = context;
  const text = currentTeamFileText;
  const current = parseTeamFile(text);
  if (!current) return refused(promoteDiagnostic('ML814', `${file} does not parse as YAML, so it cannot be edited.`, file, rangeAt(text, 0)));
  const earlier = parseTeamFile(earlierTeamFileText);
  if (!earlier) return refused(promoteDiagnostic('ML814', `${file} at ${context.earlier} does not parse as YAML.`, file, rangeAt(text, 0)));
  const deployments = current.get('deployments', true);
  const deploymentPair = pairOf(deployments, deployment);
  if (!deploymentPair) {
    return refused(promoteDiagnostic('ML801', `${file} declares no deployment \`${deployment}\`.`, file, nodeRange(text, pairOf(current.contents, 'deployments') ?? null), suggestionHint(deployment, keysOf(deployments))));
  }
  const environments = pairOf(deploymentPair.value, 'environments')?.value;
  const environmentPair = pairOf(environments, environment);
  if (!environmentPair) {
    return refused(promoteDiagnostic('ML802', `\`${deployment}\` does not run in ${environment} now, so there is nothing to roll back there.`, file, nodeRange(text, deploymentPair.key), suggestionHint(environment, keysOf(environments))));
  }
  const earlierBlock = pairOf(pairOf(pairOf(earlier.get('deployments', true), deployment)?.value, 'environments')?.value, environment)?.value;
  if (isAlias(earlierBlock)) {
    return refused(promoteDiagnostic('ML814', `deployments.${deployment}.environments.${environment} at ${context.earlier} is a YAML alias, so it cannot be restored safely.`, file, nodeRange(text, environmentPair.key)));
  }
  if (!isMap(earlierBlock)) {
    return refused(promoteDiagnostic('ML812', `At ${context.earlier}, \`${deployment}\` did not run in ${environment}, so there is no block to restore.`, file, nodeRange(text, environmentPair.key)));
  }
  const block = environmentPair.value;
  if (!isMap(block) || !block.range || !earlierBlock.range || hasAliasing(block) || hasAliasing(earlierBlock) || hasAliasing(deploymentPair.value)) {
    return refused(promoteDiagnostic('ML814', `deployments.${deployment}.environments.${environment} (now or at ${context.earlier}) uses YAML anchors, aliases or merge keys, so it cannot be restored safely.`, file, nodeRange(text, environmentPair.key)));
  }
  const restored = earlierBlock.toJS(earlier) as Record<string, unknown>;
  const now = block.toJS(current) as Record<string, unknown>;
  if (dataKey(restored) === dataKey(now)) {
    return refused(promoteDiagnostic('ML813', `deployments.${deployment}.environments.${environment} is already as it was at ${context.earlier}.`, file, nodeRange(text, environmentPair.key)));
  }
  const expected = current.toJS() as { deployments: Record<string, { environments: Record<string, unknown> }> };
  expected.deployments[deployment]!.environments[environment] = restored;
  const candidates = [copiedBlock(text, block, earlierTeamFileText, earlierBlock), flowBlock(text, block, restored)];
  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    const result = applySplices(text, [candidate]);
    if (parsesTo(result, expected)) return { text: result, current: now, restored, diagnostics: [] };
  }
  return refused(promoteDiagnostic('ML814', `Restoring deployments.${deployment}.environments.${environment} in place would change more than that block.`, file, nodeRange(text, environmentPair.key)));
}

/** The earlier block's own text, re-indented to the current block's column (both block style). */
function copiedBlock(text: string, block: Node, earlierText: string, earlierBlock: Node) {
  const [start, end] = block.range!;
  const [earlierStart, earlierEnd] = earlierBlock.range!;
  const currentIsBlock = isMap(block) && !block.flow;
  const earlierIsBlock = isMap(earlierBlock) && !earlierBlock.flow;
  if (currentIsBlock !== earlierIsBlock) return undefined;
  let copy = reindent(earlierText.slice(earlierStart, earlierEnd), columnOf(earlierText, earlierStart), columnOf(text, start));
  const endsWithNewline = text[end - 1] === '\n';
  if (copy.endsWith('\n') && !endsWithNewline) copy = copy.slice(0, -1);
  if (!copy.endsWith('\n') && endsWithNewline) copy += '\n';
  return { start, end, text: copy };
}

/** The restored block as one flow mapping in place of the current block. */
function flowBlock(text: string, block: Node, restored: unknown) {
  const [start, end] = block.range!;
  const flow = stringify(restored, { collectionStyle: 'flow', lineWidth: 0 }).trimEnd();
  return { start, end, text: text[end - 1] === '\n' ? `${flow}\n` : flow };
}
