/**
 * Prometheus text exposition format (version 0.0.4), as the Pushgateway accepts it: one `# HELP` and
 * `# TYPE` per family, then `name{label="value",…} number` per sample. Label values escape `\`, `"` and
 * newlines; HELP text escapes `\` and newlines; numbers are written as Go parses them (`+Inf`, `NaN`).
 */

/** One sample of a family. */
export interface MetricSample {
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** A metric family (all gauges here). */
export interface MetricFamily {
  readonly name: string;
  readonly help: string;
  readonly type: 'gauge' | 'counter' | 'untyped';
  readonly samples: readonly MetricSample[];
}

/** Escapes a label value for the text format. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

/** A sample value as the text format writes it. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}

/** The text exposition of families, in the order given, labels in the order given. */
export function renderExposition(families: readonly MetricFamily[]): string {
  return families
    .map((family) => {
      const lines = [`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`];
      for (const sample of family.samples) {
        const labels = Object.entries(sample.labels).map(([name, value]) => `${name}="${escapeLabelValue(value)}"`);
        lines.push(`${family.name}${labels.length > 0 ? `{${labels.join(',')}}` : ''} ${formatValue(sample.value)}`);
      }
      return `${lines.join('\n')}\n`;
    })
    .join('');
}
