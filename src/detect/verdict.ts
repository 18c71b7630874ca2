import type { DetectReport } from './report.js';

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The report in one sentence, innermost layer first, as a person would say it: "A Docker container inside a
 * KVM virtual machine; this machine can run KVM guests".
 */
export function verdict(report: DetectReport): string {
  const containers = [...report.containers].reverse().map((layer) => layer.phrase);
  let where: string;
  if (report.vm) where = [...containers, report.vm.phrase].join(' inside ');
  else if (containers.length === 0)
    where =
      report.noVm?.kind === 'nothing-found'
        ? 'no virtual machine or container found: this looks like bare metal'
        : (report.noVm?.phrase ?? 'no virtual machine or container found');
  else where = `${containers.join(' inside ')} on ${report.noVm?.phrase ?? 'a machine that shows no hypervisor'}`;
  return `${capitalize(where)}; ${kvmPhrase(report)}`;
}

function kvmPhrase(report: DetectReport): string {
  const { usable, checks } = report.kvm;
  if (usable)
    return report.live ? 'this machine can run KVM guests' : 'it looks able to run KVM guests (access not tested)';
  if (checks.some((check) => check.id === 'dev-kvm-access' && check.status === 'FAIL'))
    return '/dev/kvm is here, but this user may not open it';
  return 'it cannot run KVM guests as it is';
}
