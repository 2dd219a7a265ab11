/**
 * Requested compute per environment (replicas × requests per replica, summed over clusters), and how
 * a change moves it. Canary and A/B pods are not counted: they share the stable deployment's scale.
 */
import type { ResolvedOrg } from '../../resolve/resolved-org.ts';
import type { Capacity, CapacityDelta } from './ml-model.ts';
import { parseQuantity } from './quantities.ts';

interface EnvironmentCapacity {
  readonly atMin: Capacity;
  readonly atMax: Capacity;
}

const ZERO: Capacity = { cpu: 0, memory: 0, gpu: 0 };

function add(total: Capacity, replicas: number, cpu: string, memory: string, gpu: number): Capacity {
  return { cpu: total.cpu + replicas * parseQuantity(cpu), memory: total.memory + replicas * parseQuantity(memory), gpu: total.gpu + replicas * gpu };
}

function subtract(a: Capacity, b: Capacity): Capacity {
  return { cpu: a.cpu - b.cpu, memory: a.memory - b.memory, gpu: a.gpu - b.gpu };
}

function isZero(capacity: Capacity): boolean {
  return Math.abs(capacity.cpu) < 1e-9 && Math.abs(capacity.memory) < 1 && capacity.gpu === 0;
}

/** Requested compute of every environment an org serves in. */
export function environmentCapacity(org: ResolvedOrg | undefined): Map<string, EnvironmentCapacity> {
  const totals = new Map<string, EnvironmentCapacity>();
  for (const team of org?.teams ?? []) {
    for (const deployment of team.deployments) {
      for (const placement of deployment.placements) {
        const current = totals.get(placement.environment) ?? { atMin: ZERO, atMax: ZERO };
        const { cpu, memory, gpu } = placement.resources;
        totals.set(placement.environment, {
          atMin: add(current.atMin, placement.replicas.min, cpu, memory, gpu),
          atMax: add(current.atMax, placement.replicas.max, cpu, memory, gpu),
        });
      }
    }
  }
  return totals;
}

/** Environments whose requested compute changes, in head environment order. */
export function capacityDeltas(base: ResolvedOrg | undefined, head: ResolvedOrg | undefined): CapacityDelta[] {
  const before = environmentCapacity(base);
  const after = environmentCapacity(head);
  const order = [...new Set([...(head?.platform.environments ?? []), ...(base?.platform.environments ?? [])].map((environment) => environment.name))];
  for (const environment of [...before.keys(), ...after.keys()]) if (!order.includes(environment)) order.push(environment);
  const deltas: CapacityDelta[] = [];
  for (const environment of order) {
    const old = before.get(environment) ?? { atMin: ZERO, atMax: ZERO };
    const current = after.get(environment) ?? { atMin: ZERO, atMax: ZERO };
    const atMinReplicas = subtract(current.atMin, old.atMin);
    const atMaxReplicas = subtract(current.atMax, old.atMax);
    if (!isZero(atMinReplicas) || !isZero(atMaxReplicas)) deltas.push({ environment, atMinReplicas, atMaxReplicas });
  }
  return deltas;
}
