// What the machine offers a run (node-only): its cores, as a container's CPU
// quota leaves them, and the memory the process may use.
import { readFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';

/** What the machine offers: its cores, and the memory this process may use (a container's limit, else the machine's). */
export interface MachineShare {
  cores: number;
  memory: number;
}

/** Reads a file as text, or gives undefined when it cannot (absent, not readable). */
export type ReadText = (path: string) => string | undefined;

const readText: ReadText = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** A cgroup hierarchy mounted in this process' view: where, the path it shows as its root, and the process' cgroup in it. */
interface Hierarchy {
  mount: string;
  root: string;
  cgroup: string;
}

/** `/a/b/c` → `/a/b/c`, `/a/b`, `/a`, `/`: the cgroup and its ancestors, each of which may set a quota. */
function ancestors(path: string): string[] {
  const out: string[] = [];
  for (let p = path.replace(/\/+$/, '') || '/'; ; p = p.slice(0, p.lastIndexOf('/')) || '/') {
    out.push(p);
    if (p === '/') return out;
  }
}

/** The file `name` of the cgroup at `path` of a hierarchy, read as this process sees it (its mount may show a subtree only). */
function readIn(read: ReadText, h: Hierarchy, path: string, name: string): string {
  const root = h.root === '/' ? '' : h.root;
  if (root !== '' && path !== root && !path.startsWith(`${root}/`)) return '';
  const below = path.slice(root.length);
  return (read(`${h.mount}${below === '/' ? '' : below}/${name}`) ?? '').trim();
}

/**
 * The CPU quota of this process' cgroups, in cores (`cpu.max` in cgroup v2,
 * `cpu.cfs_quota_us` over `cpu.cfs_period_us` in v1): the smallest one set
 * on its cgroup or any ancestor, or undefined when none is. Node 20's
 * `os.availableParallelism()` counts the CPUs the process may run on, not
 * this quota: in a container of 2 CPUs on a host of 64 it says 64 (Node 22
 * reads the quota too).
 */
export function cpuQuota(read: ReadText = readText): number | undefined {
  const cgroups = read('/proc/self/cgroup');
  const mounts = read('/proc/self/mountinfo');
  if (cgroups === undefined || mounts === undefined) return undefined;
  const hierarchies: Array<Hierarchy & { v2: boolean }> = [];
  for (const line of mounts.split('\n')) {
    const dash = line.indexOf(' - ');
    if (dash < 0) continue;
    const fields = line.slice(0, dash).split(' ');
    const [fstype, , superOptions = ''] = line.slice(dash + 3).split(' ');
    const root = fields[3];
    const mount = fields[4];
    if (root === undefined || mount === undefined) continue;
    if (fstype === 'cgroup2') {
      const cgroup = /^0::(.*)$/m.exec(cgroups)?.[1];
      if (cgroup !== undefined) hierarchies.push({ mount, root, cgroup, v2: true });
    } else if (fstype === 'cgroup' && superOptions.split(',').includes('cpu')) {
      // A v1 line names its controllers: `4:cpu,cpuacct:/docker/…`.
      const cgroup = cgroups.split('\n').find((l) => l.split(':')[1]?.split(',').includes('cpu') === true);
      if (cgroup !== undefined) hierarchies.push({ mount, root, cgroup: cgroup.slice(cgroup.indexOf(':', cgroup.indexOf(':') + 1) + 1), v2: false });
    }
  }
  let quota: number | undefined;
  for (const h of hierarchies) {
    for (const path of ancestors(h.cgroup)) {
      let cores: number | undefined;
      if (h.v2) {
        const [max, period] = readIn(read, h, path, 'cpu.max').split(/\s+/);
        if (max !== undefined && max !== 'max' && period !== undefined) cores = Number(max) / Number(period);
      } else {
        const max = Number(readIn(read, h, path, 'cpu.cfs_quota_us'));
        const period = Number(readIn(read, h, path, 'cpu.cfs_period_us'));
        if (max > 0 && period > 0) cores = max / period;
      }
      if (cores !== undefined && Number.isFinite(cores) && cores > 0) quota = Math.min(quota ?? Infinity, cores);
    }
  }
  return quota;
}

/**
 * The cores a run may keep busy: the CPUs the process may run on
 * (`os.availableParallelism()`), or fewer when a CPU quota is set (a
 * fraction of a core rounded down, at least one).
 */
export function usableCores(cpus: number = availableParallelism(), quota: number | undefined = cpuQuota()): number {
  return quota === undefined ? cpus : Math.max(1, Math.min(cpus, Math.floor(quota)));
}

/** This machine's share for this process. */
export function thisMachine(): MachineShare {
  // A container's memory limit (cgroups), when the process runs under one: 0 or undefined otherwise.
  const constrained = (process as { constrainedMemory?: () => number | undefined }).constrainedMemory?.();
  return { cores: usableCores(), memory: constrained !== undefined && constrained > 0 ? Math.min(constrained, totalmem()) : totalmem() };
}
