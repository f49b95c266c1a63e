// What every benchmark reads its time with (not a benchmark: bench/run.mjs runs *.bench.mjs only).

/** Process CPU time in ms: user + system, of every thread (GC and worker threads included). */
export function cpuMs() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * `node --import AT_EXIT …` makes a child print its own CPU ms and peak RSS (KB)
 * on stderr as it exits, and on Linux its main thread's CPU ms (from /proc, in
 * clock ticks of 10 ms): `CPU 1234.5 MAXRSS 178000 MAIN 980` (read with `atExit`).
 * The rest of the CPU is V8's other threads (the optimising compiler, the
 * garbage collector's helpers) and any worker threads.
 */
export const AT_EXIT =
  'data:text/javascript,import{readFileSync as r}from"node:fs";process.on("exit",()=>{const u=process.cpuUsage();let m="";try{const f=r("/proc/self/task/"+process.pid+"/stat","utf8").split(") ")[1].split(" ");m=" MAIN "+((+f[11])+(+f[12]))*10}catch{}process.stderr.write("\\nCPU "+(u.user+u.system)/1000+" MAXRSS "+process.resourceUsage().maxRSS+m+"\\n")})';

/** The figures an `AT_EXIT` child printed: CPU ms, peak RSS in MB, the main thread's CPU ms (NaN where unknown); undefined when it did not get to print them. */
export function atExit(stderr) {
  const m = /CPU ([\d.]+) MAXRSS (\d+)(?: MAIN (\d+))?/.exec(stderr);
  return m ? { cpuMs: Number(m[1]), rssMB: Number(m[2]) / 1024, mainMs: m[3] === undefined ? NaN : Number(m[3]) } : undefined;
}
