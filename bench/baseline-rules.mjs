// 50 baseline rules (np-guard format) for a generated app, chosen from the app's own namespaces
// and labels so that they touch what organisations write rules about: data stores reached only
// from inside their team, no plain-text protocols anywhere, frontends never at data stores,
// monitoring that must scrape, egress to the internet only from backends. Deterministic.

/** @param {{ namespaces: ReadonlyMap<string, { name: string, labels: Record<string, string> }>, workloads: readonly { ref: { namespace: string }, pods: readonly { labels: Record<string, string> }[] }[] }} cluster */
export function baselineRulesYaml(cluster) {
  const namespaces = [...cluster.namespaces.values()].filter((n) => n.labels.team).map((n) => n.name).sort();
  const appsIn = (ns, tier) =>
    [...new Set(cluster.workloads.filter((w) => w.ref.namespace === ns).flatMap((w) => w.pods.map((p) => p.labels)).filter((l) => l.tier === tier).map((l) => l.app))].sort();
  const rules = [];
  const add = (r) => rules.push({ name: `r${String(rules.length).padStart(2, '0')}-${r.name}`, ...Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'name')) });
  // cluster-wide rules
  add({ name: 'no-ftp', description: 'no ftp into or out of any workload', protocol: 'TCP', port_min: 20, port_max: 21, action: 'deny' });
  add({ name: 'no-telnet', protocol: 'TCP', port_min: 23, port_max: 23, action: 'deny' });
  add({ name: 'frontends-never-at-data', from: 'tier=frontend', to: 'tier=data', action: 'deny' });
  add({ name: 'data-no-internet', from: 'tier=data', to: '0.0.0.0/0', action: 'deny' });
  // per team, alternating: the team's data stores only from inside the team (a broad scope: every
  // other namespace), and one frontend must reach one backend (a narrow scope)
  for (let i = 0; rules.length < 50 && i < namespaces.length * 2; i++) {
    const ns = namespaces[Math.floor(i / 2) % namespaces.length];
    if (i % 2 === 0) {
      add({ name: `${ns}-data-private`, from_ns: `kubernetes.io/metadata.name!=${ns}`, to: 'tier=data', to_ns: `kubernetes.io/metadata.name=${ns}`, action: 'deny' });
    } else {
      const backends = appsIn(ns, 'backend');
      const frontends = appsIn(ns, 'frontend');
      if (backends.length === 0 || frontends.length === 0) continue;
      add({
        name: `${ns}-frontend-reaches-backend`,
        from: `app=${frontends[0]}`,
        from_ns: `kubernetes.io/metadata.name=${ns}`,
        to: `app=${backends[0]}`,
        to_ns: `kubernetes.io/metadata.name=${ns}`,
        protocol: 'TCP',
        port_min: 8080,
        port_max: 8080,
        action: 'allow',
      });
    }
  }
  // small apps have few namespaces: fill up to 50 with per-namespace port rules
  for (let i = 0; rules.length < 50; i++) {
    const ns = namespaces[i % namespaces.length];
    add({ name: `no-ssh-into-${ns}-${i}`, to_ns: `kubernetes.io/metadata.name=${ns}`, protocol: 'TCP', port_min: 22, port_max: 22, action: 'deny' });
  }
  return rules
    .map((r) => `- ${Object.entries(r).map(([k, v], j) => `${j === 0 ? '' : '  '}${k}: ${typeof v === 'string' ? JSON.stringify(v) : v}`).join('\n')}\n`)
    .join('');
}
