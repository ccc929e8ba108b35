// The part of autocannon's programmatic API the endpoint benchmark uses (the package ships no types).
declare module 'autocannon' {
  interface Stats {
    total: number;
    average: number;
    p50: number;
    p99: number;
  }
  interface Options {
    url: string;
    connections: number;
    duration: number;
    requests: Array<{ setupRequest?: (req: Record<string, unknown>, context: Record<string, unknown>) => Record<string, unknown> }>;
  }
  interface Result {
    requests: Stats;
    latency: Stats;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
  }
  function autocannon(opts: Options): Promise<Result>;
  export default autocannon;
}
