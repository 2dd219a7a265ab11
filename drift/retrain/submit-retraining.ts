/**
 * Submits the retraining runs of a check that found drift: for each `retrain` target, a Workflow from
 * its WorkflowTemplate in the pipeline's namespace (what `argo submit --from workflowtemplate/<name>`
 * does). The name is fixed per template and UTC day, so hourly checks that keep finding drift submit
 * one run a day: the API server answers 409 to the later ones, which counts as already submitted. Every
 * target is tried; the failures are reported together.
 */
import type { DriftConfig, RetrainTarget } from '../config.ts';
import { DriftCheckError, networkReason, quote } from '../errors.ts';
import type { PostJson } from './kubernetes-api.ts';
import { retrainCredentials } from './retrain-credentials.ts';

/** What submitting needs from outside. */
export interface RetrainDependencies {
  readonly post: PostJson;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly serviceAccountDir: string;
}

/** A feature found drifting, for the Workflow's annotation. */
export interface DriftFinding {
  readonly feature: string;
  readonly score: number;
}

/** Name of the run of `template` on the UTC day of `nowMs`: `<template>-drift-<yyyymmdd>`, at most 63 characters. */
export function retrainWorkflowName(template: string, nowMs: number): string {
  const day = new Date(nowMs).toISOString().slice(0, 10).replace(/-/g, '');
  return `${template.slice(0, 48).replace(/[-.]+$/, '')}-drift-${day}`;
}

/** The Workflow submitted for one target. */
export function retrainWorkflow(config: DriftConfig, target: RetrainTarget, findings: readonly DriftFinding[], nowMs: number): Record<string, unknown> {
  const summary = findings.map((finding) => `${finding.feature} ${config.method} ${Number(finding.score.toPrecision(4))} > ${config.threshold}`).join('; ');
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: {
      name: retrainWorkflowName(target.workflowTemplate, nowMs),
      namespace: target.namespace,
      labels: { 'app.kubernetes.io/managed-by': 'cirrus-mlops', 'mlops.cirruslabs.io/trigger': 'drift', 'mlops.cirruslabs.io/pipeline': target.pipeline },
      annotations: { 'mlops.cirruslabs.io/drift': summary, 'mlops.cirruslabs.io/drift-source': `${config.cluster}/${config.namespace}/${config.deployment}` },
    },
    spec: { workflowTemplateRef: { name: target.workflowTemplate } },
  };
}

function statusMessage(body: string): string {
  try {
    const message = (JSON.parse(body) as { message?: unknown }).message;
    return typeof message === 'string' ? ` ${quote(message, 200)}` : '';
  } catch {
    return '';
  }
}

/** Submits one run per target; logs each outcome; throws one `DriftCheckError` naming every failure. */
export async function submitRetraining(config: DriftConfig, findings: readonly DriftFinding[], dependencies: RetrainDependencies, nowMs: number, log: (line: string) => void): Promise<void> {
  const failures: string[] = [];
  for (const target of config.retrain) {
    const workflow = retrainWorkflow(config, target, findings, nowMs);
    const name = (workflow.metadata as { name: string }).name;
    const where = `${quote(target.pipeline)} on ${quote(target.cluster)}`;
    try {
      const credentials = await retrainCredentials(target, dependencies.env, dependencies.serviceAccountDir);
      const url = `${target.server}/apis/argoproj.io/v1alpha1/namespaces/${encodeURIComponent(target.namespace)}/workflows`;
      const response = await dependencies.post(url, workflow, credentials).catch((error: unknown) => {
        throw new DriftCheckError(`cannot reach ${quote(target.server)}: ${networkReason(error)}`);
      });
      if (response.status === 200 || response.status === 201) log(`retraining ${where} submitted: Workflow ${target.namespace}/${name}`);
      else if (response.status === 409) log(`retraining ${where} already submitted today: Workflow ${target.namespace}/${name}`);
      else throw new DriftCheckError(`HTTP ${response.status}${statusMessage(response.body)}`);
    } catch (error) {
      if (!(error instanceof DriftCheckError)) throw error;
      failures.push(`retraining ${where} not submitted: ${error.message}`);
    }
  }
  if (failures.length > 0) throw new DriftCheckError(failures.join('; '));
}
