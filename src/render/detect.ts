import type { Absence, Check, CheckStatus, DetectReport, Evidence, Layer } from '../detect/report.js';
import { verdict } from '../detect/verdict.js';
import { SCHEMA_VERSION } from './json.js';
import { keepTogether, wrapText } from './text.js';
import type { Style, Theme } from './theme.js';

/** `virt detect --json`: an explicit shape, so the report's internals can change without breaking scripts. */
export function detectJson(report: DetectReport) {
  const layer = (found: Layer) => ({ id: found.id, name: found.name, evidence: found.evidence.map(evidenceJson) });
  return {
    schemaVersion: SCHEMA_VERSION,
    root: report.root,
    vm: report.vm ? layer(report.vm) : null,
    container: report.containers.length ? layer(report.containers.at(-1)!) : null,
    containers: report.containers.map(layer),
    kvm: {
      usable: report.kvm.usable,
      checks: report.kvm.checks.map((check) => ({
        id: check.id,
        status: check.status,
        message: messageWithHint(check),
        evidence: check.evidence.map(evidenceJson),
        topic: check.topic,
      })),
    },
  };
}

const evidenceJson = ({ path, value, rule }: Evidence) => ({ path, value, rule });

/** Where a one-line form is wanted (plain, JSON), the hint follows the message. */
const messageWithHint = (check: Check) => (check.hint ? `${check.message}; ${check.hint}` : check.message);

/**
 * `virt detect` in a pipe: one `layer<TAB>id<TAB>evidence` line per layer (vm first, then each container,
 * outermost first; `none` when there is none), then one `check<TAB>status<TAB>message` line per check.
 */
export function renderDetectPlain(report: DetectReport): string {
  const evidenceText = (rows: Evidence[]) => rows.map((row) => `${row.path}=${row.value}`).join('; ');
  const lines = [
    report.vm
      ? `vm\t${report.vm.id}\t${evidenceText(report.vm.evidence)}`
      : `vm\tnone\t${evidenceText(report.noVm?.evidence ?? [])}`,
    ...(report.containers.length
      ? report.containers.map((layer) => `container\t${layer.id}\t${evidenceText(layer.evidence)}`)
      : [`container\tnone\t${evidenceText(report.noContainer?.evidence ?? [])}`]),
    ...report.kvm.checks.map((check) => `check\t${check.status}\t${messageWithHint(check)}`),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * `virt detect` on a terminal: the verdict, then each layer and check with its evidence (file → value →
 * what it means) and the page of the guide to read.
 */
export function renderDetectRich(report: DetectReport, theme: Theme, width: number): string {
  const arrow = theme.ascii ? '->' : '→';
  const wrap = (text: string, first: string, rest = first) => wrapText(text, width, first, rest);
  const evidenceLines = (rows: Evidence[], indent: string) =>
    rows.flatMap((row) =>
      wrap(
        `${theme.code(row.path)} ${theme.muted(arrow)} ${row.value} ${theme.muted(arrow)} ${row.rule}`,
        indent,
        `${indent}    `,
      ),
    );
  const read = (topic: string, indent: string) =>
    wrap(`${theme.muted('Read:')} ${keepTogether(theme.accent(`virt explain ${topic}`))}`, indent);
  const section = (title: string, name: string) => wrap(`${theme.heading(title)} ${theme.strong(name)}`, '');

  const lines: string[] = [...wrap(theme.title(verdict(report)), '')];
  if (!report.live)
    lines.push(
      ...wrap(
        theme.muted(`Read from ${report.root}, a captured system: the environment and access() were not consulted.`),
        '',
      ),
    );
  lines.push('');

  const layerBlock = (title: string, layer: Layer) => [
    ...section(title, layer.name),
    ...evidenceLines(layer.evidence, '  '),
    ...read(layer.topic, '  '),
    '',
  ];
  // What was looked for and not found reads best as one list than as a line per file.
  const absenceBlock = (title: string, absence: Absence, name: string) => {
    const missing = absence.evidence.filter((row) => row.value === 'absent');
    const rest = absence.evidence.filter((row) => row.value !== 'absent');
    return [
      ...section(title, name),
      ...evidenceLines(rest, '  '),
      ...(missing.length > 1
        ? wrap(`${theme.muted('Not found:')} ${missing.map((row) => theme.code(row.path)).join(', ')}`, '  ', '      ')
        : evidenceLines(missing, '  ')),
      ...read(absence.topic, '  '),
      '',
    ];
  };

  if (report.vm) lines.push(...layerBlock('Virtual machine:', report.vm));
  else if (report.noVm) lines.push(...absenceBlock('Virtual machine:', report.noVm, `none: ${report.noVm.phrase}`));
  report.containers.forEach((layer, index) =>
    lines.push(...layerBlock(index === 0 ? 'Container:' : 'Container inside it:', layer)),
  );
  if (report.noContainer) lines.push(...absenceBlock('Container:', report.noContainer, 'none found'));

  lines.push(
    ...section('Can this machine host KVM guests?', report.kvm.usable ? (report.live ? 'yes' : 'it looks so') : 'no'),
  );
  const label: Record<CheckStatus, Style> = {
    PASS: theme.code,
    WARN: theme.different,
    FAIL: theme.match,
    INFO: theme.muted,
  };
  for (const check of report.kvm.checks) {
    const status = label[check.status](check.status.padEnd(4));
    lines.push(...wrap(`${status}  ${check.message}`, '  ', '        '));
    if (check.hint) lines.push(...wrap(`${theme.emphasis('Hint:')} ${check.hint}`, '        ', '              '));
    lines.push(...evidenceLines(check.evidence, '        '));
    lines.push(...read(check.topic, '        '));
  }
  return `${lines.join('\n')}\n`;
}
