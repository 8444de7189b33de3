import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { peerKey } from '../../src/model/peer.js';
import { findAddressesIn } from '../../src/topology/addresses.js';
import { scanTopology } from '../../src/topology/scan.js';

/**
 * Key=value connection strings name their server in a `Host=`/`Server=`/`Data Source=` pair, not
 * as a URL: .NET (Npgsql, SqlClient), ODBC and libpq write them so. OpenTelemetry's demo gives its
 * accounting service `DB_CONNECTION_STRING: Host=postgresql;Username=otelu;Password=otelp;Database=otel`,
 * which the scan missed: accounting -> postgresql was silently blocked.
 */
const hosts = (value: string) => findAddressesIn(value, 'text').map((c) => `${c.host}${c.port !== undefined ? `:${c.port}` : ''} ${c.text}`);

describe('connection strings in text values', () => {
  it('Npgsql / ADO.NET: Host=, with or without Port=; credentials are never part of the text', () => {
    expect(hosts('Host=postgresql;Username=otelu;Password=otelp;Database=otel')).toEqual(['postgresql Host=postgresql']);
    expect(hosts('Host=db.shop;Port=6432;Database=orders;Password=s3cret')).toEqual(['db.shop:6432 Host=db.shop (Port=6432)']);
    expect(hosts('Database=orders; Port = 6432; Host = pg')).toEqual(['pg:6432 Host=pg (Port=6432)']);
  });

  it('SQL Server: Server=tcp:host,port and Data Source=host,port', () => {
    expect(hosts('Server=tcp:mssql,1433;Initial Catalog=app;User ID=sa;Password=x')).toEqual(['mssql:1433 Server=tcp:mssql,1433']);
    expect(hosts('Data Source=mssql.data,14330;Initial Catalog=app')).toEqual(['mssql.data:14330 Data Source=mssql.data,14330']);
  });

  it('libpq: space-separated pairs, and a host list', () => {
    expect(hosts('host=pg port=5432 dbname=app user=app')).toEqual(['pg:5432 host=pg (Port=5432)']);
    expect(hosts('host=pg-a,pg-b port=5432 dbname=app')).toEqual(['pg-a:5432 host=pg-a,pg-b (Port=5432)', 'pg-b:5432 host=pg-a,pg-b (Port=5432)']);
  });

  it('a lone key=value, or a host key inside a word, is no connection string', () => {
    expect(hosts('host=pg')).toEqual([]);
    expect(hosts('virtualhost=a;xserver=b')).toEqual([]);
  });
});

const APP = `apiVersion: v1
kind: Service
metadata: {name: postgresql, namespace: demo}
spec:
  selector: {app: postgresql}
  ports: [{port: 5432, targetPort: 5432}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: postgresql, namespace: demo}
spec:
  selector: {matchLabels: {app: postgresql}}
  template:
    metadata: {labels: {app: postgresql}}
    spec:
      containers: [{name: pg, image: postgres, ports: [{containerPort: 5432}]}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: accounting, namespace: demo}
spec:
  selector: {matchLabels: {app: accounting}}
  template:
    metadata: {labels: {app: accounting}}
    spec:
      containers:
        - name: accounting
          image: accounting
          env:
            - name: DB_CONNECTION_STRING
              value: Host=postgresql;Username=otelu;Password=otelp;Database=otel
            - name: REPORTING_DB
              value: Host=reporting-db;Port=5433;Database=r
`;

describe('scan: a connection string is a link, or an unresolved address', () => {
  it('accounting -> postgresql on the Service\'s only port, with the line; an unknown host is reported, never dropped', () => {
    const load = loadManifests([{ path: 'app.yaml', text: APP }]);
    const t = scanTopology(load.cluster).value;
    expect(t.links.map((l) => `${peerKey(l.src)} => ${peerKey(l.dst)} : ${l.conns.toString()}`)).toEqual(['demo/accounting[Deployment] => demo/postgresql[Deployment] : TCP 5432']);
    expect(t.links[0]?.evidence).toEqual([expect.objectContaining({ kind: 'address', value: 'Host=postgresql', at: expect.objectContaining({ file: 'app.yaml', line: APP.split('\n').findIndex((l) => l.includes('Host=postgresql')) + 1, column: 27 }) })]);
    expect(JSON.stringify(t.links)).not.toContain('otelp');
    expect(t.unresolved).toEqual([expect.objectContaining({ value: 'Host=reporting-db (Port=5433)', reason: 'no-such-service' })]);
  });
});
