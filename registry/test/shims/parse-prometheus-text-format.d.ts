/** The package ships no types: it parses Prometheus text exposition into metric families. */
declare module 'parse-prometheus-text-format' {
  export default function parsePrometheusTextFormat(text: string): {
    name: string;
    help: string;
    type: string;
    metrics: {
      value?: string;
      count?: string;
      sum?: string;
      labels?: Record<string, string>;
      buckets?: Record<string, string>;
    }[];
  }[];
}
