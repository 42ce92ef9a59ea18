/**
 * CPU milliseconds that `run` costs this process. The guards against super-linear work compare with this,
 * not with wall time: on a shared machine the time spent waiting for a core is not the code's cost, and a
 * wall-time bound trips when the machine is busy (it did, at a load of 17).
 */
export function cpuMs(run: () => unknown): number {
  const t = process.cpuUsage();
  run();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}
