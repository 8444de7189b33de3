import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs } from '../helpers/fixtures.js';
import { allowedAfterSynthesis, APPS, EVERYWHERE, pairs, scan, w } from '../helpers/real-apps.js';
import { runWithTools } from '../helpers/tools.js';

/**
 * Real public applications (fixtures/real-apps, sources and commits in its README), scanned and
 * synthesized as a new user would, with the real helm and kubectl. For each app, the links are
 * written from the app's OWN documentation (cited per app), never from our output:
 *
 * - `stated`: the links the manifests state (an address in an env value or argument, an exposing
 *   Service): scan finds exactly these, and after synthesize + connectivity each is allowed and
 *   nothing else between workloads is;
 * - `inCode`: the links the docs describe that live only in application code: each is a gap
 *   (its destination has no known caller, or its source an unresolved address), so it is never
 *   silently blocked, and `--gaps=namespace` (the documented closure) allows it.
 */

afterAll(cleanupTempDirs);

/**
 * Online Boutique, https://github.com/GoogleCloudPlatform/microservices-demo — README
 * "Architecture" (the service diagram and the table of services): frontend calls ad, cart,
 * checkout, currency, productcatalog, recommendation and shipping; checkout "retrieves user cart,
 * prepares order and orchestrates the payment, shipping and the email notification" (and
 * converts currency and reads the catalogue); recommendation reads the product catalogue;
 * cart stores carts in Redis; loadgenerator "continuously sends requests ... to the frontend";
 * frontend-external is the public LoadBalancer. Every one of these is an *_ADDR env value.
 */
const BOUTIQUE_STATED = [
  `${EVERYWHERE} => ${w('default', 'frontend')} : TCP 8080`,
  `${w('default', 'cartservice')} => ${w('default', 'redis-cart')} : TCP 6379`,
  `${w('default', 'checkoutservice')} => ${w('default', 'cartservice')} : TCP 7070`,
  `${w('default', 'checkoutservice')} => ${w('default', 'currencyservice')} : TCP 7000`,
  `${w('default', 'checkoutservice')} => ${w('default', 'emailservice')} : TCP 8080`,
  `${w('default', 'checkoutservice')} => ${w('default', 'paymentservice')} : TCP 50051`,
  `${w('default', 'checkoutservice')} => ${w('default', 'productcatalogservice')} : TCP 3550`,
  `${w('default', 'checkoutservice')} => ${w('default', 'shippingservice')} : TCP 50051`,
  `${w('default', 'frontend')} => ${w('default', 'adservice')} : TCP 9555`,
  `${w('default', 'frontend')} => ${w('default', 'cartservice')} : TCP 7070`,
  `${w('default', 'frontend')} => ${w('default', 'checkoutservice')} : TCP 5050`,
  `${w('default', 'frontend')} => ${w('default', 'currencyservice')} : TCP 7000`,
  `${w('default', 'frontend')} => ${w('default', 'productcatalogservice')} : TCP 3550`,
  `${w('default', 'frontend')} => ${w('default', 'recommendationservice')} : TCP 8080`,
  `${w('default', 'frontend')} => ${w('default', 'shippingservice')} : TCP 50051`,
  `${w('default', 'loadgenerator')} => ${w('default', 'frontend')} : TCP 8080`,
  `${w('default', 'recommendationservice')} => ${w('default', 'productcatalogservice')} : TCP 3550`,
];

describe('Online Boutique: plain YAML, its Helm chart and its Kustomize root give the same links', () => {
  for (const form of ['online-boutique-yaml', 'online-boutique-helm', 'online-boutique-kustomize']) {
    it(form, () => {
      const app = `${APPS}/${form}`;
      const doc = scan(app);
      expect(doc.links.map((l) => `${l.src} => ${l.dst} : ${l.conns}`)).toEqual(BOUTIQUE_STATED);
      // the optional shopping assistant (a Kustomize Component the root leaves out) is named by the frontend: a gap, not a silent block
      expect(doc.gaps).toEqual([expect.objectContaining({ workload: w('default', 'frontend'), direction: 'egress', reason: 'no-such-service', value: 'shoppingassistantservice:80' })]);
      expect(allowedAfterSynthesis(app)).toEqual(BOUTIQUE_STATED);
    });
  }
});

/**
 * Istio Bookinfo, https://istio.io/latest/docs/examples/bookinfo/ — "The productpage
 * microservice calls the details and reviews microservices"; "reviews v2 and v3 call the ratings
 * service". The manifests (samples/bookinfo/platform/kube/bookinfo.yaml) name none of these: all
 * live in application code.
 */
describe('Istio Bookinfo', () => {
  const app = `${APPS}/bookinfo/bookinfo.yaml`;
  const IN_CODE = [
    [w('default', 'productpage-v1'), w('default', 'details-v1')],
    ...['reviews-v1', 'reviews-v2', 'reviews-v3'].map((r) => [w('default', 'productpage-v1'), w('default', r)]),
    [w('default', 'reviews-v2'), w('default', 'ratings-v1')],
    [w('default', 'reviews-v3'), w('default', 'ratings-v1')],
  ] as const;

  it('no link is stated; every in-code callee is a gap; the strict policies allow nothing, --gaps=namespace allows every documented call', () => {
    const doc = scan(app);
    expect(doc.links).toEqual([]);
    const ingressGaps = new Set(doc.gaps.filter((g) => g.direction === 'ingress').map((g) => g.workload));
    for (const [, dst] of IN_CODE) expect(ingressGaps).toContain(dst);
    expect(allowedAfterSynthesis(app)).toEqual([]);
    const closed = pairs(allowedAfterSynthesis(app, ['--gaps=namespace']));
    for (const [src, dst] of IN_CODE) expect(closed).toContain(`${src} => ${dst}`);
    // closures stay in the namespace: nothing from outside
    expect(closed.filter((l) => l.startsWith(EVERYWHERE))).toEqual([]);
  });

  it("with Istio's ratings-v2 manifest, selectors still tell the versions apart (controller selectors)", () => {
    const r = runWithTools(['synthesize', `${APPS}/bookinfo`, '--namespace', 'bookinfo']);
    expect(r.stderr).not.toContain('NPC071');
    expect(r.stdout).toMatch(/name: ratings-v2-netpol[\s\S]*?podSelector:\n {4}matchLabels:\n {6}app: ratings\n {6}version: v2/);
  });
});

/**
 * Sock Shop, https://github.com/microservices-demo/microservices-demo (docs: "Sock Shop
 * architecture", internal-docs/design.md): the front-end calls catalogue, carts, orders and user;
 * orders calls carts, payment, shipping and user; shipping and queue-master use rabbitmq; each
 * service owns its database (carts-db, catalogue-db, orders-db, user-db). The front-end is
 * published as a NodePort. In deploy/kubernetes/complete-demo.yaml only user -> user-db
 * (MONGO_HOST) and the NodePort are stated; the rest is in code.
 */
describe('Sock Shop', () => {
  const app = `${APPS}/sock-shop/complete-demo.yaml`;
  const ns = 'sock-shop';
  const STATED = [`${EVERYWHERE} => ${w(ns, 'front-end')} : TCP 8079`, `${w(ns, 'user')} => ${w(ns, 'user-db')} : TCP 27017`];
  const IN_CODE = [
    ['front-end', 'catalogue'], ['front-end', 'carts'], ['front-end', 'orders'], ['front-end', 'user'],
    ['orders', 'carts'], ['orders', 'payment'], ['orders', 'shipping'], ['orders', 'user'],
    ['shipping', 'rabbitmq'], ['queue-master', 'rabbitmq'],
    ['carts', 'carts-db'], ['catalogue', 'catalogue-db'], ['orders', 'orders-db'],
  ] as const;

  it('the stated links are found and allowed, nothing else; every in-code link is a gap and --gaps=namespace allows it', () => {
    const doc = scan(app);
    expect(doc.links.map((l) => `${l.src} => ${l.dst} : ${l.conns}`)).toEqual(STATED);
    const ingressGaps = new Set(doc.gaps.filter((g) => g.direction === 'ingress').map((g) => g.workload));
    for (const [, dst] of IN_CODE) expect(ingressGaps).toContain(w(ns, dst));
    // the zipkin address names a namespace that is not in the input
    expect(doc.gaps).toContainEqual(expect.objectContaining({ workload: w(ns, 'shipping'), direction: 'egress', reason: 'no-such-service', value: 'zipkin.jaeger.svc.cluster.local' }));
    expect(allowedAfterSynthesis(app)).toEqual(STATED);
    const closed = pairs(allowedAfterSynthesis(app, ['--gaps=namespace']));
    for (const [src, dst] of IN_CODE) expect(closed).toContain(`${w(ns, src)} => ${w(ns, dst)}`);
  });
});

/**
 * Kustomize's WordPress example, https://github.com/kubernetes-sigs/kustomize/tree/master/examples/wordpress
 * (README: "connect WordPress with a MySQL database"; the root kustomization combines the
 * wordpress and mysql bases, prefixes names with demo- and injects the MySQL Service name into
 * WORDPRESS_DB_HOST with a var). WordPress's Service is a LoadBalancer.
 */
describe('Kustomize WordPress (two bases under one root, vars)', () => {
  it('wordpress -> mysql on 3306 and the public WordPress are found and allowed, nothing else', () => {
    const app = `${APPS}/kustomize-wordpress`;
    const STATED = [`${EVERYWHERE} => ${w('default', 'demo-wordpress')} : TCP 80`, `${w('default', 'demo-wordpress')} => ${w('default', 'demo-mysql')} : TCP 3306`];
    const doc = scan(app);
    expect(doc.links.map((l) => `${l.src} => ${l.dst} : ${l.conns}`)).toEqual(STATED);
    expect(doc.gaps).toEqual([]);
    expect(allowedAfterSynthesis(app)).toEqual(STATED);
  });
});
