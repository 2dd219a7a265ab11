/**
 * PromQL read with Prometheus' own grammar (`@prometheus-io/lezer-promql`, the parser of the
 * Prometheus UI): syntax errors, and every vector selector's metric name and label matchers.
 */
import { parser } from '@prometheus-io/lezer-promql';

/** One vector selector of an expression. */
export interface SelectorUse {
  readonly metric: string;
  /** Labels its matchers name (besides `__name__`). */
  readonly labels: readonly string[];
}

/** What an expression reads, or its syntax errors. */
export interface ParsedPromql {
  readonly errors: readonly string[];
  readonly selectors: readonly SelectorUse[];
}

/** Parses `expression` and lists its selectors. */
export function parsePromql(expression: string): ParsedPromql {
  const tree = parser.parse(expression);
  const errors: string[] = [];
  const selectors: SelectorUse[] = [];
  const text = (from: number, to: number) => expression.slice(from, to);
  tree.iterate({
    enter(node) {
      if (node.type.isError) errors.push(`syntax error at ${node.from}: ${JSON.stringify(text(node.from, Math.min(node.to + 10, expression.length)))}`);
      if (node.name !== 'VectorSelector') return;
      let metric = '';
      const labels: string[] = [];
      const cursor = node.node.cursor();
      if (cursor.firstChild()) {
        do {
          if (cursor.name === 'Identifier') metric = text(cursor.from, cursor.to);
          if (cursor.name === 'LabelMatchers') {
            const matchers = cursor.node.getChildren('UnquotedLabelMatcher');
            for (const matcher of matchers) {
              const nameNode = matcher.getChild('LabelName');
              const valueNode = matcher.getChild('StringLiteral');
              if (!nameNode) continue;
              const name = text(nameNode.from, nameNode.to);
              if (name === '__name__' && valueNode) metric = JSON.parse(text(valueNode.from, valueNode.to)) as string;
              else labels.push(name);
            }
          }
        } while (cursor.nextSibling());
      }
      selectors.push({ metric, labels });
    },
  });
  return { errors, selectors };
}
