import { cleanText } from '../content/sanitize.js';
import { SMALL_FILE_BYTES, type SystemView } from './system-view.js';

export const DMI_DIR = '/sys/class/dmi/id';

/** The fields read, in the order they are matched: the product name first, so "KVM" wins over "QEMU". */
const DMI_FIELDS = ['product_name', 'sys_vendor', 'board_vendor', 'bios_vendor', 'product_version'] as const;
export type DmiField = (typeof DMI_FIELDS)[number];

/** Longer than any vendor or product name; a longer value is garbage and is shown cut. */
const MAX_VALUE = 80;

export interface Dmi {
  /** Whether the DMI folder exists at all: Firecracker guests, for one, have none. */
  present: boolean;
  values: Partial<Record<DmiField, string>>;
}

export const dmiPath = (field: DmiField) => `${DMI_DIR}/${field}`;

/** The DMI fields that could be read, as clean one-line text (firmware can hold anything). */
export function readDmi(view: SystemView): Dmi {
  if (!view.exists(DMI_DIR)) return { present: false, values: {} };
  const values: Partial<Record<DmiField, string>> = {};
  for (const field of DMI_FIELDS) {
    const read = view.read(dmiPath(field), SMALL_FILE_BYTES);
    if (read.state !== 'text') continue;
    const value = cleanText(read.text.split('\n', 1)[0] ?? '')
      .replace(/\uFFFD/g, '')
      .trim();
    if (value) values[field] = value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value;
  }
  return { present: true, values };
}

/** Prefixes of DMI values that name a hypervisor, with systemd-detect-virt's identifier for each. */
const DMI_VENDORS: [prefix: string, id: string][] = [
  ['KVM', 'kvm'],
  ['OpenStack', 'kvm'],
  ['KubeVirt', 'kvm'],
  ['Amazon EC2', 'amazon'],
  ['QEMU', 'qemu'],
  ['VMware', 'vmware'],
  ['VMW', 'vmware'],
  ['innotek GmbH', 'oracle'],
  ['VirtualBox', 'oracle'],
  ['Oracle Corporation', 'oracle'],
  ['Xen', 'xen'],
  ['Bochs', 'bochs'],
  ['Parallels', 'parallels'],
  ['BHYVE', 'bhyve'],
  ['Hyper-V', 'microsoft'],
  ['Apple Virtualization', 'apple'],
  ['Google Compute Engine', 'google'],
];

export interface DmiMatch {
  id: string;
  field: DmiField;
  value: string;
  prefix: string;
}

/** The first field, in DMI_FIELDS order, whose value starts with a hypervisor's name. */
export function matchDmiVendor(dmi: Dmi): DmiMatch | undefined {
  for (const field of DMI_FIELDS) {
    const value = dmi.values[field];
    if (value === undefined) continue;
    const found = DMI_VENDORS.find(([prefix]) => value.startsWith(prefix));
    if (found) return { id: found[1], field, value, prefix: found[0] };
  }
  // Hyper-V names itself only as Microsoft's "Virtual Machine"; Surface laptops share the vendor, not the product.
  if (dmi.values.sys_vendor === 'Microsoft Corporation' && dmi.values.product_name === 'Virtual Machine')
    return { id: 'microsoft', field: 'product_name', value: 'Virtual Machine', prefix: 'Virtual Machine' };
  return undefined;
}
