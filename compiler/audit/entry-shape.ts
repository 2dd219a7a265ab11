/**
 * Whether a parsed trail line has the shape of an audit entry, deeply enough that no reader (the
 * report's figures, promotion, `mlops audit`) can trip on it: the deploy repo is writable by more than
 * the bot, so a line is data to check, not to trust. Cheap (no hashing): every array a reader walks is
 * checked item by item. Pure.
 */

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const optional = (value: unknown, test: (value: unknown) => boolean) => value === undefined || test(value);
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const TIERS = new Set(['development', 'staging', 'production']);
const RISK_TIERS = new Set(['low', 'medium', 'high']);
const ACTIONS = new Set(['added', 'changed', 'removed']);

function isChange(value: unknown): boolean {
  if (!isObject(value)) return false;
  const metrics = value.metrics;
  return (
    isString(value.team) &&
    isString(value.deployment) &&
    isString(value.model) &&
    isString(value.environment) &&
    TIERS.has(value.tier as string) &&
    RISK_TIERS.has(value.riskTier as string) &&
    ACTIONS.has(value.action as string) &&
    optional(value.versionAfter, isString) &&
    optional(value.canary, (canary) => isObject(canary) && isString(canary.version) && isFiniteNumber(canary.traffic)) &&
    optional(metrics, (table) => isObject(table) && Object.values(table).every(isFiniteNumber))
  );
}

function isApproval(value: unknown): boolean {
  return isObject(value) && isString(value.id) && isFiniteNumber(value.count) && typeof value.satisfied === 'boolean';
}

function isWaiver(value: unknown): boolean {
  return isObject(value) && isString(value.rule) && isString(value.target) && isString(value.team) && isString(value.expires) && optional(value.ticket, isString) && optional(value.approvedBy, isString);
}

/** The entry's time in milliseconds when `value` has the shape of an entry (and a `time` that parses), else NaN. */
export function entryTime(value: unknown): number {
  if (!isObject(value) || !Number.isSafeInteger(value.seq) || (value.seq as number) < 1 || !isString(value.time) || !isString(value.event)) return Number.NaN;
  const { source, deploy, policy } = value;
  const shaped =
    isString(value.actor) &&
    isString(value.prev) &&
    isString(value.hash) &&
    isObject(source) &&
    isString(source.repo) &&
    isString(source.sha) &&
    optional(source.pr, isFiniteNumber) &&
    optional(source.prOpenedAt, isString) &&
    optional(source.author, isString) &&
    isObject(deploy) &&
    isString(deploy.treeHash) &&
    optional(deploy.cluster, isString) &&
    Array.isArray(value.approvers) &&
    value.approvers.every(isString) &&
    Array.isArray(value.approvals) &&
    value.approvals.every(isApproval) &&
    Array.isArray(value.environments) &&
    value.environments.every(isString) &&
    Array.isArray(value.teams) &&
    value.teams.every(isString) &&
    Array.isArray(value.changes) &&
    value.changes.every(isChange) &&
    isObject(policy) &&
    typeof policy.passed === 'boolean' &&
    isFiniteNumber(policy.errors) &&
    Array.isArray(policy.waivers) &&
    policy.waivers.every(isWaiver);
  return shaped ? Date.parse(value.time) : Number.NaN;
}

