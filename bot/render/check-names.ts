/** The check runs the bot reports, by role; branch protection can require each name. */

/** Names of the bot's check runs. */
export const CHECK_NAMES = { validate: 'mlops/validate', policy: 'mlops/policy', approvals: 'mlops/approvals' } as const;

/** Every check name, in reporting order. */
export const ALL_CHECK_NAMES: readonly string[] = [CHECK_NAMES.validate, CHECK_NAMES.policy, CHECK_NAMES.approvals];
