/**
 * The rule model. A rule has an id (`k8s/…`, `ml/…`, `org/…`, `team/…`), a target (emitted
 * manifests, or the resolved config), a default mode, and documentation that `mlops explain` prints.
 * Rules return findings; the engine turns them into diagnostics using modes and waivers.
 */
import type { Manifest } from '../emit/manifest.ts';
import type { ResolvedOrg, SourceRef } from '../resolve/resolved-org.ts';
import type { ManifestIndex } from './manifest-index.ts';
import type { DefaultMode } from './policy-mode.ts';
import type { PodSpecView } from './pod-specs.ts';

/** What `mlops explain <rule>` prints and SARIF publishes. */
export interface RuleDocs {
  /** Short name, e.g. "No :latest images". */
  readonly title: string;
  /** What the rule checks and why it matters. */
  readonly description: string;
  /** How to fix a finding. */
  readonly fix: string;
}

/** What every rule declares. */
export interface RuleInfo extends RuleDocs {
  readonly id: string;
  readonly defaultMode: DefaultMode;
  /** False when no waiver may suspend it. @default true */
  readonly waivable?: boolean;
}

/** One violation of a rule. */
export interface RuleFinding {
  readonly message: string;
  /** Owning team; `''` for org-level objects. */
  readonly team: string;
  /** The waiver target it belongs to: `deployments/<name>`, `models/<name>`, `pipelines/<name>` or `team`. */
  readonly subject: string;
  /** Environment the finding is about, when it is about one (selects the mode). */
  readonly environment?: string;
  /** Where in the config the finding points. */
  readonly source?: SourceRef;
  /** The emitted object the finding is about (its source annotation is used when `source` is absent). */
  readonly manifest?: Manifest;
}

/** A violation found on one emitted object: the engine fills in team, subject, environment and location. */
export interface ManifestViolation {
  readonly message: string;
  /** The pod template it is in (a pipeline step's template maps back to that step's config). */
  readonly pod?: PodSpecView;
  /** The key of that step's config that caused it (`image`), so the finding points at that line. */
  readonly field?: string;
}

/** One emitted object with its pod specs found once for every rule. */
export interface ManifestTarget {
  readonly manifest: Manifest;
  readonly pods: readonly PodSpecView[];
}

/** What a manifest rule can see besides its object. */
export interface ManifestRuleContext {
  readonly org: ResolvedOrg;
  readonly index: ManifestIndex;
}

/** A rule over emitted Kubernetes objects. */
export interface ManifestRule extends RuleInfo {
  readonly scope: 'manifest';
  /** The rule reads only the object's pod specs, so objects without any (most of them) are skipped. */
  readonly podsOnly?: boolean;
  check(target: ManifestTarget, context: ManifestRuleContext): readonly ManifestViolation[];
}

/** What a config rule can see. */
export interface ConfigRuleContext {
  readonly org: ResolvedOrg;
  /** The base config of a change (for rules about transitions such as promotion), when known. */
  readonly base?: ResolvedOrg;
}

/** A rule over the resolved config. */
export interface ConfigRule extends RuleInfo {
  readonly scope: 'config';
  check(context: ConfigRuleContext): readonly RuleFinding[];
}

/** A built-in rule. */
export type BuiltInRule = ManifestRule | ConfigRule;
