/**
 * A rollback from request to pull request, without I/O, in two steps: `locateRollback` finds the
 * deployment and, from the audit trail, the deploy to restore (the shell then reads the team file at
 * that deploy's source SHA); `prepareRollback` edits the current team file, checks that the config
 * still validates and renders the pull request.
 */
import type { AuditEntry } from '../audit/audit-entry.ts';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import type { SourceTree } from '../load/source-tree.ts';
import { validate } from '../pipeline.ts';
import { suggestionHint } from '../diagnostics/suggest.ts';
import { findDeployment } from './deployment-lookup.ts';
import type { PreparedChange } from './prepare-promotion.ts';
import { type PromoteTemplates, rollbackPullRequest } from './pull-request-text.ts';
import { fileText, type Refusal, refusalFromDiagnostics, withFile } from './refusal.ts';
import { rollbackEdit } from './rollback-edit.ts';
import { rollbackTarget } from './rollback-target.ts';

/** What was asked. */
export interface RollbackRequest {
  /** `name` or `team/name`. */
  readonly deployment: string;
  readonly environment: string;
  /** The audit `seq` of the deploy to restore; by default the one before the last change. */
  readonly toSeq?: number;
}

/** The deployment and the deploy to restore. */
export interface LocatedRollback {
  readonly team: string;
  readonly deployment: string;
  readonly environment: string;
  /** Path of the team file, relative to the config root. */
  readonly file: string;
  readonly target: AuditEntry;
  readonly undone?: AuditEntry;
}

/** Finds what to restore, or says why not. */
export function locateRollback(request: RollbackRequest, tree: SourceTree, trail: readonly AuditEntry[]): { readonly located: LocatedRollback } | { readonly refusal: Refusal } {
  const validated = validate(tree);
  if (!validated.org) return { refusal: refusalFromDiagnostics(validated.diagnostics, 'The config repo has errors; fix them before rolling back.') };
  const org = validated.org;
  const environments = org.platform.environments.map((environment) => environment.name);
  if (!environments.includes(request.environment)) {
    const hint = suggestionHint(request.environment, environments);
    return { refusal: { code: 'ML802', reason: `The platform declares no environment \`${request.environment}\`.`, ...(hint !== undefined ? { hint } : {}), diagnostics: [] } };
  }
  const lookup = findDeployment(org, request.deployment);
  if (!('found' in lookup)) return { refusal: { code: 'ML801', reason: lookup.reason, ...(lookup.hint !== undefined ? { hint: lookup.hint } : {}), diagnostics: [] } };
  const { team, deployment } = lookup.found;
  const found = rollbackTarget(trail, { team: team.name, deployment: deployment.name, environment: request.environment }, request.toSeq);
  if ('code' in found) return { refusal: { code: found.code, reason: found.reason, ...(found.hint !== undefined ? { hint: found.hint } : {}), diagnostics: [] } };
  return { located: { team: team.name, deployment: deployment.name, environment: request.environment, file: team.file, target: found.target, ...(found.undone ? { undone: found.undone } : {}) } };
}

/** Everything `prepareRollback` needs besides the located rollback. */
export interface RollbackInputs {
  readonly tree: SourceTree;
  /** The team file at the target deploy's `source.sha`, or undefined when it did not exist there. */
  readonly earlierText: string | undefined;
  readonly templates: PromoteTemplates;
  readonly requestedBy?: string;
}

/** Prepares the rollback edit and pull request, or says why not. */
export function prepareRollback(located: LocatedRollback, inputs: RollbackInputs): { readonly prepared: PreparedChange } | { readonly refusal: Refusal } {
  const { target } = located;
  const sha = target.source.sha.slice(0, 7);
  if (inputs.earlierText === undefined) {
    return { refusal: { code: 'ML812', reason: `At deploy seq ${target.seq} (${sha}) the config repo had no ${located.file}.`, diagnostics: [] } };
  }
  const source = inputs.tree.files.find((file) => file.path === located.file)!;
  const edit = rollbackEdit(fileText(source), inputs.earlierText, located.deployment, located.environment, { file: located.file, earlier: `deploy seq ${target.seq} (${sha})` });
  if (!edit.text || !edit.current || !edit.restored) return { refusal: refusalFromDiagnostics(edit.diagnostics) };
  const after = validate(withFile(inputs.tree, located.file, edit.text));
  if (hasErrors(after.diagnostics)) return { refusal: refusalFromDiagnostics(after.diagnostics, `After the rollback the config would have errors: ${after.diagnostics.find((diagnostic) => diagnostic.severity === 'error')!.message}`) };
  const pullRequest = rollbackPullRequest(
    { team: located.team, file: located.file, deployment: located.deployment, environment: located.environment, current: edit.current, restored: edit.restored, target, ...(located.undone ? { undone: located.undone } : {}), ...(inputs.requestedBy !== undefined ? { requestedBy: inputs.requestedBy } : {}) },
    inputs.templates,
  );
  return { prepared: { team: located.team, file: located.file, text: edit.text, pullRequest } };
}
