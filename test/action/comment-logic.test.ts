import { describe, expect, it } from 'vitest';
import { upsertStickyComment } from '../../src/action/comment.js';
import type { CommitOrder, GitHubApi, IssueComment } from '../../src/action/github.js';
import { withMarker, type Marker } from '../../src/action/marker.js';
import type { ActionLog } from '../../src/action/runtime.js';

/** The sticky-comment decisions on an in-memory GitHubApi, for the paths the HTTP tests cannot force. */
class MemoryApi implements GitHubApi {
  comments: IssueComment[] = [];
  head = 'c'.repeat(40);
  order: CommitOrder | undefined = 'diverged';
  deletedBehindOurBack = false;
  private id = 1;
  async login() {
    return 'bot';
  }
  async listComments() {
    return this.comments.map((c) => ({ ...c }));
  }
  async createComment(_issue: number, body: string) {
    const c = { id: this.id++, body, login: 'bot', url: `u${this.id}` };
    this.comments.push(c);
    return c;
  }
  async updateComment(id: number, body: string) {
    const c = this.comments.find((x) => x.id === id);
    if (!c || this.deletedBehindOurBack) {
      this.comments = this.comments.filter((x) => x.id !== id);
      throw Object.assign(new Error('Not Found'), { status: 404 });
    }
    const updated = { ...c, body };
    this.comments = this.comments.map((x) => (x.id === id ? updated : x));
    return updated;
  }
  async deleteComment(id: number) {
    this.comments = this.comments.filter((x) => x.id !== id);
  }
  async pullHead() {
    return this.head;
  }
  async compare() {
    return this.order;
  }
  async findPull() {
    return undefined;
  }
}

const log: ActionLog = { info: () => {}, notice: () => {}, warning: () => {}, error: () => {}, group: async (_n, fn) => fn() };
const m = (sha: string, empty = false): Marker => ({ kind: 'check', key: 'abcdef0123456789', sha: sha.repeat(40), empty });

describe('upsertStickyComment', () => {
  it('a comment deleted between list and update is created again', async () => {
    const api = new MemoryApi();
    await api.createComment(1, withMarker(m('a'), 'old'));
    api.deletedBehindOurBack = true;
    const r = await upsertStickyComment(api, { issue: 1, marker: m('b'), body: 'new', onEmpty: 'update' }, log);
    expect(r.action).toBe('created');
    expect(api.comments.map((c) => c.body)).toEqual([withMarker(m('b'), 'new')]);
  });

  it('after a force-push (commits GitHub cannot order, neither the head), the run writes', async () => {
    const api = new MemoryApi();
    await api.createComment(1, withMarker(m('a'), 'old'));
    api.order = undefined;
    const r = await upsertStickyComment(api, { issue: 1, marker: m('b'), body: 'new', onEmpty: 'update' }, log);
    expect(r.action).toBe('updated');
  });

  it('an older run with nothing to report neither deletes nor rewrites the newer comment', async () => {
    const api = new MemoryApi();
    api.head = 'b'.repeat(40);
    await api.createComment(1, withMarker(m('b'), 'newer findings'));
    const r = await upsertStickyComment(api, { issue: 1, marker: m('a', true), body: 'nothing', onEmpty: 'delete' }, log);
    expect(r.action).toBe('skipped');
    expect(api.comments).toHaveLength(1);
  });

  it('leftover duplicates of an earlier race are removed on the next update', async () => {
    const api = new MemoryApi();
    await api.createComment(1, withMarker(m('a'), 'one'));
    await api.createComment(1, withMarker(m('a'), 'two'));
    api.head = 'b'.repeat(40);
    const r = await upsertStickyComment(api, { issue: 1, marker: m('b'), body: 'three', onEmpty: 'update' }, log);
    expect(r.action).toBe('updated');
    expect(api.comments.map((c) => [c.id, c.body])).toEqual([[1, withMarker(m('b'), 'three')]]);
  });
});
