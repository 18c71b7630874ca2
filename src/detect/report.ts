/** What `virt detect` found, as plain data: each conclusion with the files that led to it. */

/** One file and what it said: `path` as on the machine, `value` as read (or "absent"), `rule` what that means. */
export interface Evidence {
  path: string;
  value: string;
  rule: string;
}

/** A layer found: a hypervisor or a container manager, named with systemd-detect-virt's identifiers. */
export interface Layer {
  id: string;
  name: string;
  evidence: Evidence[];
  /** The guide's topic that explains it. */
  topic: string;
  /** How the verdict line names it: "a Docker container". */
  phrase: string;
}

/** What stands in for a layer that was not found: what the machine is instead, and what was looked at. */
export interface Absence {
  /** How the verdict line names the machine: "a machine that shows no hypervisor", "a Xen dom0 (…)". */
  phrase: string;
  /** Nothing found at all, or a positive sign of a host: Xen's dom0, or an EC2 .metal instance. */
  kind: 'nothing-found' | 'xen-dom0' | 'bare-metal-instance';
  evidence: Evidence[];
  topic: string;
}

export type CheckStatus = 'PASS' | 'WARN' | 'FAIL' | 'INFO';

/** One question of "can this machine host KVM?", in virt-host-validate's PASS/WARN/FAIL/INFO terms. */
export interface Check {
  id: string;
  status: CheckStatus;
  message: string;
  /** What to do about it, when there is something to do. */
  hint?: string;
  evidence: Evidence[];
  topic: string;
}

export interface DetectReport {
  /** The folder read as "/". */
  root: string;
  /** False under --root: the environment and access() were not consulted. */
  live: boolean;
  vm: Layer | null;
  /** Set when vm is null. */
  noVm: Absence | null;
  /** Outermost first. */
  containers: Layer[];
  /** Set when no container was found. */
  noContainer: Absence | null;
  kvm: { usable: boolean; checks: Check[] };
}
