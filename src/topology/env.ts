/**
 * Kubernetes' dependent environment variables (core/v1 EnvVar.value, and the same for a
 * container's command and args): `$(NAME)` is replaced by the value of NAME as defined earlier
 * for the same container (envFrom sources first, then env entries in order; command and args see
 * all of them); `$$` is an escaped `$`; a reference to a name not (yet) defined is left as written.
 */
export function expandVars(value: string, vars: ReadonlyMap<string, string>): string {
  return expandVarsDetailed(value, vars).value;
}

/** The expansion, and the names referenced but not defined (left as written; an escaped `$$(X)` is not a reference). */
export function expandVarsDetailed(value: string, vars: ReadonlyMap<string, string>): { value: string; missing: string[] } {
  const missing: string[] = [];
  const out = value.replace(/\$\$|\$\(([^()$]+)\)/g, (m: string, name: string | undefined) => {
    if (m === '$$') return '$';
    if (name !== undefined && vars.has(name)) return vars.get(name) as string;
    if (name !== undefined) missing.push(name);
    return m;
  });
  return { value: out, missing };
}

/** `FOO_HOST`, `FOO_ADDR`, `FOO_SERVICE_HOST`, `FOO_HOSTNAME`, `FOO_SERVER`: the host half of a HOST/PORT pair, and its prefix. */
const HOST_HALF = /^(.*?)_(SERVICE_HOST|HOSTNAME|HOST|ADDR|ADDRESS|SERVER)$/i;

/**
 * The port that pairs with a host variable: `FOO_PORT` or `FOO_SERVICE_PORT` (numeric) beside
 * `FOO_HOST=x` (or `_ADDR`, `_SERVICE_HOST`, ...), as the common configuration idiom writes one
 * address in two variables. Returns the port variable's name and value.
 */
export function pairedPort(hostVar: string, vars: ReadonlyMap<string, string>): { readonly name: string; readonly port: string } | undefined {
  const m = HOST_HALF.exec(hostVar);
  if (!m) return undefined;
  const prefix = m[1] as string;
  const upper = hostVar === hostVar.toUpperCase();
  for (const suffix of ['PORT', 'SERVICE_PORT']) {
    const name = `${prefix}_${upper ? suffix : suffix.toLowerCase()}`;
    const v = vars.get(name)?.trim();
    if (v !== undefined && /^\d{1,5}$/.test(v)) return { name, port: v };
  }
  return undefined;
}
