/**
 * Kubernetes' dependent environment variables (core/v1 EnvVar.value, and the same for a
 * container's command and args): `$(NAME)` is replaced by the value of NAME as defined earlier
 * for the same container (envFrom sources first, then env entries in order; command and args see
 * all of them); `$$` is an escaped `$`; a reference to a name not (yet) defined is left as written.
 */
export function expandVars(value: string, vars: ReadonlyMap<string, string>): string {
  return expandVarsDetailed(value, vars).value;
}

/**
 * The expansion, and the names referenced but not defined (left as written; an escaped `$$(X)` is not a reference).
 * `fallback`: what the kubelet maps a name the container does not define to (the Services' variables, service-links.ts).
 */
export function expandVarsDetailed(value: string, vars: ReadonlyMap<string, string>, fallback?: (name: string) => string | undefined): { value: string; missing: string[] } {
  const missing: string[] = [];
  const out = value.replace(/\$\$|\$\(([^()$]+)\)/g, (m: string, name: string | undefined) => {
    if (m === '$$') return '$';
    if (name !== undefined && vars.has(name)) return vars.get(name) as string;
    const byKubelet = name !== undefined ? fallback?.(name) : undefined;
    if (byKubelet !== undefined) return byKubelet;
    if (name !== undefined) missing.push(name);
    return m;
  });
  return { value: out, missing };
}

/** `FOO_HOST`, `FOO_ADDR`, `FOO_SERVICE_HOST`, `FOO_HOSTNAME`, `FOO_SERVER`, and lists (`CASSANDRA_HOSTS`, `NATS_SERVERS`): the host half of a HOST/PORT pair, and its prefix. */
const HOST_HALF = /^(.*?)_(SERVICE_HOST|HOSTNAME|HOSTS|HOST|ADDR|ADDRESS|SERVERS|SERVER)$/i;

/**
 * The ports that pair with a host variable, as the common configuration idiom writes one address
 * in several variables: `FOO_PORT` or `FOO_SERVICE_PORT` (numeric) beside `FOO_HOST=x` (or `_ADDR`,
 * `_SERVICE_HOST`, ...); without either, every numeric `FOO_PORT_<X>` and `FOO_<X>_PORT`
 * (`OTEL_COLLECTOR_PORT_GRPC` and `_PORT_HTTP`, `JAEGER_UI_PORT`), except a `FOO_<X>_PORT` that
 * pairs with a host of its own (`FOO_<X>_HOST`). Returns each port variable's name and value, and
 * whether it is the exact pair (`FOO_PORT`, `FOO_SERVICE_PORT`) rather than a guess by name.
 */
export function pairedPorts(hostVar: string, vars: ReadonlyMap<string, string>): { readonly name: string; readonly port: string; readonly exact?: true }[] {
  const m = HOST_HALF.exec(hostVar);
  if (!m) return [];
  const prefix = m[1] as string;
  const upper = hostVar === hostVar.toUpperCase();
  const numeric = (name: string) => {
    const v = vars.get(name)?.trim();
    return v !== undefined && /^\d{1,5}$/.test(v) ? { name, port: v } : undefined;
  };
  for (const suffix of ['PORT', 'SERVICE_PORT']) {
    const exact = numeric(`${prefix}_${upper ? suffix : suffix.toLowerCase()}`);
    if (exact) return [{ ...exact, exact: true }];
  }
  const p = prefix.toLowerCase();
  const hasOwnHost = (middle: string) => [...vars.keys()].some((k) => HOST_HALF.exec(k)?.[1]?.toLowerCase() === `${p}_${middle}`);
  const out: { name: string; port: string }[] = [];
  for (const name of [...vars.keys()].sort()) {
    const lower = name.toLowerCase();
    if (!lower.startsWith(`${p}_`)) continue;
    const rest = lower.slice(p.length + 1);
    const suffixed = /^port_[a-z0-9_]+$/.test(rest);
    const middle = /^([a-z0-9_]+)_port$/.exec(rest)?.[1];
    if (!suffixed && (middle === undefined || hasOwnHost(middle))) continue;
    const found = numeric(name);
    if (found) out.push(found);
  }
  return out;
}
