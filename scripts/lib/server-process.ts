// How `npm start` runs `next start`; the e2e tests and the benchmarks start it the same way, so they
// measure what a school runs.

/**
 * A V8 heap limit for the server: without one, 50 staff at once grew `next start` to 0.6–1 GB of RSS
 * and it stayed there; 256 MB keeps it under 0.5 GB at the same speed (192 MB slowed pages threefold
 * in GC) and a 5,000-student bulk send still runs. A limit already in NODE_OPTIONS wins.
 */
export const SERVER_HEAP_MB = 256;

/**
 * Node flags of the server process (V8 flags that NODE_OPTIONS refuses). Prisma 7's query compiler
 * is a large WebAssembly module: V8 first compiles it with its baseline compiler, then recompiles
 * the busy functions with its optimising one, which took some 70 MB of temporary memory on the first
 * query; freed, that memory stayed in the allocator and counted in the server's RSS for good.
 * Baseline code alone kept queries as fast (3,000 reads with relations timed alike, within this
 * machine's noise) and the server 75–90 MB smaller after its first pages (issue 9).
 */
export const SERVER_NODE_ARGS = ["--liftoff-only"];

/**
 * glibc's allocator keeps up to one arena per thread (libuv's pool, V8's helpers) and returns freed
 * memory to the system lazily; two arenas and a low trim and mmap threshold give memory back after a
 * burst. Ignored by other C libraries. A value already in the environment wins.
 */
const ALLOCATOR_SETTINGS = { MALLOC_ARENA_MAX: "2", MALLOC_TRIM_THRESHOLD_: "131072", MALLOC_MMAP_THRESHOLD_: "131072" };

/** `env` with the server's heap limit and allocator settings added where not already set. */
export function serverProcessEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const nodeOptions = /--max-old-space-size/.test(env.NODE_OPTIONS ?? "")
    ? env.NODE_OPTIONS
    : `${env.NODE_OPTIONS ?? ""} --max-old-space-size=${SERVER_HEAP_MB}`.trim();
  return { ...ALLOCATOR_SETTINGS, ...env, NODE_OPTIONS: nodeOptions };
}
