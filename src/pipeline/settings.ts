import type { IngressControllerPlace } from '../connectivity/classes.js';
import type { EngineOptions } from '../connectivity/engine.js';
import type { IpFamily, IpRange } from '../model/ip.js';
import { DEFAULT_KUBE_VERSION, DEFAULT_MAX_FILE_BYTES, DEFAULT_RENDER_OPTIONS, type RenderOptions } from '../io/types.js';

export { DEFAULT_KUBE_VERSION, DEFAULT_MAX_FILE_BYTES, DEFAULT_RENDER_OPTIONS };
export type { ChartSettings, Io, RenderOptions } from '../io/types.js';

/** What every use-case that reads manifests needs to know, whoever asked (CLI flags or Action inputs). */
export interface ReadSettings {
  readonly maxFileBytes: number;
  readonly render: RenderOptions;
  /** The cluster's address families (manifests do not say; default IPv4). */
  readonly ipFamilies: readonly IpFamily[];
  /**
   * The namespace of namespaced objects that name none, as `kubectl apply -n NS` would place them
   * (default: `default`). A chart's own namespace (--helm-namespace, --helm-config) and a
   * kustomization's `namespace:` win where set; charts without one are rendered in this namespace.
   */
  readonly namespace?: string;
  /** Told before each (possibly long) rendering, for the CLI's progress line. */
  readonly progress?: (message: string) => void;
  /** The pod network (--pod-cidr): address peers covering it apply to pods too. Unset: not modelled. */
  readonly podCidrs?: readonly IpRange[];
  /** The Service network (--service-cidr): not external addresses. */
  readonly serviceCidrs?: readonly IpRange[];
  /** Where the ingress controller runs (--ingress-controller): `{ingress-controller}` is evaluated as a pod there. */
  readonly ingressController?: IngressControllerPlace;
}

/** The engine's options from the read settings (address families, cluster ranges). */
export function engineOptions(settings: Pick<ReadSettings, 'ipFamilies' | 'podCidrs' | 'serviceCidrs' | 'ingressController'>): EngineOptions {
  const pods = settings.podCidrs ?? [];
  const services = settings.serviceCidrs ?? [];
  return {
    ipFamilies: settings.ipFamilies,
    ...(pods.length > 0 || services.length > 0 ? { clusterRanges: { pods, services } } : {}),
    ...(settings.ingressController ? { ingressController: settings.ingressController } : {}),
  };
}

export const DEFAULT_READ_SETTINGS: ReadSettings = { maxFileBytes: DEFAULT_MAX_FILE_BYTES, render: DEFAULT_RENDER_OPTIONS, ipFamilies: [4] };
