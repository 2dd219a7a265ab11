/** Diagnostic codes of the load stage: finding, decoding and parsing files (ML1xx). */
import { defineCodes } from '../diagnostics/code-table.ts';

/** Codes ML101–ML199. */
export const LOAD_CODES = defineCodes({
  ML101: { severity: 'error', title: 'YAML syntax error', description: 'The file is not valid YAML (bad indentation, an unclosed quote or bracket, a tab used for indentation…).', fix: 'Fix the YAML at the position shown; the message names what the parser expected.' },
  ML102: { severity: 'error', title: 'Duplicate key', description: 'A mapping has the same key twice; YAML would silently keep only one of them.', fix: 'Remove or rename one of the two keys.' },
  ML103: { severity: 'warning', title: 'YAML warning', description: 'The parser accepted the file but found something suspicious, such as an unknown tag.', fix: 'Remove the tag or write the value as plain YAML.' },
  ML104: { severity: 'error', title: 'Too many aliases', description: 'The file expands YAML aliases (`*anchor`) more than the limit allows: a "billion laughs" bomb or a runaway config.', fix: 'Write the repeated parts out, or use fewer aliases.' },
  ML105: { severity: 'error', title: 'File too large', description: 'The file is larger than the size limit (1 MiB by default).', fix: 'Split the team into smaller teams, or remove generated content from the config.' },
  ML106: { severity: 'error', title: 'Not UTF-8', description: 'The file is not valid UTF-8 text.', fix: 'Save the file as UTF-8.' },
  ML107: { severity: 'error', title: 'Several documents in one file', description: 'The file holds more than one YAML document (`---`); each config file holds exactly one.', fix: 'Move each team to its own `teams/<team>/mlops.yaml`.' },
  ML108: { severity: 'error', title: 'Team name differs from its folder', description: '`metadata.name` of `teams/<folder>/mlops.yaml` is not `<folder>`.', fix: 'Rename the folder or the team so they match.' },
  ML109: { severity: 'error', title: 'Team declared twice', description: 'Two files declare a team with the same name.', fix: 'Merge the two files, or rename one team.' },
  ML110: { severity: 'warning', title: 'Config file ignored', description: 'A file looks like config but is not where the loader reads config (e.g. `mlops.yml`, or a team file nested too deep).', fix: 'Rename it to `platform.yaml`, `mlops.yaml` or `teams/<team>/mlops.yaml`.' },
  ML111: { severity: 'error', title: 'Not a mapping', description: 'The file is empty or its top level is not a mapping of keys to values.', fix: 'Start the file with `apiVersion`, `kind` and `metadata` keys.' },
  ML112: { severity: 'error', title: 'Unsupported apiVersion', description: 'The file declares an `apiVersion` this version of Cirrus MLOps does not read.', fix: 'Use `apiVersion: mlops.cirruslabs.io/v1alpha1`.' },
  ML113: { severity: 'error', title: 'Wrong kind', description: '`kind` does not match the file: `platform.yaml` holds `kind: Platform`, team files hold `kind: Team`.', fix: 'Set `kind` to the kind the file location expects, or move the file.' },
  ML114: { severity: 'error', title: 'No config found', description: 'The directory holds no `platform.yaml`, `mlops.yaml` or `teams/<team>/mlops.yaml`.', fix: 'Point the command at the root of the config repo, or create a team file.' },
  ML115: { severity: 'error', title: 'Complex key', description: 'A mapping key is itself a mapping or a sequence (`? { a: 1 }`); config keys are names.', fix: 'Write the key as a plain string.' },
  ML116: { severity: 'error', title: 'Undefined alias', description: 'An alias (`*name`) refers to an anchor (`&name`) that is not set before it in the file, or sits inside the node it refers to (a value that would contain itself).', fix: 'Define the anchor on a node above the alias, or write the value out.' },
  ML117: { severity: 'error', title: 'Unsupported YAML tag', description: 'The file uses a YAML 1.1 tag such as `!!binary`, `!!timestamp`, `!!set` or `!!merge`, which config does not speak: values are plain strings, numbers, booleans, mappings and sequences.', fix: 'Remove the tag; quote dates, write merged keys out.' },
  ML118: { severity: 'error', title: 'Nesting too deep', description: 'Mappings and sequences are nested more than 100 levels deep: no config is, so the file is refused before it can exhaust the parser.', fix: 'Remove the runaway nesting.' },
  ML119: { severity: 'error', title: 'Not a regular file in the repository', description: 'A config path is a symbolic link that leads outside the repository, or a FIFO, socket or device: only regular files inside the repository are read, and this one was not opened.', fix: 'Replace the link or special file with a regular file inside the repository.' },
});
