/**
 * What the full parser's Document must not hold before it is turned into a value: a key that is a
 * mapping or a sequence (a JavaScript object cannot hold it), an alias of an anchor that was never
 * set, and YAML tags the config language does not speak (`!!binary`, `!!timestamp`, `!!merge`, …).
 * Each is located at its node; none reaches `toJS`, which would warn on the console or misreport.
 */
import type { Document } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnosticAtRange } from '../diagnostics/report.ts';
import { type ParsedFile, rangeFromOffsets } from './parsed-file.ts';
import { yamlLibrary } from './yaml-library.ts';

/** The tags a config may spell out: the YAML 1.2 core schema's own. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`));

const TAG_ADVICE: Readonly<Record<string, string>> = {
  'tag:yaml.org,2002:binary': 'binary data has no place in config; reference the artifact by URI instead',
  'tag:yaml.org,2002:timestamp': 'dates are plain strings here; quote the date, e.g. "2026-09-01"',
  'tag:yaml.org,2002:merge': 'merge keys (`<<`) are not supported; write the keys out',
  'tag:yaml.org,2002:set': 'write a sequence (`[a, b]`) instead',
  'tag:yaml.org,2002:omap': 'write a plain mapping instead',
  'tag:yaml.org,2002:pairs': 'write a plain mapping instead',
};

/** Diagnostics of a Document the parser accepted; empty when its value may be built. */
export function documentProblems(document: Document.Parsed, where: Pick<ParsedFile, 'path' | 'text' | 'lineCounter'>): Diagnostic[] {
  const { isAlias, isCollection, isPair, visit } = yamlLibrary();
  const diagnostics: Diagnostic[] = [];
  const at = (range: readonly number[] | null | undefined) => (range ? rangeFromOffsets(where, range[0]!, range[1]!) : rangeFromOffsets(where, 0, 0));
  visit(document, {
    Pair(_, pair) {
      if (isPair(pair) && isCollection(pair.key)) {
        diagnostics.push(diagnosticAtRange(where.path, at(pair.key.range), 'ML115', 'A key must be a plain name; this key is a mapping or a sequence.', { hint: 'Write the key as a string, e.g. `name:`.' }));
      }
    },
    Alias(_, alias, ancestors) {
      if (!isAlias(alias)) return;
      const target = alias.resolve(document);
      if (target === undefined) {
        diagnostics.push(diagnosticAtRange(where.path, at(alias.range), 'ML116', `Alias \`*${alias.source}\` refers to no anchor: \`&${alias.source}\` is not set before it.`, { hint: `Define \`&${alias.source}\` on a node above this line, or write the value out.` }));
      } else if (ancestors.includes(target as never)) {
        diagnostics.push(diagnosticAtRange(where.path, at(alias.range), 'ML116', `Alias \`*${alias.source}\` is inside the node \`&${alias.source}\` it refers to: the value would contain itself.`, { hint: 'Write the value out.' }));
      }
    },
    Node(_, node) {
      const tag = node.tag;
      if (tag === undefined || CORE_TAGS.has(tag) || !tag.startsWith('tag:yaml.org,2002:')) return;
      const name = `!!${tag.slice('tag:yaml.org,2002:'.length)}`;
      const advice = TAG_ADVICE[tag] ?? 'use plain strings, numbers, booleans, mappings and sequences';
      // The node's range starts at its value; point at the tag written before it.
      const written = node.range ? where.text.lastIndexOf(name, node.range[0]) : -1;
      const range = written >= 0 && node.range && !where.text.slice(written, node.range[0]).includes('\n\n') ? [written, written + name.length] : node.range;
      diagnostics.push(diagnosticAtRange(where.path, at(range), 'ML117', `The YAML tag \`${name}\` is not supported in config: ${advice}.`, { hint: `Remove \`${name}\`.` }));
    },
  });
  return diagnostics;
}

/**
 * Where the flow collection a parser error complains about was opened: the last `[` or `{` before
 * `offset` that is still open (quoted text and comments skipped). Undefined when none is.
 */
export function unclosedFlowOpener(text: string, offset: number, opener: '[' | '{'): number | undefined {
  const open: { char: string; at: number }[] = [];
  let quote: string | undefined;
  for (let index = 0; index < offset && index < text.length; index++) {
    const char = text[index]!;
    if (quote) {
      if (char === quote) {
        if (quote === "'" && text[index + 1] === "'") index++;
        else quote = undefined;
      } else if (char === '\\' && quote === '"') index++;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '#' && (index === 0 || /\s/.test(text[index - 1]!))) {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end;
    } else if (char === '[' || char === '{') open.push({ char, at: index });
    else if ((char === ']' || char === '}') && open.length > 0) open.pop();
  }
  for (let index = open.length - 1; index >= 0; index--) if (open[index]!.char === opener) return open[index]!.at;
  return undefined;
}
