import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey } from '../../src/model/peer.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * What a shell script in a Secret (Gitea's chart: its init containers run `configure_gitea.sh`
 * from the `gitea-init` Secret's `stringData`) names as a destination, and where that is cited.
 * - `nc -vz -w2 HOST PORT` (BSD/OpenBSD netcat: `-w timeout` takes a number, attached or apart)
 *   connects to PORT alone: the Service's other ports (Valkey's cluster bus) are not reached;
 * - `echo`/`printf` print their arguments: an outside URL in a message ("file an issue at
 *   https://...") is no gap, but an in-cluster address printed keeps its link, and a command
 *   substitution, or stdout sent to a file (`done > f`, `gen > f`, `exec > f`), is no message;
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

/** A Deployment whose init container runs `body` from a ConfigMap, beside Valkey. */
function scanScript(body: string) {
  const text = `apiVersion: v1
kind: ConfigMap
metadata: {name: init, namespace: git}
data:
  gen.sh: |-
    #!/bin/sh
${body.split('\n').map((l) => `    ${l}`).join('\n')}
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
        - {name: gen, image: x, command: ["/scripts/gen.sh"], volumeMounts: [{name: s, mountPath: /scripts}]}
      containers: [{name: gitea, image: gitea}]
      volumes: [{name: s, configMap: {name: init}}]
`;
  const load = loadManifests([
    { path: 'valkey.yaml', text: VALKEY },
    { path: 'gitea.yaml', text },
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

  // what an echo prints reaches stdout, which a loop, `if`, `case`, function or `exec` may send to a file
  // as the script's configuration: an in-cluster address it names is a call a policy must allow
  const VALKEY_LINK = ['git/gitea[Deployment] => git/valkey[StatefulSet] : TCP 6379'];
  const HOST = 'valkey-headless.git.svc.cluster.local';

  it('an in-cluster address an `echo` prints to stdout keeps its link (only an outside host\'s gap is dropped)', () => {
    expect(links(scanScript(`echo "connecting to ${HOST}:6379"`))).toEqual(VALKEY_LINK);
  });

  for (const [name, body] of [
    ['a loop\'s output written to a file', 'for h in 1 2; do\n  echo "url=https://valkey.example.org:6379"\ndone > /etc/app/conf.ini'],
    ['an `if`\'s output appended to a file', `if true; then\n  echo "https://valkey.example.org:6379"\nfi >> /etc/app/conf`],
    ['a `case`\'s output piped on', `case x in\n  *)\n    echo "https://valkey.example.org:6379"\n    ;;\nesac | tee /etc/app/conf`],
    ['a function\'s redirected call', `gen() {\n  echo "https://valkey.example.org:6379"\n}\ngen > /etc/app/conf`],
    ['`exec >` before the echo', `exec > /etc/app/conf\necho "https://valkey.example.org:6379"`],
  ] as const) {
    it(`echoes count as configuration after ${name}: an outside host stays a gap`, () => {
      expect(scanScript(body).unresolved.map((u) => u.value)).toEqual(['https://valkey.example.org:6379']);
    });
  }

  it('a loop\'s echo written to a file keeps its in-cluster link', () => {
    expect(links(scanScript(`for h in 1 2; do\n  echo "upstream=${HOST}:6379"\ndone > /etc/app/conf.ini`))).toEqual(VALKEY_LINK);
  });

  it('`exec >&2` sends what follows to stderr: those echoes stay messages', () => {
    expect(scanScript('exec >&2\necho "see https://valkey.example.org:6379"').unresolved).toEqual([]);
  });

  for (const body of [
    'echo "status: $(curl -s https://valkey.example.org:6379/health)"',
    'echo "$(nc -z valkey.example.org 6379 && echo ok)"',
    'echo "status: `curl -s https://valkey.example.org:6379/health`"',
  ]) {
    it(`a command substitution inside an echo runs its command: \`${body}\` keeps its gap`, () => {
      expect(scanScript(body).unresolved.map((u) => u.value)).toHaveLength(1);
    });
  }

  it('the text around a command substitution is still printed: its outside URL is no gap', () => {
    expect(scanScript('echo "see https://docs.example.org/x, up: $(date)"').unresolved).toEqual([]);
  });

  it('the address is cited at its line in the stringData key\'s script, by that path', () => {
    const t = scan('nc -z valkey-headless.git.svc.cluster.local 6379');
    const ev = t.links[0]?.evidence.flatMap((e) => (e.kind === 'address' ? [e] : []));
    const line = script('nc').split('\n').findIndex((l) => l.includes('nc && break')) + 1;
    expect(ev?.map((e) => [e.at.file, e.at.line, e.at.path?.join('.')])).toEqual([['gitea.yaml', line, 'stringData.configure.sh']]);
  });
});
