import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey } from '../../src/model/peer.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * What a shell script in a Secret (Gitea's chart: its init containers run `configure_gitea.sh`
 * from the `gitea-init` Secret's `stringData`) names as a destination, and where that is cited.
 * - `nc -vz -w2 HOST PORT` (BSD/OpenBSD netcat: `-w timeout` takes a number, attached or apart)
 *   connects to PORT alone: the Service's other ports (Valkey's cluster bus) are not reached;
 * - `echo`/`printf` print their arguments: a URL in a message ("file an issue at https://...")
 *   is no destination;
 * - a `stringData` key is cited at its own line, as a `data` key is.
 */
const VALKEY = `apiVersion: v1
kind: Service
metadata: {name: valkey-headless, namespace: git}
spec:
  clusterIP: None
  selector: {app: valkey}
  ports: [{name: tcp-redis, port: 6379}, {name: tcp-redis-bus, port: 16379}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: valkey, namespace: git}
spec:
  serviceName: valkey-headless
  selector: {matchLabels: {app: valkey}}
  template:
    metadata: {labels: {app: valkey}}
    spec:
      containers: [{name: valkey, image: valkey, ports: [{containerPort: 6379}, {containerPort: 16379}]}]
`;

const script = (wait: string) => `apiVersion: v1
kind: Secret
metadata: {name: init, namespace: git}
type: Opaque
stringData:
  note.txt: just text
  configure.sh: |-
    #!/usr/bin/env bash
    set -euo pipefail
    { test -n "\${HOME:-}"; } || { echo "no home"; }
    for i in {1..60}; do
      ${wait} && break
      sleep 1
    done
    if [ -z "\${READY:-}" ]; then
      echo "Gitea did not start. If you think it is an issue with the chart, file an issue at https://gitea.example.org/gitea/helm-gitea/issues."
      printf 'see %s\\n' "https://docs.example.org/install"
      exit 1
    fi
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: gitea, namespace: git}
spec:
  selector: {matchLabels: {app: gitea}}
  template:
    metadata: {labels: {app: gitea}}
    spec:
      initContainers:
        - name: configure
          image: gitea
          command: ["/usr/sbin/configure.sh"]
          volumeMounts: [{name: init, mountPath: /usr/sbin}]
      containers: [{name: gitea, image: gitea}]
      volumes: [{name: init, secret: {secretName: init}}]
`;

function scan(wait: string) {
  const load = loadManifests([
    { path: 'valkey.yaml', text: VALKEY },
    { path: 'gitea.yaml', text: script(wait) },
  ]);
  expect(load.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return scanTopology(load.cluster).value;
}

const links = (t: ReturnType<typeof scan>) => t.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`);

describe('addresses in a shell script held in a Secret', () => {
  for (const wait of ['nc -vz -w2 valkey-headless.git.svc.cluster.local 6379', 'nc -z -w 2 valkey-headless.git.svc.cluster.local 6379', 'nc -z valkey-headless.git.svc.cluster.local 6379']) {
    it(`\`${wait}\` reaches the named port only`, () => {
      expect(links(scan(wait))).toEqual(['git/gitea[Deployment] => git/valkey[StatefulSet] : TCP 6379']);
    });
  }

  it('a URL an `echo` or `printf` prints is no destination (no gap, no link)', () => {
    const t = scan('nc -z valkey-headless.git.svc.cluster.local 6379');
    expect(t.unresolved.map((u) => u.value)).toEqual([]);
  });

  it('what `echo` writes into a file is configuration: its address stays a destination', () => {
    const t = scan('echo "valkey-headless.git.svc.cluster.local:6379" > /data/valkey.conf');
    expect(links(t)).toEqual(['git/gitea[Deployment] => git/valkey[StatefulSet] : TCP 6379']);
  });

  it('echoes grouped and written to a file (`{ echo "upstream=HOST:PORT"; } > conf`), and `$(echo ...)` (a value), keep their addresses', () => {
    expect(links(scan('{ echo "upstream=valkey-headless.git.svc.cluster.local:6379"; } > /data/valkey.conf'))).toEqual(['git/gitea[Deployment] => git/valkey[StatefulSet] : TCP 6379']);
    expect(links(scan('VALKEY=$(echo "valkey-headless.git.svc.cluster.local:6379")'))).toEqual(['git/gitea[Deployment] => git/valkey[StatefulSet] : TCP 6379']);
  });

  it('the address is cited at its line in the stringData key\'s script, by that path', () => {
    const t = scan('nc -z valkey-headless.git.svc.cluster.local 6379');
    const ev = t.links[0]?.evidence.flatMap((e) => (e.kind === 'address' ? [e] : []));
    const line = script('nc').split('\n').findIndex((l) => l.includes('nc && break')) + 1;
    expect(ev?.map((e) => [e.at.file, e.at.line, e.at.path?.join('.')])).toEqual([['gitea.yaml', line, 'stringData.configure.sh']]);
  });
});
