// What every benchmark reads its time with (not a benchmark: bench/run.mjs runs *.bench.mjs only).

/** Process CPU time in ms: user + system, of every thread (GC and worker threads included). */
export function cpuMs() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * `node --import AT_EXIT …` makes a child print its own CPU ms and peak RSS (KB)
 * on stderr as it exits: `CPU 1234.5 MAXRSS 178000` (read with `atExit`).
 */
export const AT_EXIT =
  'data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("\\nCPU "+(u.user+u.system)/1000+" MAXRSS "+process.resourceUsage().maxRSS+"\\n")})';

/** The figures an `AT_EXIT` child printed: CPU ms and peak RSS in MB; undefined when it did not get to print them. */
export function atExit(stderr) {
  const m = /CPU ([\d.]+) MAXRSS (\d+)/.exec(stderr);
  return m ? { cpuMs: Number(m[1]), rssMB: Number(m[2]) / 1024 } : undefined;
}
