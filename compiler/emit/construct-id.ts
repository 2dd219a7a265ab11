/**
 * Construct ids that can never collide. Ids are built from user names (`deployment-<name>`), and two
 * objects may well come out with the same id — two additional models of one model, say — which cdk8s
 * refuses by throwing. An id already taken in its scope gets `#2`, `#3`, … (deterministic: builders
 * run in a fixed order); the objects then reach `placeObjects`, which reports clashing object names
 * as diagnostics at their sources. Ids never appear in the output.
 */
import type { Construct } from 'constructs';

/** `id`, or `id#n` for the first n from 2 that is free in `scope`. */
export function constructId(scope: Construct, id: string): string {
  if (!scope.node.tryFindChild(id)) return id;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${id}#${suffix}`;
    if (!scope.node.tryFindChild(candidate)) return candidate;
  }
}
