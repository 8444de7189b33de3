import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';

/**
 * A local GitHub REST API for the Action tests. Every request is checked against GitHub's own
 * OpenAPI description (@octokit/openapi): the path and method must be an operation, path and
 * query parameters must match their schemas (no unknown query parameters), and the JSON body must
 * validate against the operation's request-body schema. A request that does not is answered 404
 * or 422 and recorded in `violations`, which every test asserts empty. Comments and pull requests
 * live in memory; failures (403, secondary rate limits) can be injected.
 */

type Json = Record<string, unknown>;
interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema?: Json;
}
interface Operation {
  readonly template: string;
  readonly method: string;
  readonly operationId: string;
  readonly regex: RegExp;
  readonly pathNames: readonly string[];
  readonly parameters: readonly Parameter[];
  readonly body?: { readonly required: boolean; readonly schema: Json };
}

const require = createRequire(import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

let cached: { operations: Operation[]; ajv: Ajv } | undefined;

/** GitHub's OpenAPI description, parsed once per test process. */
function openapi(): { operations: Operation[]; ajv: Ajv } {
  if (cached) return cached;
  const spec = JSON.parse(readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8')) as Json;
  const components = spec.components as Json;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  // component schemas, referenced as gh#/components/...
  ajv.addSchema({ $id: 'gh', components: { schemas: components.schemas } });
  const resolveParam = (p: Json): Parameter => {
    const ref = p.$ref as string | undefined;
    if (!ref) return p as unknown as Parameter;
    const name = ref.replace('#/components/parameters/', '');
    return (components.parameters as Json)[name] as Parameter;
  };
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(spec.paths as Json)) {
    const pathNames: string[] = [];
    const regex = new RegExp(
      `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, name: string) => {
        pathNames.push(name);
        return name === 'basehead' ? '(.+)' : '([^/]+)';
      })}$`,
    );
    for (const [method, op] of Object.entries(item as Json)) {
      if (!['get', 'post', 'patch', 'put', 'delete'].includes(method)) continue;
      const o = op as Json;
      const params = ((o.parameters as Json[]) ?? []).map(resolveParam);
      const rb = o.requestBody as Json | undefined;
      const schema = (rb?.content as Json | undefined)?.['application/json'] as Json | undefined;
      operations.push({
        template,
        method: method.toUpperCase(),
        operationId: o.operationId as string,
        regex,
        pathNames,
        parameters: params,
        ...(schema ? { body: { required: Boolean(rb?.required), schema: schema.schema as Json } } : {}),
      });
    }
  }
  cached = { operations, ajv };
  return cached;
}

const validators = new Map<object, ValidateFunction>();
function validator(ajv: Ajv, schema: Json): ValidateFunction {
  let v = validators.get(schema);
  if (!v) {
    const rewritten = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"gh#/components/')) as Json;
    v = ajv.compile(rewritten);
    validators.set(schema, v);
  }
  return v;
}

/** A query or path value as the schema's type wants it. */
function coerce(value: string, schema: Json | undefined): unknown {
  const type = schema?.type;
  if (type === 'integer' || type === 'number') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

export interface StoredComment {
  id: number;
  issue: number;
  body: string;
  login: string;
  createdAt: number;
}

export interface PullState {
  number: number;
  headSha: string;
  headRef: string;
  headOwner: string;
  headRepo: string;
  baseSha: string;
}

export interface Injected {
  readonly method: string;
  readonly path: RegExp;
  readonly status: number;
  readonly message: string;
  readonly headers?: Record<string, string>;
  /** How many matching requests get this answer (default 1). */
  times?: number;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly operationId?: string;
  readonly authorization?: string;
  readonly body?: unknown;
  readonly status: number;
}

export class FakeGitHub {
  readonly comments: StoredComment[] = [];
  readonly pulls = new Map<number, PullState>();
  /** Commits oldest first: compare answers from this order. */
  readonly history: string[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  readonly injected: Injected[] = [];
  /** token -> login; an app token (GITHUB_TOKEN) cannot read /user. */
  readonly tokens = new Map<string, { login: string; app: boolean; canWrite: boolean }>();
  /** Runs just before a comment is created: lets a test put a racing run's comment in first. */
  beforeCreate?: (issue: number) => void;
  readonly owner = 'Codertocat';
  readonly repo = 'Hello-World';
  private nextId = 1_000;
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    openapi();
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** A comment made by someone (to fill pages, or to plant a look-alike marker). */
  addComment(issue: number, login: string, body: string): StoredComment {
    const c = { id: this.nextId++, issue, body, login, createdAt: this.nextId };
    this.comments.push(c);
    return c;
  }

  commentsOf(issue: number, login?: string): StoredComment[] {
    return this.comments.filter((c) => c.issue === issue && (login === undefined || c.login === login));
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-github-api-version-selected': '2022-11-28', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  }

  private violation(res: ServerResponse, status: number, message: string): void {
    this.violations.push(message);
    this.send(res, status, { message, documentation_url: 'https://docs.github.com/rest' });
  }

  private commentJson(c: StoredComment): Json {
    const base = `${this.url}/repos/${this.owner}/${this.repo}`;
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `${base}/issues/comments/${c.id}`,
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${c.issue}#issuecomment-${c.id}`,
      body: c.body,
      user: { login: c.login, id: 1, type: c.login.endsWith('[bot]') ? 'Bot' : 'User' },
      created_at: new Date(Date.UTC(2024, 0, 1, 0, 0, c.createdAt % 60)).toISOString(),
      updated_at: new Date(Date.UTC(2024, 0, 1, 0, 0, c.createdAt % 60)).toISOString(),
      issue_url: `${base}/issues/${c.issue}`,
      author_association: 'NONE',
    };
  }

  private pullJson(p: PullState): Json {
    return {
      number: p.number,
      state: 'open',
      head: { sha: p.headSha, ref: p.headRef, label: `${p.headOwner}:${p.headRef}`, repo: { full_name: `${p.headOwner}/${p.headRepo}` } },
      base: { sha: p.baseSha, ref: 'main', label: `${this.owner}:main`, repo: { full_name: `${this.owner}/${this.repo}` } },
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const record = (status: number, operationId?: string, body?: unknown) =>
      this.requests.push({ method, path: url.pathname + url.search, status, ...(operationId ? { operationId } : {}), ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}), ...(body !== undefined ? { body } : {}) });

    // 1. the operation
    const { operations, ajv } = openapi();
    let op: Operation | undefined;
    let match: RegExpExecArray | null = null;
    for (const o of operations) {
      if (o.method !== method) continue;
      match = o.regex.exec(url.pathname);
      if (match) {
        op = o;
        break;
      }
    }
    if (!op || !match) {
      record(404);
      return this.violation(res, 404, `no such operation: ${method} ${url.pathname}`);
    }
    // 2. parameters
    const pathValues: Record<string, string> = {};
    op.pathNames.forEach((name, i) => (pathValues[name] = decodeURIComponent(match[i + 1] as string)));
    for (const p of op.parameters) {
      const value = p.in === 'path' ? pathValues[p.name] : p.in === 'query' ? (url.searchParams.get(p.name) ?? undefined) : undefined;
      if (value === undefined) {
        if (p.required && p.in !== 'header') {
          record(422, op.operationId);
          return this.violation(res, 422, `${op.operationId}: missing ${p.in} parameter ${p.name}`);
        }
        continue;
      }
      if (p.schema) {
        const v = validator(ajv, p.schema);
        if (!v(coerce(value, p.schema))) {
          record(422, op.operationId);
          return this.violation(res, 422, `${op.operationId}: ${p.in} parameter ${p.name}=${value}: ${ajv.errorsText(v.errors)}`);
        }
      }
    }
    for (const name of url.searchParams.keys()) {
      if (!op.parameters.some((p) => p.in === 'query' && p.name === name)) {
        record(422, op.operationId);
        return this.violation(res, 422, `${op.operationId}: unknown query parameter ${name}`);
      }
    }
    const perPage = url.searchParams.get('per_page');
    if (perPage !== null && Number(perPage) > 100) {
      record(422, op.operationId);
      return this.violation(res, 422, `${op.operationId}: per_page ${perPage} > 100`);
    }
    // 3. body
    let body: unknown;
    if (raw !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        record(400, op.operationId);
        return this.violation(res, 400, `${op.operationId}: body is not JSON`);
      }
    }
    if (op.body) {
      if (body === undefined && op.body.required) {
        record(422, op.operationId);
        return this.violation(res, 422, `${op.operationId}: missing request body`);
      }
      if (body !== undefined) {
        const v = validator(ajv, op.body.schema);
        if (!v(body)) {
          record(422, op.operationId, body);
          return this.violation(res, 422, `${op.operationId}: body: ${ajv.errorsText(v.errors)}`);
        }
      }
    } else if (body !== undefined) {
      record(422, op.operationId, body);
      return this.violation(res, 422, `${op.operationId}: takes no body`);
    }
    // 4. authentication
    const auth = req.headers.authorization ?? '';
    const token = /^(?:token|bearer) (.+)$/i.exec(auth)?.[1];
    const who = token ? this.tokens.get(token) : undefined;
    if (!who) {
      record(401, op.operationId, body);
      return this.send(res, 401, { message: 'Bad credentials' });
    }
    // 5. injected failures
    const inj = this.injected.find((i) => i.method === method && i.path.test(url.pathname) && (i.times ?? 1) > 0);
    if (inj) {
      inj.times = (inj.times ?? 1) - 1;
      record(inj.status, op.operationId, body);
      return this.send(res, inj.status, { message: inj.message, documentation_url: 'https://docs.github.com/rest' }, inj.headers ?? {});
    }
    const status = this.answer(op.operationId, pathValues, url.searchParams, body as Json | undefined, who, res);
    record(status, op.operationId, body);
  }

  /** The in-memory behaviour of the operations the Actions use; returns the status sent. */
  private answer(operationId: string, p: Record<string, string>, q: URLSearchParams, body: Json | undefined, who: { login: string; app: boolean; canWrite: boolean }, res: ServerResponse): number {
    const forbidden = () => {
      this.send(res, 403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' });
      return 403;
    };
    const ok = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      this.send(res, status, data, headers);
      return status;
    };
    const notFound = () => ok(404, { message: 'Not Found' });
    if (p.owner !== undefined && (p.owner !== this.owner || p.repo !== this.repo)) return notFound();
    switch (operationId) {
      case 'users/get-authenticated':
        return who.app ? forbidden() : ok(200, { login: who.login, id: 1, type: 'User' });
      case 'issues/list-comments': {
        const all = this.commentsOf(Number(p.issue_number)).sort((a, b) => a.id - b.id);
        const per = Number(q.get('per_page') ?? 30);
        const page = Number(q.get('page') ?? 1);
        const last = Math.max(1, Math.ceil(all.length / per));
        const link = (n: number, rel: string) => `<${this.url}/repos/${this.owner}/${this.repo}/issues/${p.issue_number}/comments?per_page=${per}&page=${n}>; rel="${rel}"`;
        const links = [...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []), ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : [])];
        return ok(200, all.slice((page - 1) * per, page * per).map((c) => this.commentJson(c)), links.length > 0 ? { link: links.join(', ') } : {});
      }
      case 'issues/create-comment': {
        if (!who.canWrite) return forbidden();
        const text = String(body?.body ?? '');
        if ([...text].length > 65_536) return ok(422, { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }] });
        const hook = this.beforeCreate;
        this.beforeCreate = undefined;
        hook?.(Number(p.issue_number));
        return ok(201, this.commentJson(this.addComment(Number(p.issue_number), who.login, text)));
      }
      case 'issues/update-comment': {
        if (!who.canWrite) return forbidden();
        const c = this.comments.find((x) => x.id === Number(p.comment_id));
        if (!c) return notFound();
        if (c.login !== who.login) return forbidden();
        const text = String(body?.body ?? '');
        if ([...text].length > 65_536) return ok(422, { message: 'Validation Failed' });
        c.body = text;
        return ok(200, this.commentJson(c));
      }
      case 'issues/delete-comment': {
        if (!who.canWrite) return forbidden();
        const i = this.comments.findIndex((x) => x.id === Number(p.comment_id));
        if (i < 0) return notFound();
        if (this.comments[i]?.login !== who.login) return forbidden();
        this.comments.splice(i, 1);
        res.writeHead(204);
        res.end();
        return 204;
      }
      case 'pulls/get': {
        const pr = this.pulls.get(Number(p.pull_number));
        return pr ? ok(200, this.pullJson(pr)) : notFound();
      }
      case 'pulls/list': {
        const head = q.get('head');
        const found = [...this.pulls.values()].filter((pr) => head === null || `${pr.headOwner}:${pr.headRef}` === head);
        return ok(200, found.map((pr) => this.pullJson(pr)));
      }
      case 'repos/compare-commits-with-basehead': {
        const [a, b] = (p.basehead ?? '').split('...');
        const i = this.history.indexOf(a ?? '');
        const j = this.history.indexOf(b ?? '');
        if (i < 0 || j < 0) return notFound();
        const status = i === j ? 'identical' : j > i ? 'ahead' : 'behind';
        return ok(200, { status, ahead_by: Math.max(0, j - i), behind_by: Math.max(0, i - j), total_commits: Math.abs(j - i), commits: [], files: [] });
      }
      default:
        this.violations.push(`unexpected operation ${operationId}`);
        return notFound();
    }
  }
}
