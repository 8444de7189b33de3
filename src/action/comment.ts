import { statusOf, type GitHubApi, type IssueComment } from './github.js';
import { parseMarker, withMarker, type Marker } from './marker.js';
import type { ActionLog } from './runtime.js';

/**
 * The sticky comment: one per pull request and check identity (marker kind + key), created once
 * and updated in place. Only comments written by the token's own login count, so nobody can plant
 * a comment the bot would then overwrite or trust. A run for an older head SHA never replaces the
 * comment of a newer one, and duplicates left by two runs racing to create are collapsed to the
 * oldest.
 */
export interface StickyRequest {
  readonly issue: number;
  readonly marker: Marker;
  /** The body without marker, already within the budget. */
  readonly body: string;
  readonly onEmpty: 'update' | 'delete';
}

export type StickyOutcome =
  | { readonly action: 'created' | 'updated' | 'unchanged'; readonly comment: IssueComment }
  | { readonly action: 'deleted'; readonly ids: readonly number[] }
  | { readonly action: 'skipped'; readonly reason: string };

interface Ours {
  readonly comment: IssueComment;
  readonly marker: Marker;
}

export async function upsertStickyComment(api: GitHubApi, req: StickyRequest, log: ActionLog): Promise<StickyOutcome> {
  const login = await api.login();
  const ours = async (): Promise<Ours[]> =>
    (await api.listComments(req.issue))
      .filter((c) => c.login === login)
      .flatMap((c) => {
        const marker = parseMarker(c.body);
        return marker && marker.kind === req.marker.kind && marker.key === req.marker.key ? [{ comment: c, marker }] : [];
      })
      .sort((a, b) => a.comment.id - b.comment.id);

  let head: string | undefined;
  /** Whether our SHA is older than theirs: the pull request's current head decides, else commit order. */
  const olderThan = async (theirs: string): Promise<boolean> => {
    const mine = req.marker.sha;
    if (mine === theirs) return false;
    head ??= await api.pullHead(req.issue);
    if (mine === head) return false;
    if (theirs === head) return true;
    return (await api.compare(theirs, mine)) === 'behind';
  };

  const existing = await ours();
  const first = existing[0];
  if (first && (await olderThan(first.marker.sha))) {
    return { action: 'skipped', reason: `the comment shows ${first.marker.sha}, newer than this run's ${req.marker.sha}` };
  }
  if (req.marker.empty && req.onEmpty === 'delete') {
    for (const o of existing) await deleteQuietly(api, o.comment.id);
    return existing.length > 0 ? { action: 'deleted', ids: existing.map((o) => o.comment.id) } : { action: 'skipped', reason: 'nothing to report' };
  }
  const body = withMarker(req.marker, req.body);
  if (first) {
    for (const dup of existing.slice(1)) await deleteQuietly(api, dup.comment.id);
    if (first.comment.body === body) return { action: 'unchanged', comment: first.comment };
    try {
      return { action: 'updated', comment: await api.updateComment(first.comment.id, body) };
    } catch (e) {
      // deleted meanwhile (by a person, or by a racing run collapsing duplicates): start over once
      if (statusOf(e) !== 404) throw e;
      log.info(`comment ${first.comment.id} disappeared; creating a new one`);
    }
  } else if (req.marker.empty) {
    return { action: 'skipped', reason: 'nothing to report, and no earlier comment to update' };
  }

  const created = await api.createComment(req.issue, body);
  // another run may have created its comment at the same time: the oldest survives
  const after = await ours();
  const survivor = after[0];
  if (!survivor || survivor.comment.id === created.id) {
    for (const dup of after.slice(1)) await deleteQuietly(api, dup.comment.id);
    return { action: 'created', comment: created };
  }
  for (const dup of after.slice(1)) await deleteQuietly(api, dup.comment.id);
  log.info(`collapsed a duplicate comment into ${survivor.comment.id}`);
  if (await olderThan(survivor.marker.sha)) return { action: 'skipped', reason: `a racing run for ${survivor.marker.sha} is newer` };
  if (survivor.comment.body === body) return { action: 'unchanged', comment: survivor.comment };
  return { action: 'updated', comment: await api.updateComment(survivor.comment.id, body) };
}

/** Deleting a comment that is already gone is fine. */
async function deleteQuietly(api: GitHubApi, id: number): Promise<void> {
  try {
    await api.deleteComment(id);
  } catch (e) {
    if (statusOf(e) !== 404) throw e;
  }
}
