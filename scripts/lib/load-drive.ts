// One autocannon run against the app and the figures bench:load prints from it: every latency kept
// (percentiles from scripts/lib/stats.ts, never means), by page of the scenario, with bytes and status codes.
import autocannon from "autocannon";
import { summarize } from "./stats";

export type Drive = {
  seconds: number;
  responses: number;
  non2xx: number;
  errors: number;
  latencies: number[];
  byPage: Map<string, number[]>;
  bytesByPage: Map<string, number>;
  statusCodes: Record<string, number>;
};

/** `connections` connections for `seconds`, each looping over `requests`; every latency kept, by page. */
export async function drive(
  url: string,
  connections: number,
  seconds: number,
  requests: autocannon.Request[],
  pageOf: () => string,
): Promise<Drive> {
  const latencies: number[] = [];
  const byPage = new Map<string, number[]>();
  const bytesByPage = new Map<string, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, requests, timeout: 30 }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on("response", (_client, _status, bytes, responseTime) => {
      latencies.push(responseTime);
      const page = pageOf();
      bytesByPage.set(page, (bytesByPage.get(page) ?? 0) + bytes);
      if (!byPage.has(page)) byPage.set(page, []);
      byPage.get(page)!.push(responseTime);
    });
  });
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]));
  return {
    seconds: result.duration,
    responses: latencies.length,
    non2xx: result.non2xx,
    errors: result.errors,
    latencies,
    byPage,
    bytesByPage,
    statusCodes,
  };
}

/** Requests per second and latency percentiles of a run. */
export function describe(label: string, run: Drive) {
  const all = summarize(run.latencies);
  const rate = run.responses / run.seconds;
  return {
    label,
    requestsPerSecond: rate,
    p50: all.p50,
    p95: all.p95,
    p99: all.p99,
    max: all.max,
    responses: run.responses,
    non2xx: run.non2xx,
    errors: run.errors,
    statusCodes: run.statusCodes,
  };
}

/** Several runs (the rounds) as one. */
export function merge(runs: Drive[]): Drive {
  const byPage = new Map<string, number[]>();
  for (const run of runs) for (const [page, values] of run.byPage) byPage.set(page, [...(byPage.get(page) ?? []), ...values]);
  const bytesByPage = new Map<string, number>();
  for (const run of runs) for (const [page, bytes] of run.bytesByPage) bytesByPage.set(page, (bytesByPage.get(page) ?? 0) + bytes);
  const statusCodes: Record<string, number> = {};
  for (const run of runs) for (const [code, count] of Object.entries(run.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
  return {
    seconds: runs.reduce((sum, run) => sum + run.seconds, 0),
    responses: runs.reduce((sum, run) => sum + run.responses, 0),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    latencies: runs.flatMap((run) => run.latencies),
    byPage,
    bytesByPage,
    statusCodes,
  };
}
