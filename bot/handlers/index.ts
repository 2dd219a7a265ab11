/**
 * Every handler module of the bot; each exports `register(app, dependencies)`. Adding a handler is one
 * line here (the deploy handlers register through the same shape).
 */
import type { Probot } from 'probot';
import type { BotDependencies } from '../bot-dependencies.ts';
import * as checkRerun from './check-rerun.ts';
import * as deploy from './deploy.ts';
import * as issueComment from './issue-comment.ts';
import * as mergeGroup from './merge-group.ts';
import * as pullRequest from './pull-request.ts';
import * as pullRequestReview from './pull-request-review.ts';

/** A handler module. */
export interface HandlerModule {
  register(app: Probot, dependencies: BotDependencies): void;
}

/** The handlers the app wires, in order. */
export const HANDLERS: readonly HandlerModule[] = [pullRequest, pullRequestReview, checkRerun, mergeGroup, issueComment, deploy];
