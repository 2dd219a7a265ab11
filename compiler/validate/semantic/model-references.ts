/**
 * References inside a team file resolve: deployments, variants and extra models name declared
 * models (ML302) and versions (ML303); lineage names a pipeline (ML305); monitoring and retraining
 * name a deployment (ML306). Unknown names get a "did you mean" hint.
 */
import type { Team } from '../../config/types.generated.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../../diagnostics/report.ts';
import { formatList, suggestionHint } from '../../diagnostics/suggest.ts';
import type { DataPath, ParsedFile } from '../../load/parsed-file.ts';
import type { ValidTeamFile } from '../validated-config.ts';
import { EMPTY_RECORD } from '../../support/own.ts';

function withHint(hint: string | undefined): { hint?: string } {
  return hint ? { hint } : {};
}

/** Checks a model name and (when the model exists) a version; returns the diagnostics. */
function modelVersionCheck(file: ParsedFile, team: Team, model: string, modelPath: DataPath, version: string | undefined, versionPath: DataPath): Diagnostic[] {
  const models = team.models ?? EMPTY_RECORD;
  const declared = models[model];
  if (!declared) {
    const names = Object.keys(models);
    return [diagnosticAt(file, modelPath, 'ML302', `Model \`${model}\` is not declared by team \`${team.metadata.name}\`.`, withHint(suggestionHint(model, names) ?? 'Declare it under `models:`.'))];
  }
  if (version === undefined || declared.versions[version]) return [];
  const versions = Object.keys(declared.versions);
  return [diagnosticAt(file, versionPath, 'ML303', `Model \`${model}\` has no version ${JSON.stringify(version)}; it declares ${formatList(versions)}.`, withHint(suggestionHint(version, versions)))];
}

function deploymentReferences(file: ParsedFile, team: Team): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [name, deployment] of Object.entries(team.deployments ?? {})) {
    const base = ['deployments', name];
    const modelPath = [...base, 'model'];
    if (!team.models?.[deployment.model]) {
      diagnostics.push(...modelVersionCheck(file, team, deployment.model, modelPath, undefined, modelPath));
    } else {
      for (const [environment, entry] of Object.entries(deployment.environments)) {
        const at = [...base, 'environments', environment];
        diagnostics.push(...modelVersionCheck(file, team, deployment.model, modelPath, entry.version, [...at, 'version']));
        if (entry.canary) diagnostics.push(...modelVersionCheck(file, team, deployment.model, modelPath, entry.canary.version, [...at, 'canary', 'version']));
      }
    }
    for (const [environment, entry] of Object.entries(deployment.environments)) {
      (entry.abTest?.variants ?? []).forEach((variant, position) => {
        const at = [...base, 'environments', environment, 'abTest', 'variants', position];
        const model = variant.model ?? deployment.model;
        if (variant.model === undefined && !team.models?.[model]) return;
        diagnostics.push(...modelVersionCheck(file, team, model, [...at, variant.model === undefined ? 'version' : 'model'], variant.version, [...at, 'version']));
      });
    }
    (deployment.additionalModels ?? []).forEach((extra, position) => {
      const at = [...base, 'additionalModels', position];
      diagnostics.push(...modelVersionCheck(file, team, extra.model, [...at, 'model'], extra.version, [...at, 'version']));
    });
  }
  return diagnostics;
}

function deploymentCheck(file: ParsedFile, team: Team, name: string, path: DataPath, target: 'key' | 'value', context: string): Diagnostic[] {
  const deployments = Object.keys(team.deployments ?? {});
  if (deployments.includes(name)) return [];
  const hint = suggestionHint(name, deployments) ?? 'The team declares no deployments.';
  return [diagnosticAt(file, path, 'ML306', `${context} names deployment \`${name}\`, which team \`${team.metadata.name}\` does not declare.`, { target, hint })];
}

function pipelineAndMonitorReferences(file: ParsedFile, team: Team): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [name, pipeline] of Object.entries(team.pipelines ?? {})) {
    if (pipeline.produces !== undefined) {
      const path = ['pipelines', name, 'produces'];
      diagnostics.push(...modelVersionCheck(file, team, pipeline.produces, path, undefined, path));
    }
    if (pipeline.retrain?.deployment !== undefined) {
      diagnostics.push(...deploymentCheck(file, team, pipeline.retrain.deployment, ['pipelines', name, 'retrain', 'deployment'], 'value', `Retraining of pipeline \`${name}\``));
    }
  }
  const pipelines = Object.keys(team.pipelines ?? {});
  for (const [model, modelConfig] of Object.entries(team.models ?? {})) {
    for (const [version, versionConfig] of Object.entries(modelConfig.versions)) {
      const pipeline = versionConfig.trainedBy?.pipeline;
      if (pipeline === undefined || pipelines.includes(pipeline)) continue;
      diagnostics.push(
        diagnosticAt(file, ['models', model, 'versions', version, 'trainedBy', 'pipeline'], 'ML305', `Version ${version} of model \`${model}\` was trained by pipeline \`${pipeline}\`, which team \`${team.metadata.name}\` does not declare.`, withHint(suggestionHint(pipeline, pipelines) ?? 'Declare the pipeline under `pipelines:`.')),
      );
    }
  }
  for (const deployment of Object.keys(team.monitoring ?? {})) {
    diagnostics.push(...deploymentCheck(file, team, deployment, ['monitoring', deployment], 'key', 'Monitoring'));
  }
  return diagnostics;
}

/** Model, version, pipeline and deployment references of one team. */
export function modelReferenceDiagnostics(team: ValidTeamFile): Diagnostic[] {
  return [...deploymentReferences(team.file, team.config), ...pipelineAndMonitorReferences(team.file, team.config)];
}
