/**
 * The identifiers systemd-detect-virt prints, with the name virt shows for each and the guide's topic that
 * explains it. Where the guide has no page of its own yet, the topic is the nearest one that does.
 */
export interface Identity {
  name: string;
  /** How the verdict line names it: "a KVM virtual machine". */
  phrase: string;
  topic: string;
}

export const VM_IDS: Record<string, Identity> = {
  kvm: { name: 'KVM', phrase: 'a KVM virtual machine', topic: 'kvm' },
  qemu: { name: 'QEMU (emulation, without KVM)', phrase: 'a QEMU virtual machine emulated without KVM', topic: 'tcg' },
  amazon: { name: 'Amazon EC2 (Nitro)', phrase: 'an Amazon EC2 (Nitro) virtual machine', topic: 'kvm' },
  google: { name: 'Google Compute Engine', phrase: 'a Google Compute Engine virtual machine', topic: 'kvm' },
  vmware: { name: 'VMware', phrase: 'a VMware virtual machine', topic: 'vmware-esxi' },
  microsoft: { name: 'Microsoft Hyper-V', phrase: 'a Hyper-V virtual machine', topic: 'hyper-v' },
  oracle: { name: 'Oracle VirtualBox', phrase: 'a VirtualBox virtual machine', topic: 'virtualbox' },
  xen: { name: 'Xen', phrase: 'a Xen virtual machine', topic: 'xen' },
  parallels: { name: 'Parallels', phrase: 'a Parallels virtual machine', topic: 'parallels' },
  bhyve: { name: 'bhyve', phrase: 'a bhyve virtual machine', topic: 'bhyve' },
  apple: {
    name: 'Apple Virtualization framework',
    phrase: "a virtual machine of Apple's Virtualization framework",
    topic: 'type-2-hypervisor',
  },
  bochs: { name: 'Bochs', phrase: 'a Bochs emulated machine', topic: 'software-virtualization' },
  uml: { name: 'User-mode Linux', phrase: 'a User-mode Linux kernel', topic: 'paravirtualization' },
  powervm: { name: 'IBM PowerVM', phrase: 'an IBM PowerVM partition', topic: 'type-1-hypervisor' },
  'vm-other': { name: 'an unidentified hypervisor', phrase: 'a virtual machine', topic: 'hypervisor' },
};

export const CONTAINER_IDS: Record<string, Identity> = {
  docker: { name: 'Docker', phrase: 'a Docker container', topic: 'docker' },
  podman: { name: 'Podman', phrase: 'a Podman container', topic: 'podman' },
  lxc: { name: 'LXC', phrase: 'an LXC container', topic: 'lxc' },
  'lxc-libvirt': { name: 'libvirt LXC', phrase: "a container of libvirt's LXC driver", topic: 'libvirt' },
  'systemd-nspawn': { name: 'systemd-nspawn', phrase: 'a systemd-nspawn container', topic: 'containerization' },
  openvz: { name: 'OpenVZ', phrase: 'an OpenVZ container', topic: 'openvz' },
  wsl: { name: 'WSL', phrase: 'a WSL environment', topic: 'hyper-v' },
  rkt: { name: 'rkt', phrase: 'an rkt container', topic: 'containerization' },
  proot: { name: 'proot', phrase: 'a proot environment', topic: 'chroot' },
  pouch: { name: 'PouchContainer', phrase: 'a PouchContainer container', topic: 'containerization' },
  'container-other': { name: 'an unidentified container', phrase: 'a container', topic: 'containerization' },
};

/** Topics a finding may link to besides those above; a test checks that every one is in the guide. */
export const OTHER_TOPICS = {
  microvm: 'firecracker',
  bareMetal: 'host',
  xenDom0: 'xen',
  containers: 'containerization',
  cpuFlags: 'cpu-flags',
  firmware: 'firmware-settings',
  devKvm: 'dev-kvm',
  nested: 'nested-virtualization',
  iommu: 'iommu',
  vhostNet: 'virtio',
  memoryEncryption: 'security',
  softwareKvm: 'kvm',
  macos: 'type-2-hypervisor',
  macosProducts: 'parallels',
  windows: 'hyper-v',
  freebsd: 'jails-zones',
} as const;

/** Every topic id that `virt detect` can link to. */
export function detectTopics(): string[] {
  return [
    ...new Set([
      ...Object.values(VM_IDS).map((identity) => identity.topic),
      ...Object.values(CONTAINER_IDS).map((identity) => identity.topic),
      ...Object.values(OTHER_TOPICS),
    ]),
  ];
}
