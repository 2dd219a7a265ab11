/** Config files that passed schema validation, typed by their schema. */
import type { Platform, Team } from '../config/types.generated.ts';
import type { ParsedFile } from '../load/parsed-file.ts';

/** A schema-valid team file. */
export interface ValidTeamFile {
  readonly file: ParsedFile;
  readonly config: Team;
}

/** The schema-valid part of a repo; semantic checks and resolve read this. */
export interface ValidatedConfig {
  /** platform.yaml, or the default platform (then `file` is undefined). */
  readonly platform: { readonly file?: ParsedFile; readonly config: Platform };
  readonly teams: readonly ValidTeamFile[];
}
