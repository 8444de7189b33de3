import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './cli.js';
import { deleteDocument, replace, type Edit, type StackedEdits } from './pr.js';

/**
 * Realistic pull requests on the real applications of fixtures/real-apps, built in a temp folder
 * from the app as published plus the edits a platform team makes (`both`: the team's policies on
 * base and head; `base`/`head`: what differs). test/cli/real-prs.test.ts states what each must
 * report; test/pipeline/real-prs-nca.test.ts runs the plain-manifest ones through nca as well.
 */
export interface RealPr {
  readonly fixture: string;
  readonly edits: StackedEdits;
  /** Plain manifests (no chart, no overlay): nca can read the sides as they are. */
  readonly plain: boolean;
}

const add = (text: string): Edit => (old) => `${old}${old === '' || old.endsWith('\n') ? '' : '\n'}${text}`;
const remove: Edit = () => null;

/** Online Boutique's own NetworkPolicies (kustomize/components/network-policies), as one file. */
function publishedBoutiquePolicies(): string {
  const dir = path.join(REPO_ROOT, 'fixtures/real-apps/online-boutique-kustomize/components/network-policies');
  return readdirSync(dir)
    .filter((f) => f.startsWith('network-policy-'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8').trimEnd())
    .join('\n---\n')
    .concat('\n');
}

/** Kustomize's root overlay, with components listed (they must come in this order). */
const boutiqueOverlay = (...components: string[]): Edit =>
  replace('components:\n', `components:\n${components.map((c) => `- components/${c}\n`).join('')}`);

/** The Helm chart's own switch for its NetworkPolicies. */
const HELM_POLICIES_ON = replace('networkPolicies:\n  # Specifies if the NetworkPolicies are created or not. If true, one fine granular NetworkPolicy per app is created.\n  create: false\n', 'networkPolicies:\n  # Specifies if the NetworkPolicies are created or not. If true, one fine granular NetworkPolicy per app is created.\n  create: true\n');

const PRICING = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: pricingservice
  labels: {app: pricingservice}
spec:
  selector:
    matchLabels: {app: pricingservice}
  template:
    metadata:
      labels: {app: pricingservice}
    spec:
      containers:
        - name: server
          image: example.com/pricingservice:1.0.0
          ports:
            - containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: pricingservice
spec:
  selector: {app: pricingservice}
  ports:
    - name: http
      port: 8080
      targetPort: 8080
`;

const PRICING_POLICY = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: pricingservice
spec:
  podSelector:
    matchLabels: {app: pricingservice}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - podSelector:
            matchLabels: {app: frontend}
      ports:
        - port: 8080
          protocol: TCP
  egress:
    - {}
`;

const FRONTEND_CALLS_PRICING = replace(
  '          - name: AD_SERVICE_ADDR\n            value: "adservice:9555"\n',
  '          - name: AD_SERVICE_ADDR\n            value: "adservice:9555"\n          - name: PRICING_SERVICE_ADDR\n            value: "pricingservice:8080"\n',
);

/** The bookinfo team's policies: default-deny, the page open on 9080, each hop admitted by app label. */
export const BOOKINFO_POLICIES = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: productpage
spec:
  podSelector:
    matchLabels: {app: productpage}
  policyTypes: [Ingress, Egress]
  ingress:
    - ports:
        - port: 9080
  egress:
    - to:
        - podSelector:
            matchExpressions:
              - {key: app, operator: In, values: [details, reviews]}
      ports:
        - port: 9080
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: details
spec:
  podSelector:
    matchLabels: {app: details}
  ingress:
    - from:
        - podSelector:
            matchLabels: {app: productpage}
      ports:
        - port: 9080
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: reviews
spec:
  podSelector:
    matchLabels: {app: reviews}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - podSelector:
            matchLabels: {app: productpage}
      ports:
        - port: 9080
  egress:
    - to:
        - podSelector:
            matchLabels: {app: ratings}
      ports:
        - port: 9080
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ratings
spec:
  podSelector:
    matchLabels: {app: ratings}
  ingress:
    - from:
        - podSelector:
            matchLabels: {app: reviews}
      ports:
        - port: 9080
`;

/** bookinfo as its README deploys it (bookinfo.yaml), without the optional ratings-v2 variant. */
const BOOKINFO_ONLY = { 'bookinfo-ratings-v2.yaml': remove };

const RATINGS_NAMESPACE = `apiVersion: v1
kind: Namespace
metadata:
  name: bookinfo-ratings
`;

/** The sock-shop team's policies (namespace sock-shop). */
export const SOCK_SHOP_POLICIES = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: sock-shop
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: front-end
  namespace: sock-shop
spec:
  podSelector:
    matchLabels:
      name: front-end
  policyTypes: [Ingress, Egress]
  ingress:
    - ports:
        - port: 8079
  egress:
    - to:
        - podSelector:
            matchExpressions:
              - key: name
                operator: In
                values: [carts, catalogue, orders, payment, user]
      ports:
        - port: 80
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: user
  namespace: sock-shop
spec:
  podSelector:
    matchLabels:
      name: user
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              name: front-end
      ports:
        - port: 80
  egress:
    - to:
        - podSelector:
            matchLabels:
              name: user-db
      ports:
        - port: 27017
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: user-db
  namespace: sock-shop
spec:
  podSelector:
    matchLabels:
      name: user-db
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              name: user
      ports:
        - port: 27017
`;

/** The same policies, documents in reverse order, flow style, commented: the same meaning. */
const SOCK_SHOP_POLICIES_REFORMATTED = `# sock-shop: user-db first, reformatted by the linter
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {namespace: sock-shop, name: user-db}
spec:
  policyTypes: ["Ingress"]
  ingress: [{from: [{podSelector: {matchLabels: {name: user}}}], ports: [{port: 27017, protocol: TCP}]}]
  podSelector: {matchLabels: {name: user-db}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {namespace: sock-shop, name: user}
spec:
  egress: [{ports: [{port: 27017}], to: [{podSelector: {matchLabels: {name: user-db}}}]}]
  ingress: [{ports: [{port: 80}], from: [{podSelector: {matchLabels: {name: front-end}}}]}]
  podSelector: {matchLabels: {name: user}}
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {namespace: sock-shop, name: front-end}
spec:
  egress:
    - ports: [{port: 80}]
      to:
        - podSelector:
            matchExpressions: [{key: name, operator: In, values: [user, payment, orders, catalogue, carts]}]
  ingress: [{ports: [{port: 8079}]}]
  podSelector: {matchLabels: {name: front-end}}
  policyTypes: [Ingress, Egress]
---
# deny by default
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {namespace: sock-shop, name: default-deny}
spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
`;

/**
 * The bank-of-anthos team's policies: default-deny; the frontend open on 8080 and calling the
 * backends; backends admitted from the frontend and the ledger writer, calling each other and the
 * databases; accounts-db admitted on its named port `postgres`; the load generator to the frontend.
 */
export const BANK_POLICIES = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: frontend
spec:
  podSelector:
    matchLabels: {app: frontend}
  policyTypes: [Ingress, Egress]
  ingress:
    - ports:
        - port: 8080
  egress:
    - to:
        - podSelector:
            matchLabels: {tier: backend}
      ports:
        - port: 8080
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: backends
spec:
  podSelector:
    matchLabels: {tier: backend}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - podSelector:
            matchLabels: {tier: web}
        - podSelector:
            matchLabels: {app: ledgerwriter}
      ports:
        - port: 8080
  egress:
    - to:
        - podSelector:
            matchLabels: {tier: backend}
      ports:
        - port: 8080
    - to:
        - podSelector:
            matchLabels: {tier: db}
      ports:
        - port: 5432
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: accounts-db
spec:
  podSelector:
    matchLabels: {app: accounts-db}
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchExpressions:
              - {key: app, operator: In, values: [contacts, userservice]}
      ports:
        - port: postgres
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ledger-db
spec:
  podSelector:
    matchLabels: {app: ledger-db}
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchExpressions:
              - {key: app, operator: In, values: [balancereader, ledgerwriter, transactionhistory]}
      ports:
        - port: 5432
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: loadgenerator
spec:
  podSelector:
    matchLabels: {app: loadgenerator}
  policyTypes: [Ingress, Egress]
  egress:
    - to:
        - podSelector:
            matchLabels: {app: frontend}
      ports:
        - port: 8080
`;

/** accounts-db's container port named, and its Service targeting the name. */
const NAMED_POSTGRES = {
  'accounts-db.yaml': (t: string) =>
    replace('            - containerPort: 5432\n', '            - containerPort: 5432\n              name: postgres\n')(replace('      targetPort: 5432\n', '      targetPort: postgres\n')(t) as string),
};

const USERSERVICE_IDP_EGRESS = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: userservice-idp
spec:
  podSelector:
    matchLabels: {app: userservice}
  policyTypes: [Egress]
  egress:
    - to:
        - ipBlock:
            cidr: 0.0.0.0/0
            except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]
      ports:
        - port: 443
`;

export const REAL_PRS = {
  /** Kustomize: the root overlay enables Online Boutique's published network-policies component. */
  'boutique-kustomize-adopt-policies': {
    fixture: 'fixtures/real-apps/online-boutique-kustomize',
    edits: { head: { 'kustomization.yaml': boutiqueOverlay('network-policies') } },
    plain: false,
  },
  /** Kustomize: with the policies, the memorystore component replaces the in-cluster redis. */
  'boutique-kustomize-memorystore': {
    fixture: 'fixtures/real-apps/online-boutique-kustomize',
    edits: {
      base: { 'kustomization.yaml': boutiqueOverlay('network-policies') },
      head: { 'kustomization.yaml': boutiqueOverlay('network-policies', 'memorystore') },
    },
    plain: false,
  },
  /** Helm: `networkPolicies.create: true` in the chart's values. */
  'boutique-helm-create-policies': {
    fixture: 'fixtures/real-apps/online-boutique-helm',
    edits: { head: { 'values.yaml': HELM_POLICIES_ON } },
    plain: false,
  },
  /** Helm, policies on: the cart's redis address in the values gets a port the Service does not have. */
  'boutique-helm-redis-port': {
    fixture: 'fixtures/real-apps/online-boutique-helm',
    edits: {
      both: { 'values.yaml': HELM_POLICIES_ON },
      head: { 'values.yaml': replace('  connectionString: "redis-cart:6379"\n', '  connectionString: "redis-cart:6380"\n') },
    },
    plain: false,
  },
  /** Plain YAML with the published policies: a new pricingservice the frontend calls, with its policy. */
  'boutique-yaml-new-service': {
    fixture: 'fixtures/real-apps/online-boutique-yaml',
    edits: {
      both: { 'network-policies.yaml': add(publishedBoutiquePolicies()) },
      head: { 'kubernetes-manifests.yaml': FRONTEND_CALLS_PRICING, 'pricingservice.yaml': add(PRICING + PRICING_POLICY) },
    },
    plain: true,
  },
  /** The same, the new service's policy forgotten: the published deny-all isolates it. */
  'boutique-yaml-new-service-no-policy': {
    fixture: 'fixtures/real-apps/online-boutique-yaml',
    edits: {
      both: { 'network-policies.yaml': add(publishedBoutiquePolicies()) },
      head: { 'kubernetes-manifests.yaml': FRONTEND_CALLS_PRICING, 'pricingservice.yaml': add(PRICING) },
    },
    plain: true,
  },
  /** bookinfo with the team's policies: reviews-v3 added. */
  'bookinfo-reviews-v3': {
    fixture: 'fixtures/real-apps/bookinfo',
    edits: {
      both: { ...BOOKINFO_ONLY, 'network-policies.yaml': add(BOOKINFO_POLICIES) },
      base: { 'bookinfo.yaml': deleteDocument('  name: reviews-v3\n') },
    },
    plain: true,
  },
  /** bookinfo with the team's policies: ratings (Service, account, Deployment) moved to its own namespace, the policies left behind. */
  'bookinfo-ratings-namespace': {
    fixture: 'fixtures/real-apps/bookinfo',
    edits: {
      both: { ...BOOKINFO_ONLY, 'network-policies.yaml': add(BOOKINFO_POLICIES) },
      head: {
        'ratings-namespace.yaml': add(RATINGS_NAMESPACE),
        'bookinfo.yaml': (t) =>
          [
            replace('metadata:\n  name: ratings\n', 'metadata:\n  name: ratings\n  namespace: bookinfo-ratings\n'),
            replace('metadata:\n  name: bookinfo-ratings\n', 'metadata:\n  name: bookinfo-ratings\n  namespace: bookinfo-ratings\n'),
            replace('metadata:\n  name: ratings-v1\n', 'metadata:\n  name: ratings-v1\n  namespace: bookinfo-ratings\n'),
          ].reduce((s, e) => e(s) as string, t),
      },
    },
    plain: true,
  },
  /** bookinfo, no policies on base: default-deny and the allow rules land in one PR. */
  'bookinfo-deny-all': {
    fixture: 'fixtures/real-apps/bookinfo',
    edits: { both: BOOKINFO_ONLY, head: { 'network-policies.yaml': add(BOOKINFO_POLICIES) } },
    plain: true,
  },
  /** sock-shop with the team's policies: a typo in user-db's podSelector isolates it. */
  'sock-shop-typo': {
    fixture: 'fixtures/real-apps/sock-shop',
    edits: {
      both: { 'network-policies.yaml': add(SOCK_SHOP_POLICIES) },
      head: { 'network-policies.yaml': replace('  podSelector:\n    matchLabels:\n      name: user-db\n  policyTypes', '  podSelector:\n    matchLabels:\n      name: users-db\n  policyTypes') },
    },
    plain: true,
  },
  /** sock-shop: the policies reordered, reformatted and commented; nothing else. */
  'sock-shop-reformat': {
    fixture: 'fixtures/real-apps/sock-shop',
    edits: {
      base: { 'network-policies.yaml': add(SOCK_SHOP_POLICIES) },
      head: { 'network-policies.yaml': add(SOCK_SHOP_POLICIES_REFORMATTED) },
    },
    plain: true,
  },
  /** bank-of-anthos with the team's policies: userservice may reach the internet on 443, private ranges excepted. */
  'bank-ipblock-except': {
    fixture: 'fixtures/real-apps/bank-of-anthos',
    edits: {
      both: { ...NAMED_POSTGRES, 'network-policies.yaml': add(BANK_POLICIES) },
      head: { 'network-policies.yaml': add(USERSERVICE_IDP_EGRESS) },
    },
    plain: true,
  },
  /** bank-of-anthos: accounts-db's port renamed `postgresql` in the container and the Service, not in the policy. */
  'bank-named-port': {
    fixture: 'fixtures/real-apps/bank-of-anthos',
    edits: {
      both: { ...NAMED_POSTGRES, 'network-policies.yaml': add(BANK_POLICIES) },
      head: {
        'accounts-db.yaml': (t) => replace('      targetPort: postgres\n', '      targetPort: postgresql\n')(replace('              name: postgres\n', '              name: postgresql\n')(t) as string),
      },
    },
    plain: true,
  },
  /** bank-of-anthos: only the accounts-db Service's port name changes (`tcp` -> `postgresql`); the container port keeps `postgres`. */
  'bank-service-port-name': {
    fixture: 'fixtures/real-apps/bank-of-anthos',
    edits: {
      both: { ...NAMED_POSTGRES, 'network-policies.yaml': add(BANK_POLICIES) },
      head: { 'accounts-db.yaml': replace('    - name: tcp\n      port: 5432\n', '    - name: postgresql\n      port: 5432\n') },
    },
    plain: true,
  },
  /** bank-of-anthos: the balancereader Service's selector misspelt. */
  'bank-service-selector': {
    fixture: 'fixtures/real-apps/bank-of-anthos',
    edits: {
      both: { ...NAMED_POSTGRES, 'network-policies.yaml': add(BANK_POLICIES) },
      head: { 'balance-reader.yaml': replace('  selector:\n    app: balancereader\n', '  selector:\n    app: balance-reader\n') },
    },
    plain: true,
  },
  /** podinfo's chart at each side's root: the values enable its redis cache (no policies; test/cli/real-prs.test.ts runs it with the sides renamed). */
  'podinfo-helm-redis': {
    fixture: 'fixtures/real-apps/podinfo-helm',
    edits: { head: { 'values.yaml': replace('redis:\n  enabled: false\n', 'redis:\n  enabled: true\n') } },
    plain: false,
  },
} satisfies Readonly<Record<string, RealPr>>;

export type RealPrName = keyof typeof REAL_PRS;
