/** Locates data paths in a `yaml` Document (the parser used for files the fast path declines). */
import type { Document, Node, Pair } from 'yaml';
import type { DataPath, NodeLocator, OffsetRange } from './parsed-file.ts';
import { yamlLibrary } from './yaml-library.ts';

function findPair(map: Node, key: string | number): Pair<Node, Node> | undefined {
  const { isMap, isPair, isScalar } = yamlLibrary();
  if (!isMap(map)) return undefined;
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const itemKey = isScalar(item.key) ? item.key.value : item.key;
    if (itemKey === key || String(itemKey) === String(key)) return item as Pair<Node, Node>;
  }
  return undefined;
}

function offsets(node: Node | null | undefined): OffsetRange | undefined {
  return node?.range ? [node.range[0], node.range[1]] : undefined;
}

/** A locator over a parsed `yaml` Document. */
export function documentLocator(document: Document.Parsed): NodeLocator {
  return {
    locate(path: DataPath, target) {
      const { isMap, isSeq } = yamlLibrary();
      const root = document.contents as Node | null;
      let node: Node | null | undefined = root;
      let keyNode: Node | null | undefined;
      let best = offsets(root) ?? [0, 0];
      for (const segment of path) {
        if (isSeq(node) && typeof segment === 'number') {
          keyNode = undefined;
          node = node.items[segment] as Node | undefined;
        } else if (isMap(node)) {
          const pair = findPair(node, segment);
          if (!pair) return best;
          keyNode = pair.key;
          node = pair.value;
        } else {
          return best;
        }
        if (!node && !keyNode) return best;
        best = offsets(keyNode ?? node) ?? best;
      }
      if (target === 'key' && keyNode) return offsets(keyNode) ?? best;
      return offsets(node) ?? offsets(keyNode) ?? best;
    },
  };
}
