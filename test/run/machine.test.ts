// The cores a run may keep busy: the CPUs the process may run on, or fewer
// under a container's CPU quota (cgroup v1 and v2), read from the files the
// kernel shows the process (fixtures here, as a container would show them).
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { cpuQuota, usableCores, type ReadText } from '../../src/run/machine.js';

/** A process' view of /proc and /sys as a map of paths to contents. */
const files =
  (map: Record<string, string>): ReadText =>
  (path) =>
    map[path];

const V2_MOUNT = '29 23 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot\n';
const V1_MOUNTS =
  '30 22 0:27 / /sys/fs/cgroup ro,nosuid - tmpfs tmpfs ro,mode=755\n' +
  '31 30 0:28 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid,nodev,noexec,relatime - cgroup cgroup rw,cpu,cpuacct\n' +
  '32 30 0:29 / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec,relatime - cgroup cgroup rw,memory\n';

describe('cpuQuota', () => {
  it('cgroup v2 inside a container (its own cgroup shown as the root): cpu.max 200000 100000 is 2 cores', () => {
    const read = files({ '/proc/self/cgroup': '0::/\n', '/proc/self/mountinfo': V2_MOUNT, '/sys/fs/cgroup/cpu.max': '200000 100000\n' });
    expect(cpuQuota(read)).toBe(2);
  });

  it('cgroup v2 without a quota ("max") is none', () => {
    const read = files({ '/proc/self/cgroup': '0::/\n', '/proc/self/mountinfo': V2_MOUNT, '/sys/fs/cgroup/cpu.max': 'max 100000\n' });
    expect(cpuQuota(read)).toBeUndefined();
  });

  it('cgroup v2: a quota set on an ancestor holds for its children, the smallest one wins', () => {
    const read = files({
      '/proc/self/cgroup': '0::/kubepods/pod7/box\n',
      '/proc/self/mountinfo': V2_MOUNT,
      '/sys/fs/cgroup/kubepods/pod7/box/cpu.max': 'max 100000',
      '/sys/fs/cgroup/kubepods/pod7/cpu.max': '150000 100000',
      '/sys/fs/cgroup/kubepods/cpu.max': '800000 100000',
    });
    expect(cpuQuota(read)).toBe(1.5);
  });

  it('cgroup v1: cpu.cfs_quota_us over cpu.cfs_period_us of the cpu controller', () => {
    const read = files({
      '/proc/self/cgroup': '5:memory:/docker/abc\n4:cpu,cpuacct:/docker/abc\n1:name=systemd:/docker/abc\n',
      '/proc/self/mountinfo': V1_MOUNTS,
      '/sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_quota_us': '400000\n',
      '/sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_period_us': '100000\n',
    });
    expect(cpuQuota(read)).toBe(4);
  });

  it('cgroup v1: a quota of -1 is none', () => {
    const read = files({
      '/proc/self/cgroup': '4:cpu,cpuacct:/\n',
      '/proc/self/mountinfo': V1_MOUNTS,
      '/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us': '-1\n',
      '/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us': '100000\n',
    });
    expect(cpuQuota(read)).toBeUndefined();
  });

  it('cgroup v1 with the mount showing only the process’ own subtree (its root is the cgroup)', () => {
    const read = files({
      '/proc/self/cgroup': '4:cpu,cpuacct:/docker/abc\n',
      '/proc/self/mountinfo': '31 30 0:28 /docker/abc /sys/fs/cgroup/cpu rw - cgroup cgroup rw,cpu,cpuacct\n',
      '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '50000',
      '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000',
    });
    expect(cpuQuota(read)).toBe(0.5);
  });

  it('no /proc (macOS, Windows) or no cgroup mount: none', () => {
    expect(cpuQuota(files({}))).toBeUndefined();
    expect(cpuQuota(files({ '/proc/self/cgroup': '0::/\n', '/proc/self/mountinfo': '22 1 8:1 / / rw - ext4 /dev/sda1 rw\n' }))).toBeUndefined();
  });

  it('unreadable or malformed quota files are no quota', () => {
    const read = files({ '/proc/self/cgroup': '0::/\n', '/proc/self/mountinfo': V2_MOUNT, '/sys/fs/cgroup/cpu.max': 'garbage\n' });
    expect(cpuQuota(read)).toBeUndefined();
  });
});

describe('usableCores', () => {
  it.each([
    ['no quota: the CPUs', 8, undefined, 8],
    ['a quota of 2 on a host of 64', 64, 2, 2],
    ['a fraction of a core rounds down', 8, 2.5, 2],
    ['half a core is still one', 8, 0.5, 1],
    ['a quota above the CPUs the process may use changes nothing', 2, 4, 2],
  ])('%s', (_what, cpus, quota, expected) => {
    expect(usableCores(cpus, quota)).toBe(expected);
  });

  it('on this machine: at least one, at most the CPUs Node counts', () => {
    const cores = usableCores();
    expect(cores).toBeGreaterThanOrEqual(1);
    expect(cores).toBeLessThanOrEqual(availableParallelism());
  });
});
