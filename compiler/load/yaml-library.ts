/**
 * The `yaml` library, loaded on first use. Well-formed config is parsed by js-yaml's event parser
 * (parse-file.ts); `yaml` builds the located documents only for files that need them (syntax errors,
 * anchors, tags), so most runs never load it — ~30 ms off every `mlops validate` and `compile`.
 * `require` gives the same instance as an `import` of 'yaml' (its "node" export is CommonJS).
 */
import { createRequire } from 'node:module';

type YamlLibrary = typeof import('yaml');

let library: YamlLibrary | undefined;

/** The `yaml` module, loaded on the first call. */
export function yamlLibrary(): YamlLibrary {
  library ??= createRequire(import.meta.url)('yaml') as YamlLibrary;
  return library;
}
