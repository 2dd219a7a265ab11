/**
 * The team-file edit of a promotion: `deployments.<deployment>.environments.<environment>.version`
 * set to the promoted version (the environment block added, as `version` only, when the deployment
 * did not run there). Only that value changes — and, when the environment's canary ran the promoted
 * version, its `canary` entry goes (a canary of the stable version is invalid, ML304): the promotion
 * completes it. Everything else stays byte for byte. Mistakes are diagnostics. Pure.
 */
import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { suggestionHint } from '../diagnostics/suggest.ts';
import {
  applySplices,
  columnOf,
  hasAliasing,
  keysOf,
  nodeRange,
  pairOf,
  pairRemoval,
  parsesTo,
  parseTeamFile,
  promoteDiagnostic,
  rangeAt,
  type TextSplice,
  versionScalar,
} from './team-file-edit.ts';

/** What a promotion changes, in ML terms. */
export interface PromotionChange {
  readonly deployment: string;
  readonly model: string;
  readonly environment: string;
  readonly version: string;
  /** The stable version before, or undefined when the deployment did not run in the environment. */
  readonly versionBefore?: string;
  /** The environment's canary before the promotion. */
  readonly canary?: { readonly version: string; readonly traffic: number };
  /** True when the canary ran the promoted version: the promotion completes it and removes its block. */
  readonly canaryCompleted: boolean;
  /** One line, e.g. "prod: fraud-api 1.4.0 → 1.5.0 (model fraud-detector)". */
  readonly description: string;
}

/** Where the team file is and which environments the platform declares. */
export interface PromotionEditContext {
  /** Path of the team file in the config repo, for diagnostics. */
  readonly file: string;
  /** The platform's environments. */
  readonly environments: readonly string[];
}

/** The result of `promotionEdit`: the new text and the change, or the diagnostics that refuse it. */
export interface PromotionEditResult {
  readonly text?: string;
  readonly change?: PromotionChange;
  readonly diagnostics: readonly Diagnostic[];
}

const refused = (diagnostic: Diagnostic): PromotionEditResult => ({ diagnostics: [diagnostic] });

function canaryOf(block: unknown): PromotionChange['canary'] {
  const canary = (block as { canary?: { version?: unknown; traffic?: unknown } } | undefined)?.canary;
  return canary && typeof canary.version === 'string' && typeof canary.traffic === 'number' ? { version: canary.version, traffic: canary.traffic } : undefined;
}

/** Sets the stable version of `deployment` in `environment` to `version` in the team file text. */
export function promotionEdit(teamFileText: string, deployment: string, version: string, environment: string, context: PromotionEditContext): PromotionEditResult {
  const { file } = context;
  const text = teamFileText;
  const doc = parseTeamFile(text);
  if (!doc) return refused(promoteDiagnostic('ML814', `${file} does not parse as YAML, so it cannot be edited.`, file, rangeAt(text, 0)));
  const deployments = doc.get('deployments', true);
  const deploymentPair = pairOf(deployments, deployment);
  if (!deploymentPair) {
    return refused(promoteDiagnostic('ML801', `${file} declares no deployment \`${deployment}\`.`, file, nodeRange(text, pairOf(doc.contents, 'deployments') ?? null), suggestionHint(deployment, keysOf(deployments))));
  }
  const where = nodeRange(text, deploymentPair.key);
  if (!context.environments.includes(environment)) {
    return refused(promoteDiagnostic('ML802', `The platform declares no environment \`${environment}\`.`, file, where, suggestionHint(environment, context.environments)));
  }
  const deploymentNode = deploymentPair.value;
  const environmentsPair = pairOf(deploymentNode, 'environments');
  const environments = environmentsPair?.value;
  if (hasAliasing(deploymentNode) || !isMap(environments)) {
    return refused(promoteDiagnostic('ML814', `Deployment \`${deployment}\` uses YAML anchors, aliases or merge keys, or has no \`environments\` map, so it cannot be edited safely.`, file, where));
  }
  const modelNode = pairOf(deploymentNode, 'model')?.value;
  const model = isScalar(modelNode) ? String(modelNode.value) : '';
  const versions = keysOf(doc.getIn(['models', model, 'versions'], true));
  if (!versions.includes(version)) {
    return refused(promoteDiagnostic('ML803', `${version} is not a registered version of model \`${model}\` (models.${model}.versions).`, file, nodeRange(text, modelNode ?? deploymentPair.key), suggestionHint(version, versions)));
  }
  const environmentPair = pairOf(environments, environment);
  const block = environmentPair?.value;
  const before: unknown = isMap(block) ? block.toJS(doc) : undefined;
  const canary = canaryOf(before);
  const splices: TextSplice[] = [];
  let versionBefore: string | undefined;
  let canaryDone = false;
  if (environmentPair) {
    const versionNode = pairOf(block, 'version')?.value;
    if (!isMap(block) || !isScalar(versionNode) || !versionNode.range) {
      return refused(promoteDiagnostic('ML814', `deployments.${deployment}.environments.${environment} has no plain \`version\` to change.`, file, nodeRange(text, environmentPair.key)));
    }
    versionBefore = String(versionNode.value);
    if (versionBefore === version) {
      return refused(promoteDiagnostic('ML804', `\`${deployment}\` already serves ${version} in ${environment}.`, file, nodeRange(text, versionNode)));
    }
    splices.push({ start: versionNode.range[0], end: versionNode.range[1], text: versionScalar(version, versionNode) });
    const canaryPair = pairOf(block, 'canary');
    if (canary?.version === version && canaryPair) {
      const removal = pairRemoval(text, block as YAMLMap<Node, Node | null>, canaryPair);
      if (!removal) return refused(promoteDiagnostic('ML814', `The canary of deployments.${deployment}.environments.${environment} cannot be removed in place.`, file, nodeRange(text, canaryPair.key)));
      splices.push(removal);
      canaryDone = true;
    }
  } else {
    splices.push(addedEnvironment(text, environments as YAMLMap<Node, Node | null>, environment, version));
  }
  const result = applySplices(text, splices);
  const expected = doc.toJS() as { deployments: Record<string, { environments: Record<string, Record<string, unknown>> }> };
  const environmentsData = expected.deployments[deployment]!.environments;
  environmentsData[environment] = { ...(environmentsData[environment] ?? {}), version };
  if (canaryDone) delete environmentsData[environment]!.canary;
  if (!parsesTo(result, expected)) {
    return refused(promoteDiagnostic('ML814', `Setting deployments.${deployment}.environments.${environment}.version in place would change more than that value.`, file, where));
  }
  const description =
    versionBefore === undefined
      ? `${environment}: ${deployment} now serves ${version} (model ${model}; it did not run in ${environment} before)`
      : `${environment}: ${deployment} ${versionBefore} → ${version} (model ${model}${canaryDone ? `; completes the ${canary!.traffic} % canary of ${version}, whose block is removed` : ''})`;
  return {
    text: result,
    change: { deployment, model, environment, version, ...(versionBefore !== undefined ? { versionBefore } : {}), ...(canary ? { canary } : {}), canaryCompleted: canaryDone, description },
    diagnostics: [],
  };
}

/** The splice that adds `<environment>: { version }` at the end of the deployment's `environments` map. */
function addedEnvironment(text: string, environments: YAMLMap<Node, Node | null>, environment: string, version: string): TextSplice {
  const key = /^[A-Za-z0-9_-]+$/.test(environment) ? environment : JSON.stringify(environment);
  const value = versionScalar(version);
  const last = environments.items.at(-1);
  const range = environments.range!;
  if (environments.flow || !last) {
    if (!last) return { start: range[0], end: range[1], text: `{ ${key}: { version: ${value} } }` };
    const end = (last.value as Node | null)?.range?.[1] ?? (last.key as Node).range![1];
    return { start: end, end, text: `, ${key}: { version: ${value} }` };
  }
  const keyColumn = columnOf(text, (last.key as Node).range![0]);
  const lastValue = last.value as Node | null;
  const childColumn = isMap(lastValue) && !lastValue.flow && lastValue.range ? columnOf(text, lastValue.range[0]) : keyColumn + 2;
  const entry = `${' '.repeat(keyColumn)}${key}:\n${' '.repeat(childColumn)}version: ${value}\n`;
  const at = range[1];
  return { start: at, end: at, text: text[at - 1] === '\n' || at === 0 ? entry : `\n${entry.trimEnd()}` };
}
