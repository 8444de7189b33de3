import type { ObjectOf } from '../manifests/objects.js';

/**
 * The variables the kubelet sets in a pod's containers for the Services of its namespace
 * (Kubernetes, "Service > Discovering services > Environment variables"; kubelet
 * `envvars.FromServices`), so that `$(VAR)` in a command, an arg or an env value expands to them
 * when the container does not define VAR itself (JupyterHub's proxy runs
 * `--default-target=http://hub:$(HUB_SERVICE_PORT)`). For each Service with a cluster IP (not
 * headless, not ExternalName), NAME being its name upper-cased with `-` as `_`:
 * - `NAME_SERVICE_HOST`, `NAME_SERVICE_PORT` (its first port), `NAME_SERVICE_PORT_<PORT NAME>`;
 * - Docker's link variables: `NAME_PORT` (the first port's `tcp://host:port`) and, per port,
 *   `NAME_PORT_<port>_<PROTO>` with its `_PROTO`, `_PORT` and `_ADDR`.
 * Only when the pod's `enableServiceLinks` is not false, except the API server's (always set). The
 * cluster IP is not known before the Service is created: the host is given as the Service's name,
 * which reaches the same Service.
 */
export function serviceLinkVariables(services: Iterable<ObjectOf<'Service'>>, enableServiceLinks: unknown): ReadonlyMap<string, string> {
  const vars = new Map<string, string>(API_SERVER_VARIABLES);
  if (enableServiceLinks === false) return vars;
  for (const s of services) {
    const spec = s.spec;
    const ports = spec?.ports ?? [];
    const svc = s.metadata.name;
    if (!svc || !hasClusterIp(spec) || ports.length === 0) continue;
    const name = envName(svc);
    const ip = clusterIpOf(spec);
    const host = ip ?? svc;
    vars.set(`${name}_SERVICE_HOST`, host);
    vars.set(`${name}_SERVICE_PORT`, String(ports[0]?.port));
    ports.forEach((p, i) => {
      if (p.name) vars.set(`${name}_SERVICE_PORT_${envName(p.name)}`, String(p.port));
      const proto = (p.protocol ?? 'TCP').toUpperCase();
      // as Go's net.JoinHostPort writes it: an IPv6 address in brackets
      const url = `${proto.toLowerCase()}://${host.includes(':') ? `[${host}]` : host}:${p.port}`;
      if (i === 0) vars.set(`${name}_PORT`, url);
      const prefix = `${name}_PORT_${p.port}_${proto}`;
      vars.set(prefix, url);
      vars.set(`${prefix}_PROTO`, proto.toLowerCase());
      vars.set(`${prefix}_PORT`, String(p.port));
      vars.set(`${prefix}_ADDR`, host);
    });
  }
  return vars;
}

/**
 * The API server's, which the kubelet sets in every container whatever `enableServiceLinks` says
 * ("the master service namespace" is always linked): the `kubernetes` Service in `default`, on 443
 * (its port, whichever port the API server itself listens on), its host given by name.
 */
const API_SERVER = 'kubernetes.default.svc';
const API_SERVER_VARIABLES: readonly (readonly [string, string])[] = [
  ['KUBERNETES_SERVICE_HOST', API_SERVER],
  ['KUBERNETES_SERVICE_PORT', '443'],
  ['KUBERNETES_SERVICE_PORT_HTTPS', '443'],
  ['KUBERNETES_PORT', `tcp://${API_SERVER}:443`],
  ['KUBERNETES_PORT_443_TCP', `tcp://${API_SERVER}:443`],
  ['KUBERNETES_PORT_443_TCP_PROTO', 'tcp'],
  ['KUBERNETES_PORT_443_TCP_PORT', '443'],
  ['KUBERNETES_PORT_443_TCP_ADDR', API_SERVER],
];

/** A Service the API server gives a cluster IP: not `clusterIP: None` (headless), not ExternalName. */
function hasClusterIp(spec: ObjectOf<'Service'>['spec']): boolean {
  return spec?.type !== 'ExternalName' && (spec as { clusterIP?: unknown } | null | undefined)?.clusterIP !== 'None';
}

/** The cluster IP the Service asks for, when it names one. */
function clusterIpOf(spec: ObjectOf<'Service'>['spec']): string | undefined {
  const ip = (spec as { clusterIP?: unknown } | null | undefined)?.clusterIP;
  return typeof ip === 'string' && ip !== '' && ip !== 'None' ? ip : undefined;
}

/** The kubelet's `makeEnvVariableName`: upper case, `-` as `_`. */
const envName = (s: string) => s.toUpperCase().replace(/-/g, '_');
