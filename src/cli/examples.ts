/** Examples close every help page; `completion` and the man page read the same definitions. */
export const EXAMPLES: Record<string, string[]> = {
  virt: ['virt explain paravirtualization', 'virt compare full para', 'virt list', 'virt search hypercall', 'virt'],
  explain: [
    'virt explain paravirtualization',
    'virt explain para',
    'virt explain "type 2 hypervisor"',
    'virt explain kvm --brief',
    'virt explain kvm --why',
    'virt explain kvm --json',
    'virt explain sr-iov --plain --width 60',
  ],
  list: ['virt list', 'virt list | grep -i hyper', 'virt list --json'],
  search: [
    'virt search hypercall',
    'virt search shared kernel',
    'virt search "live migration" --limit 3',
    'virt search iommu --json',
  ],
  menu: ['virt menu', 'virt'],
  help: ['virt help', 'virt help compare', 'virt compare --help'],
  completion: [
    'virt completion bash > ~/.local/share/bash-completion/completions/virt',
    'virt completion zsh > "${fpath[1]}/_virt"',
    'virt completion fish > ~/.config/fish/completions/virt.fish',
  ],
  quiz: [
    'virt quiz paravirtualization',
    'virt quiz @methods --count 10',
    'virt quiz --due',
    'virt quiz --list kvm',
    'virt quiz --list --json',
  ],
  cache: ['virt cache', 'virt cache --json', 'virt cache clear'],
  lint: ['virt lint', 'virt lint ./my-notes', 'virt --content ./my-notes list'],
  detect: ['virt detect', 'virt detect --json', 'virt detect | grep ^check', 'virt detect --root ./sosreport'],
  compare: [
    'virt compare full para',
    'virt compare @methods',
    'virt compare kvm xen --diff',
    'virt compare docker kvm --why',
    'virt compare @hypervisors --markdown',
  ],
};
