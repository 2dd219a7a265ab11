/** Every object the compiler emits for `sample-repo` and the golden emit fixtures, with the resolved org. */
import { validate } from '../../../compiler/pipeline.ts';
import type { Manifest } from '../../../compiler/emit/manifest.ts';
import type { ResolvedOrg } from '../../../compiler/resolve/resolved-org.ts';
import { readSourceTree } from '../../../compiler/cli/fs-source.ts';
import { compileCase, goldenCases } from '../../emit/golden/golden-cases.ts';

/** One compiled case. */
export interface EmittedCase {
  readonly name: string;
  readonly manifests: readonly Manifest[];
  readonly org: ResolvedOrg;
}

/** An emitted object as plain data. */
export type PlainObject = { readonly apiVersion?: string; readonly kind?: string; readonly metadata?: { readonly name?: string; readonly namespace?: string; readonly labels?: Record<string, string>; readonly annotations?: Record<string, string> }; readonly spec?: Record<string, unknown> } & Record<string, unknown>;

/** Compiles every golden case (policies off, as the goldens pin them). */
export async function emittedCases(): Promise<EmittedCase[]> {
  const cases: EmittedCase[] = [];
  for (const golden of goldenCases()) {
    const { manifests } = await compileCase(golden);
    const { org } = validate(await readSourceTree(golden.input));
    if (!org) throw new Error(`golden case ${golden.name} does not validate`);
    cases.push({ name: golden.name, manifests, org });
  }
  return cases;
}

/** The objects of one kind, labelled `<case>: <path>`. */
export function objectsOfKind(cases: readonly EmittedCase[], kind: string): { label: string; object: PlainObject; manifest: Manifest; emitted: EmittedCase }[] {
  return cases.flatMap((emitted) =>
    emitted.manifests.filter((manifest) => manifest.object.kind === kind).map((manifest) => ({ label: `${emitted.name}: ${manifest.path}`, object: manifest.object as unknown as PlainObject, manifest, emitted })),
  );
}
