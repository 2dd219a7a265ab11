/**
 * The forge as the bot's core sees it: a small interface over GitHub (checks, comments, reviews, team
 * membership, permissions, reactions). The Octokit implementation is `octokit-forge.ts`; the core never
 * sees Octokit, so it is tested without HTTP and could run against another forge.
 */
import type { RepositoryName } from '../git/clone-url.ts';

/** Level of a line annotation. */
export type AnnotationLevel = 'notice' | 'warning' | 'failure';

/** A line annotation of a check run (GitHub's shape). */
export interface CheckAnnotation {
  readonly path: string;
  readonly start_line: number;
  readonly end_line: number;
  readonly start_column?: number;
  readonly end_column?: number;
  readonly annotation_level: AnnotationLevel;
  readonly message: string;
  readonly title?: string;
}

/** How a completed check run ended. */
export type CheckConclusion = 'success' | 'failure' | 'neutral';

/** What a check run says. */
export interface CheckRunOutput {
  readonly title: string;
  readonly summary: string;
  readonly text?: string;
}

/** A check run the bot writes (annotations are sent in batches by the publisher, not here). */
export interface CheckRunWrite {
  readonly name: string;
  readonly headSha: string;
  readonly status: 'in_progress' | 'completed';
  readonly conclusion?: CheckConclusion;
  readonly output: CheckRunOutput;
  /** At most 50 (GitHub's per-request limit). */
  readonly annotations?: readonly CheckAnnotation[];
  readonly detailsUrl?: string;
  readonly externalId?: string;
}

/** A check run found on a commit. */
export interface CheckRunRecord {
  readonly id: number;
  readonly name: string;
  readonly headSha: string;
  readonly status: string;
  readonly conclusion: string | null;
  readonly externalId: string | null;
  readonly annotationsCount: number;
}

/** An issue or pull-request comment. */
export interface CommentRecord {
  readonly id: number;
  readonly body: string;
  readonly url: string;
  /** True when the authenticated app wrote it. */
  readonly byBot: boolean;
}

/** A review of a pull request. */
export interface ReviewRecord {
  readonly id: number;
  readonly reviewer: string;
  readonly state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  /** The commit the review was given on. */
  readonly commitId: string;
}

/** What the bot needs of a pull request. */
export interface PullRequestRecord {
  readonly number: number;
  readonly state: 'open' | 'closed';
  readonly headSha: string;
  readonly baseRef: string;
  readonly baseSha: string;
  readonly author: string;
  readonly url: string;
}

/** A repository permission level (GitHub's, `none` when the user has no access). */
export type PermissionLevel = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

/** Reactions the bot uses. */
export type Reaction = 'eyes' | '-1' | '+1' | 'confused';

/** API calls and writes one forge made (one forge serves one event). */
export interface ForgeStats {
  readonly calls: number;
  /** Content-creating requests (POST, PATCH, PUT, DELETE). */
  readonly writes: number;
}

/** The forge operations of the core. */
export interface Forge {
  getPullRequest(repository: RepositoryName, number: number): Promise<PullRequestRecord>;
  listReviews(repository: RepositoryName, number: number): Promise<ReviewRecord[]>;
  /** True when the user is an active member of the team (`org/team-slug`). */
  isTeamMember(org: string, teamSlug: string, user: string): Promise<boolean>;
  permissionOf(repository: RepositoryName, user: string): Promise<PermissionLevel>;
  /** The bot's check runs on a commit with one of `names`. */
  listCheckRuns(repository: RepositoryName, headSha: string, names: readonly string[]): Promise<CheckRunRecord[]>;
  createCheckRun(repository: RepositoryName, run: CheckRunWrite): Promise<number>;
  updateCheckRun(repository: RepositoryName, id: number, run: Partial<CheckRunWrite>): Promise<void>;
  /** Comments of an issue or pull request that contain `marker`, oldest first. */
  findComments(repository: RepositoryName, number: number, marker: string): Promise<CommentRecord[]>;
  createComment(repository: RepositoryName, number: number, body: string): Promise<CommentRecord>;
  updateComment(repository: RepositoryName, id: number, body: string): Promise<void>;
  deleteComment(repository: RepositoryName, id: number): Promise<void>;
  reactToComment(repository: RepositoryName, commentId: number, reaction: Reaction): Promise<void>;
  /** Calls and writes so far. */
  stats(): ForgeStats;
}
