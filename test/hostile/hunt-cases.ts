import path from 'node:path';
import { all, exitIs, reports, type Found } from './cases.js';
import { write, type HostileCase, type RunResult } from './harness.js';

/**
 * Cases from the hostile-input hunt (session 5): reviewed link lists, baseline rule files and
 * traffic traces with the same hostility as manifests, and the commands beyond connectivity.
 */

const SVC = 'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec: {selector: {app: api}, ports: [{port: 80, targetPort: 9090}]}\n';

/** stdout must match `re` (the rest of the input was still processed). */
const stdoutMatches = (re: RegExp) => (r: RunResult): Found => (re.test(r.stdout) ? [] : [{ problem: 'dropped', why: `stdout does not match ${re}: ${r.stdout.slice(0, 300)}` }]);

export const HUNT_CASES: HostileCase[] = [
  {
    name: 'links validate: one malformed link does not hide the errors of the others',
    kind: 'drop',
    setup: ({ dir }) =>
      write(
        path.join(dir, 'links.yaml'),
        [
          'links:',
          '  - {src: "shop/web[Deployment]", dst: "shop/api[Deployment]", conns: TCP 9090}',
          '  - {src: "shop/web[Deployment]", dst: "shop/api[Deployment]", conns: 80}',
          '  - null',
          '  - {src: "shop/web[Deployment]\\n::error::x <img src=x>", dst: "shop/api[Deployment]", conns: TCP 65536}',
          '  - {src: "shop/web[Deployment]", dst: "shop/api[Deployment]", conns: TCP 90-80}',
          '',
        ].join('\n'),
      ),
    args: () => ['links', 'validate', 'links.yaml', '--manifests', 'app.yaml'],
    exits: [2],
    check: all(
      reports('NPC010', { file: /^links\.yaml:3:/, message: /links\[1\]\.conns/ }),
      reports('NPC010', { file: /^links\.yaml:4:/, message: /links\[2\]/ }),
      reports('NPC010', { file: /^links\.yaml:5:/, message: /links\[3\]\.src/ }),
      reports('NPC010', { file: /^links\.yaml:5:/, message: /links\[3\]\.conns: not a connection set: "TCP 65536"/ }),
      reports('NPC010', { file: /^links\.yaml:6:/, message: /links\[4\]\.conns: not a connection set: "TCP 90-80"/ }),
      stdoutMatches(/^links\.yaml: 1 links, 5 error\(s\)$/m),
    ),
  },
  {
    name: 'synthesize --links: a link to itself is reported, not dropped in silence',
    kind: 'drop',
    setup: ({ dir }) => write(path.join(dir, 'links.yaml'), 'links:\n  - {src: "shop/web[Deployment]", dst: "shop/web[Deployment]", conns: TCP 8080}\n'),
    args: () => ['synthesize', 'app.yaml', '--links', 'links.yaml', '--dry-run'],
    check: reports('NPC232', { file: /^links\.yaml:2:/, message: /shop\/web\[Deployment\] to itself/ }),
  },
  {
    name: 'synthesize --links: a Service link naming none of its ports is reported',
    kind: 'drop',
    setup: ({ dir }) => {
      write(path.join(dir, 'svc.yaml'), SVC);
      write(path.join(dir, 'links.yaml'), 'links:\n  - {src: "shop/web[Deployment]", dst: "svc:shop/api", conns: TCP 81}\n  - {src: "shop/web[Deployment]", dst: "svc:shop/api", conns: TCP 80}\n');
    },
    args: () => ['synthesize', '.', '--links', 'links.yaml', '--dry-run'],
    check: all(reports('NPC233', { file: /^links\.yaml:2:/, message: /"TCP 81" names no port of svc:shop\/api/ }), exitIs(0), stdoutMatches(/port: 9090/)),
  },
  {
    name: 'links validate --manifests resolves svc: peers as synthesize does',
    kind: 'validation',
    setup: ({ dir }) => {
      write(path.join(dir, 'svc.yaml'), SVC);
      write(path.join(dir, 'links.yaml'), 'links:\n  - {src: "shop/web[Deployment]", dst: "svc:shop/api", conns: TCP 80}\n');
    },
    args: () => ['links', 'validate', 'links.yaml', '--manifests', '.'],
    check: all(exitIs(0), stdoutMatches(/^links\.yaml: 1 links, valid$/m)),
  },
];
