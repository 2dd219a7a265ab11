/** Waivers worth a reviewer's attention: new, renewed, withdrawn, expiring soon, or covering this change. */
import type { Waiver } from '../../config/types.generated.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { rangeOf } from '../../load/parsed-file.ts';
import type { ResolvedOrg } from '../../resolve/resolved-org.ts';
import type { WaiverNote, WaiverStatus } from './ml-model.ts';

/** Unchanged waivers expiring within this many days are listed. */
export const EXPIRY_WARNING_DAYS = 30;

/** What this change touches, per team, to tell which waivers cover it. */
export interface TouchedSubjects {
  /** `team\0deployments/<name>`, `team\0models/<name>`, `team\0pipelines/<name>`, and `team\0team` for any change of the team. */
  readonly targets: ReadonlySet<string>;
}

const DAY = 86_400_000;

/** Whole days from `now` to the end of the waiver's last day (negative once expired). */
export function daysUntil(expires: string, now: Date): number {
  const last = Date.parse(`${expires}T00:00:00Z`);
  if (Number.isNaN(last)) return 0;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((last - today) / DAY);
}

interface IndexedWaiver {
  readonly team: string;
  readonly waiver: Waiver;
  readonly file: string;
  readonly index: number;
}

function waiverIndex(org: ResolvedOrg | undefined): Map<string, IndexedWaiver> {
  const index = new Map<string, IndexedWaiver>();
  for (const team of org?.teams ?? []) {
    for (const [position, waiver] of (team.policies.waivers ?? []).entries()) {
      index.set(`${team.name}\u0000${waiver.rule}\u0000${waiver.target}`, { team: team.name, waiver, file: team.file, index: position });
    }
  }
  return index;
}

const STATUS_BY_CODE: Readonly<Record<string, WaiverStatus>> = { ML611: 'unused', ML608: 'expired', ML609: 'rejected', ML610: 'rejected', ML606: 'rejected' };

/** The status of a head waiver, from the policy diagnostics pinned inside its entry. */
function waiverStatus(org: ResolvedOrg, entry: IndexedWaiver, diagnostics: readonly Diagnostic[]): WaiverStatus {
  const file = org.files.get(entry.file);
  if (!file) return 'in-use';
  const range = rangeOf(file, ['policies', 'waivers', entry.index], 'value');
  const inside = diagnostics.filter((diagnostic) => diagnostic.file === entry.file && diagnostic.range.start.offset >= range.start.offset && diagnostic.range.start.offset <= range.end.offset);
  for (const code of ['ML606', 'ML610', 'ML609', 'ML608', 'ML611']) if (inside.some((diagnostic) => diagnostic.code === code)) return STATUS_BY_CODE[code]!;
  return 'in-use';
}

function covers(team: string, target: string, touched: TouchedSubjects): boolean {
  const subject = target.split('@')[0]!;
  return touched.targets.has(`${team}\u0000${subject}`) || (subject === 'team' && touched.targets.has(`${team}\u0000team`));
}

/** Waiver notes sorted by team, rule and target; `headDiagnostics` tell which head waivers are in use. */
export function waiverNotes(base: ResolvedOrg | undefined, head: ResolvedOrg | undefined, touched: TouchedSubjects, now: Date, headDiagnostics: readonly Diagnostic[] = []): WaiverNote[] {
  const before = waiverIndex(base);
  const after = waiverIndex(head);
  const notes: WaiverNote[] = [];
  for (const key of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const old = before.get(key);
    const current = after.get(key);
    const { team, waiver } = (current ?? old)!;
    const status = current && head ? { status: waiverStatus(head, current, headDiagnostics) } : {};
    const action = !old ? 'added' : !current ? 'removed' : JSON.stringify(old.waiver) === JSON.stringify(current.waiver) ? 'unchanged' : 'changed';
    const expiresInDays = daysUntil(waiver.expires, now);
    const coversChange = action !== 'removed' && covers(team, waiver.target, touched);
    if (action === 'unchanged' && !coversChange && expiresInDays > EXPIRY_WARNING_DAYS) continue;
    notes.push({ team, rule: waiver.rule, target: waiver.target, approvedBy: waiver.approvedBy, ticket: waiver.ticket, expires: waiver.expires, action, expiresInDays, coversChange, ...status });
  }
  return notes;
}
