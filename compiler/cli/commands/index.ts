/**
 * Every CLI command, in the order `mlops --help` lists them: light descriptors whose `load` imports
 * the command's module only when it runs. A new command is one `lazyCommand` line here (its summary
 * must equal the module's; test/cli/commands/registry.test.ts checks).
 */
import { type CommandDescriptor, lazyCommand } from '../command-descriptor.ts';

/** The registry. */
export const COMMANDS: readonly CommandDescriptor[] = [
  lazyCommand('validate', 'Check config files against the schemas and each other; report errors at file:line:column.', () => import('./validate.ts')),
  lazyCommand('compile', 'Compile the config repo to Kubernetes manifests (clusters/<cluster>/<team>/…, argocd/…, registry.json).', () => import('./compile.ts')),
  lazyCommand('check', 'Evaluate policies (Kubernetes baseline, ML governance, org and team rules) with waivers.', () => import('./check.ts')),
  lazyCommand('plan', 'Show what a change does: rendered resources, model versions and traffic, approvals needed, risk.', () => import('./plan.ts')),
  lazyCommand('explain', 'Print the documentation of a policy rule or diagnostic code.', () => import('./explain.ts')),
  lazyCommand('graph', 'Print the lineage (dataset → pipeline → model version → deployment per environment) as Mermaid.', () => import('./graph.ts')),
  lazyCommand('deploy', 'Render a config commit and push it to the deploy repo as one commit with an audit entry (what the bot does on merge).', () => import('./deploy.ts')),
  lazyCommand('audit', 'Verify the deploy repo\'s hash-chained audit trail (and commit signatures), or list its entries.', () => import('./audit.ts')),
  lazyCommand('promote', 'Open a promotion: a branch that moves a model version into the next environment, once it has soaked.', () => import('./promote.ts')),
  lazyCommand('rollback', "Open a rollback: a branch that restores a deployment's environment block as it was at an earlier deploy.", () => import('./rollback.ts')),
  lazyCommand('report', 'The rollout dashboard: success criteria and KPIs measured from the deploy repo\'s audit trail.', () => import('./report.ts')),
  lazyCommand('demo', 'A guided end-to-end tour on a temporary copy of sample-repo/ (validate, compile, check, plan, deploy, audit, promote, rollback, report).', () => import('./demo.ts')),
];
