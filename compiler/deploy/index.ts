/** The deploy core's public surface. */
export { deployCommitLink, type DeployCommitLink, deployCommitMessage, parseTrailers, sanitizeLine, TRAILERS } from './commit-trailers.ts';
export { deploy } from './deploy.ts';
export { deployEventOf, isDeployEvent, PROMOTION_LABEL, ROLLBACK_LABEL } from './deploy-event.ts';
export type * from './deploy-model.ts';
export { deployBranchOf, isSafeBranch } from './deploy-branch.ts';
export { DEPLOY_STATE_PATH, type DeployState, gitBlobId, isGeneratedPath, parseDeployState, renderedTreeHash, serializeDeployState, teamOfGeneratedPath } from './deploy-state.ts';
export { deployRepoOf, environmentClustersOf } from './platform-settings.ts';
