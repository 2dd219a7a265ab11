/**
 * Workload identity (platform.yaml `identity`): its values use only the placeholders the compiler fills
 * in (ML341), and an org whose model artifacts live on object storage is told when the platform
 * declares no identity to read them with (ML340).
 */
import type { Platform } from '../../config/types.generated.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../../diagnostics/report.ts';
import { closestMatch } from '../../diagnostics/suggest.ts';
import type { ParsedFile } from '../../load/parsed-file.ts';
import { declaresIdentity, IDENTITY_PLACEHOLDERS, PLACEHOLDER } from '../../resolve/workload-identity.ts';
import type { ValidTeamFile } from '../validated-config.ts';

/** URI schemes of object storage that needs credentials (KServe's storage-initializer: S3, GCS, Azure Blob). */
export const OBJECT_STORAGE_SCHEME = /^(s3|gs|azureblob):\/\//;

function placeholderDiagnostics(file: ParsedFile, path: (string | number)[], value: string): Diagnostic[] {
  return [...value.matchAll(PLACEHOLDER)].flatMap(([whole, name]) => {
    if ((IDENTITY_PLACEHOLDERS as readonly string[]).includes(name!)) return [];
    const suggestion = closestMatch(name!, IDENTITY_PLACEHOLDERS);
    return [
      diagnosticAt(file, path, 'ML341', `\`${whole}\` is not a placeholder the compiler fills in: expected \`{team}\`, \`{environment}\`, \`{cluster}\` or \`{namespace}\`.`, {
        hint: suggestion ? `Did you mean \`{${suggestion}}\`?` : 'Use one of the four placeholders, or write the value out.',
      }),
    ];
  });
}

/** ML341 over platform.yaml `identity`. */
export function identityPlaceholderDiagnostics(platform: { readonly file?: ParsedFile; readonly config: Pick<Platform, 'identity'> }): Diagnostic[] {
  const { file, config } = platform;
  if (!file || !config.identity) return [];
  const diagnostics = Object.entries(config.identity.serviceAccountAnnotations ?? {}).flatMap(([key, value]) => placeholderDiagnostics(file, ['identity', 'serviceAccountAnnotations', key], value));
  if (config.identity.secret !== undefined) diagnostics.push(...placeholderDiagnostics(file, ['identity', 'secret'], config.identity.secret));
  return diagnostics;
}

/**
 * ML340, once per org (at the first artifact on object storage, naming how many more there are): a
 * warning, not an error — a cluster may read buckets with node-level credentials (an instance profile,
 * a node service account) or serve public buckets, and the output is still what the user asked for.
 * Not for the default platform (no platform.yaml): a quick start that says nothing about clusters, and
 * has no file to declare `identity` in until one is written.
 */
export function missingIdentityDiagnostics(teams: readonly ValidTeamFile[], platform: { readonly file?: ParsedFile; readonly config: Pick<Platform, 'identity'> }): Diagnostic[] {
  if (!platform.file || declaresIdentity(platform.config)) return [];
  const onStorage = teams.flatMap((team) =>
    Object.entries(team.config.models ?? {}).flatMap(([model, declaration]) =>
      Object.entries(declaration.versions ?? {})
        .filter(([, version]) => OBJECT_STORAGE_SCHEME.test(version.artifact))
        .map(([version, { artifact }]) => ({ team, model, version, artifact })),
    ),
  );
  const first = onStorage[0];
  if (!first) return [];
  const others = onStorage.length > 1 ? ` (and ${onStorage.length - 1} more artifact${onStorage.length > 2 ? 's' : ''} on object storage)` : '';
  return [
    diagnosticAt(first.team.file, ['models', first.model, 'versions', first.version, 'artifact'], 'ML340', `\`${first.model}\` ${first.version} is read from \`${first.artifact}\`${others}, but platform.yaml declares no workload \`identity\`: model servers, pipelines and drift checks get no credentials for object storage.`, {
      hint: 'Declare `identity.serviceAccountAnnotations` (e.g. `eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/mlops-{team}-{environment}`) or `identity.secret` in platform.yaml.',
    }),
  ];
}
