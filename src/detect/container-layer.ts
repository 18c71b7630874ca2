import { containerLayer, evidence } from './evidence.js';
import { CONTAINER_IDS, OTHER_TOPICS } from './identifiers.js';
import type { LiveProbe } from './live-probe.js';
import type { Absence, Evidence, Layer } from './report.js';
import { describeUnread, firstLine, type FileRead, type SystemView } from './system-view.js';
import { OSRELEASE } from './kernel-release.js';

const CONTAINER_MANAGER = '/run/host/container-manager';
const SYSTEMD_CONTAINER = '/run/systemd/container';
const PID1_ENVIRON = '/proc/1/environ';
const CONTAINERENV = '/run/.containerenv';
const DOCKERENV = '/.dockerenv';
const SERVICE_ACCOUNTS = ['/var/run/secrets/kubernetes.io/serviceaccount', '/run/secrets/kubernetes.io/serviceaccount'];

/** Names a container manager gives itself, as systemd-detect-virt reports them. */
const NAMED = new Set(['lxc', 'lxc-libvirt', 'systemd-nspawn', 'docker', 'podman', 'rkt', 'wsl', 'proot', 'pouch']);

export interface ContainerFinding {
  /** Outermost first. */
  containers: Layer[];
  /** Set when there is no container. */
  noContainer: Absence | null;
}

/**
 * The container layers. Those the kernel itself shows (OpenVZ, WSL) are the outermost; inside them, at most
 * one container manager, named by the files it leaves. /.dockerenv is believed last, as systemd does:
 * it can be copied into an image and turn up in a container of another kind.
 */
export function detectContainers(view: SystemView, live: LiveProbe | undefined, release: FileRead): ContainerFinding {
  const containers: Layer[] = [];
  const looked: Evidence[] = [];

  if (view.exists('/proc/vz') && !view.exists('/proc/bc'))
    containers.push(
      containerLayer('openvz', [
        evidence('/proc/vz', 'present', "OpenVZ's kernel interface"),
        evidence('/proc/bc', 'absent', 'only the OpenVZ host has /proc/bc: this is one of its containers'),
      ]),
    );
  if (release.state === 'text' && /Microsoft|WSL/.test(release.text)) {
    const text = release.text.trim();
    const version = /WSL2|microsoft-standard/.test(text) ? 'WSL 2' : /Microsoft/.test(text) ? 'WSL 1' : 'WSL';
    containers.push(
      containerLayer(
        'wsl',
        [evidence(OSRELEASE, text, 'a kernel built by Microsoft for the Windows Subsystem for Linux')],
        {
          name: version,
          phrase: `a ${version} environment`,
        },
      ),
    );
  }

  const runtime = managerLayer(view, live, looked);
  if (runtime && !containers.some((outer) => outer.id === runtime.id)) containers.push(runtime);

  const kubernetes = kubernetesEvidence(view, live);
  if (kubernetes.length > 0) {
    const inner = containers.at(-1);
    if (inner && inner.id !== 'wsl' && inner.id !== 'openvz')
      containers[containers.length - 1] = {
        ...inner,
        name: `${inner.name} in a Kubernetes pod`,
        phrase: `${inner.phrase} in a Kubernetes pod`,
        evidence: [...inner.evidence, ...kubernetes],
      };
    else
      containers.push(
        containerLayer('container-other', kubernetes, {
          name: 'a Kubernetes pod',
          phrase: 'a container in a Kubernetes pod',
        }),
      );
  }

  if (containers.length > 0) return { containers, noContainer: null };
  return {
    containers,
    noContainer: {
      phrase: 'no container',
      kind: 'nothing-found',
      evidence: [
        ...looked,
        ...(live
          ? []
          : [evidence('$container', 'not read', "the environment belongs to the running machine, not to --root's")]),
      ],
      topic: OTHER_TOPICS.containers,
    },
  };
}

/** The container manager that names itself, or whose marker file is there; what was looked at goes to `looked`. */
function managerLayer(view: SystemView, live: LiveProbe | undefined, looked: Evidence[]): Layer | undefined {
  let named: Evidence | undefined;
  for (const path of [CONTAINER_MANAGER, SYSTEMD_CONTAINER]) {
    const value = firstLine(view, path);
    if (value) {
      named = evidence(path, value, 'the container manager names itself');
      break;
    }
    looked.push(evidence(path, 'absent', 'no container manager named here'));
  }
  if (!named) {
    const environ = view.read(PID1_ENVIRON, 16 * 1024);
    // Only the container= entry is kept: the rest of PID 1's environment may hold secrets.
    const entry =
      environ.state === 'text' ? environ.text.split('\0').find((item) => item.startsWith('container=')) : undefined;
    if (entry && entry.length > 'container='.length)
      named = evidence(PID1_ENVIRON, entry, "the container manager set this in the first process's environment");
    else
      looked.push(
        evidence(
          PID1_ENVIRON,
          environ.state === 'text' ? 'no container=' : describeUnread(environ),
          environ.state === 'unreadable' ? 'only root may read it on most systems' : 'no container manager named here',
        ),
      );
  }
  if (!named && live) {
    const value = live.env('container');
    if (value)
      named = evidence('$container', `container=${value}`, 'inherited from the environment the container manager set');
  }

  const containerenv = view.read(CONTAINERENV, 4096);
  const podman =
    containerenv.state === 'text' || containerenv.state === 'unreadable' ? podmanEvidence(containerenv) : undefined;
  const docker = view.exists(DOCKERENV)
    ? evidence(DOCKERENV, 'present', 'Docker creates this file in its containers')
    : undefined;

  const name = named ? named.value.replace(/^container=/, '') : undefined;
  if (name !== undefined && name !== 'oci') {
    const id = NAMED.has(name) ? name : 'container-other';
    const agreeing = id === 'podman' ? podman : id === 'docker' ? docker : undefined;
    const layer = containerLayer(id, [named, agreeing]);
    return id === 'podman' && podman ? withRootless(layer, containerenv) : layer;
  }
  // "oci" says only that some OCI runtime started it; the marker files may tell which.
  if (podman) return withRootless(containerLayer('podman', [named, podman]), containerenv);
  if (docker) return containerLayer('docker', [named, docker]);
  if (named) return containerLayer('container-other', [named]);
  looked.push(evidence(CONTAINERENV, 'absent', 'Podman creates this file in its containers'));
  looked.push(evidence(DOCKERENV, 'absent', 'Docker creates this file in its containers'));
  return undefined;
}

function podmanEvidence(read: FileRead): Evidence {
  const engine = read.state === 'text' ? /^engine="?([^"\n]*)"?$/m.exec(read.text)?.[1] : undefined;
  return evidence(CONTAINERENV, engine ? `engine=${engine}` : 'present', 'Podman creates this file in its containers');
}

function withRootless(layer: Layer, read: FileRead): Layer {
  if (read.state !== 'text' || !/^rootless=1$/m.test(read.text)) return layer;
  return {
    ...layer,
    name: `${layer.name} (rootless)`,
    phrase: `a rootless ${CONTAINER_IDS.podman!.name} container`,
    evidence: [
      ...layer.evidence,
      evidence(CONTAINERENV, 'rootless=1', 'started by an ordinary user, in a user namespace'),
    ],
  };
}

function kubernetesEvidence(view: SystemView, live: LiveProbe | undefined): Evidence[] {
  const found: Evidence[] = [];
  const mount = SERVICE_ACCOUNTS.find((path) => view.exists(path));
  if (mount) found.push(evidence(mount, 'present', "Kubernetes mounts a pod's service-account credentials here"));
  const host = live?.env('KUBERNETES_SERVICE_HOST');
  if (host) found.push(evidence('$KUBERNETES_SERVICE_HOST', 'set', 'Kubernetes sets this in every container of a pod'));
  return found;
}
