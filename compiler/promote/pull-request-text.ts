/**
 * Renders the pull request of a promotion or a rollback: title, branch, commit message and body.
 * The body is the handlebars template `templates/promote/pull-request.md.hbs` (its source is an input:
 * the shell reads it) fed with the pure sections of pull-request-sections.ts. Pure.
 */
import Handlebars from 'handlebars';
import type { AuditEntry } from '../audit/audit-entry.ts';
import { escapeInline, inlineCode } from '../plan/report/escape.ts';
import type { PromotionAllowed } from './promotion-allowed.ts';
import type { PromotionChange } from './promotion-edit.ts';
import {
  canaryNote,
  PULL_REQUEST_MARKER,
  promotionBranch,
  promotionEvidence,
  promotionTitle,
  rollbackBranch,
  rollbackDescription,
  rollbackEvidence,
  rollbackTitle,
} from './pull-request-sections.ts';

/** The template sources (see `templates/promote/`). */
export interface PromoteTemplates {
  readonly pullRequest: string;
}

/** Everything needed to open the pull request. */
export interface PullRequestText {
  readonly title: string;
  readonly branch: string;
  readonly commitMessage: string;
  /** Markdown, starting with {@link PULL_REQUEST_MARKER}. */
  readonly body: string;
  /** One line: what the pull request does. */
  readonly description: string;
}

/** What the template sees. */
export interface PullRequestView {
  readonly marker: string;
  readonly title: string;
  readonly summary: string;
  readonly changes: readonly string[];
  readonly evidenceTitle: string;
  readonly evidence: readonly string[];
  readonly notes: readonly string[];
  readonly command: 'promote' | 'rollback';
  readonly requestedBy?: string;
}

/** Compiles the pull-request template (throws on a malformed template: a bug, caught by tests). */
export function compilePullRequestTemplate(templates: PromoteTemplates): (view: PullRequestView) => string {
  const render = Handlebars.create().compile<PullRequestView>(templates.pullRequest, { noEscape: true, strict: false, knownHelpersOnly: true });
  return (view) => `${render(view).replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** Inputs of a promotion pull request. */
export interface PromotionPullRequestInput {
  readonly team: string;
  readonly file: string;
  readonly change: PromotionChange;
  readonly decision: PromotionAllowed;
  /** The audit trail the decision was made on (to name the deploy that put the version in the source environment). */
  readonly trail?: readonly AuditEntry[];
  /** GitHub login (or local user) who asked. */
  readonly requestedBy?: string;
}

/** The pull request of a promotion. */
export function promotionPullRequest(input: PromotionPullRequestInput, templates: PromoteTemplates): PullRequestText {
  const { change } = input;
  const title = promotionTitle(change);
  const note = canaryNote(change);
  const view: PullRequestView = {
    marker: PULL_REQUEST_MARKER,
    title: escapeInline(title),
    summary: `Promotes ${inlineCode(change.deployment)} (team ${inlineCode(input.team)}, model ${inlineCode(change.model)}) to ${inlineCode(change.version)} in ${inlineCode(change.environment)}, after it soaked in ${inlineCode(input.decision.from)}.`,
    changes: [`${escapeInline(change.description)}: ${inlineCode(`deployments.${change.deployment}.environments.${change.environment}.version`)} in ${inlineCode(input.file)}`],
    evidenceTitle: 'Why the promotion path allows it',
    evidence: promotionEvidence(input.decision, change, input.trail ?? []),
    notes: note ? [note] : [],
    command: 'promote',
    ...(input.requestedBy !== undefined ? { requestedBy: escapeInline(input.requestedBy) } : {}),
  };
  const body = compilePullRequestTemplate(templates)(view);
  return { title, branch: promotionBranch(change), commitMessage: `${title}\n\n${change.description}.\n${input.decision.reason}\n`, body, description: change.description };
}

/** Inputs of a rollback pull request. */
export interface RollbackPullRequestInput {
  readonly team: string;
  readonly file: string;
  readonly deployment: string;
  readonly environment: string;
  readonly current: Readonly<Record<string, unknown>>;
  readonly restored: Readonly<Record<string, unknown>>;
  readonly target: AuditEntry;
  readonly undone?: AuditEntry;
  readonly requestedBy?: string;
}

/** The pull request of a rollback. */
export function rollbackPullRequest(input: RollbackPullRequestInput, templates: PromoteTemplates): PullRequestText {
  const title = rollbackTitle(input.deployment, input.environment, input.restored, input.target);
  const description = rollbackDescription(input.deployment, input.environment, input.current, input.restored, input.target);
  const view: PullRequestView = {
    marker: PULL_REQUEST_MARKER,
    title: escapeInline(title),
    summary: `Rolls ${inlineCode(input.deployment)} (team ${inlineCode(input.team)}) in ${inlineCode(input.environment)} back to the desired state of an earlier deploy, by restoring its environment block in ${inlineCode(input.file)}.`,
    changes: [escapeInline(description)],
    evidenceTitle: 'What it undoes',
    evidence: rollbackEvidence(input.target, input.undone),
    notes: [],
    command: 'rollback',
    ...(input.requestedBy !== undefined ? { requestedBy: escapeInline(input.requestedBy) } : {}),
  };
  const body = compilePullRequestTemplate(templates)(view);
  return { title, branch: rollbackBranch(input.deployment, input.environment, input.target), commitMessage: `${title}\n\n${description}.\n`, body, description };
}
