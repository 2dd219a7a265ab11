/**
 * A promotion from request to pull request, without I/O: validate the config, find the deployment,
 * edit its team file, check the promotion path against the audit trail, check that the edited config
 * still validates, render the pull request. The CLI and the bot call this and do the git/GitHub side.
 */
import type { AuditEntry } from '../audit/audit-entry.ts';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import type { SourceTree } from '../load/source-tree.ts';
import { validate } from '../pipeline.ts';
import { findDeployment } from './deployment-lookup.ts';
import { type PromotionAllowed, promotionAllowed } from './promotion-allowed.ts';
import { type PromotionChange, promotionEdit } from './promotion-edit.ts';
import { type PromoteTemplates, type PullRequestText, promotionPullRequest } from './pull-request-text.ts';
import { fileText, type Refusal, refusalFromDiagnostics, withFile } from './refusal.ts';

/** What was asked. */
export interface PromotionRequest {
  /** `name` or `team/name`. */
  readonly deployment: string;
  readonly version: string;
  readonly environment: string;
}

/** Everything a promotion needs besides the request. */
export interface PromotionInputs {
  /** The config repo at the revision the pull request starts from. */
  readonly tree: SourceTree;
  readonly trail: readonly AuditEntry[];
  readonly now: Date;
  readonly templates: PromoteTemplates;
  readonly requestedBy?: string;
  /** Deploy `seq` → deploy-repo commit, when known. */
  readonly deployCommits?: ReadonlyMap<number, string>;
}

/** A change ready to commit: the one file to write and the pull request to open. */
export interface PreparedChange {
  readonly team: string;
  /** Path of the team file, relative to the config root. */
  readonly file: string;
  readonly text: string;
  readonly pullRequest: PullRequestText;
}

/** A promotion ready to commit, with the evidence. */
export interface PreparedPromotion extends PreparedChange {
  readonly change: PromotionChange;
  readonly decision: PromotionAllowed;
}

/** Prepares a promotion, or says why not. */
export function preparePromotion(request: PromotionRequest, inputs: PromotionInputs): { readonly prepared: PreparedPromotion } | { readonly refusal: Refusal } {
  const validated = validate(inputs.tree);
  if (!validated.org) return { refusal: refusalFromDiagnostics(validated.diagnostics, 'The config repo has errors; fix them before promoting.') };
  const org = validated.org;
  const lookup = findDeployment(org, request.deployment);
  if (!('found' in lookup)) return { refusal: { code: 'ML801', reason: lookup.reason, ...(lookup.hint !== undefined ? { hint: lookup.hint } : {}), diagnostics: [] } };
  const { team, deployment } = lookup.found;
  const source = inputs.tree.files.find((file) => file.path === team.file)!;
  const environments = org.platform.environments.map((environment) => environment.name);
  const edit = promotionEdit(fileText(source), deployment.name, request.version, request.environment, { file: team.file, environments });
  if (!edit.text || !edit.change) return { refusal: refusalFromDiagnostics(edit.diagnostics) };
  const decision = promotionAllowed(org, inputs.trail, `${team.name}/${deployment.name}`, request.version, request.environment, inputs.now, inputs.deployCommits ? { deployCommits: inputs.deployCommits } : {});
  if (!decision.allowed) return { refusal: { code: decision.code, reason: decision.reason, ...(decision.hint !== undefined ? { hint: decision.hint } : {}), diagnostics: [] } };
  const after = validate(withFile(inputs.tree, team.file, edit.text));
  if (hasErrors(after.diagnostics)) return { refusal: refusalFromDiagnostics(after.diagnostics, `After the promotion the config would have errors: ${after.diagnostics.find((diagnostic) => diagnostic.severity === 'error')!.message}`) };
  const pullRequest = promotionPullRequest({ team: team.name, file: team.file, change: edit.change, decision, trail: inputs.trail, ...(inputs.requestedBy !== undefined ? { requestedBy: inputs.requestedBy } : {}) }, inputs.templates);
  return { prepared: { team: team.name, file: team.file, text: edit.text, pullRequest, change: edit.change, decision } };
}
