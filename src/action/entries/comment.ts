import { nodeIo } from '../../io/node-io.js';
import { commentAction } from '../comment-action.js';
import { gitHubApiFor } from '../github-env.js';
import { runAction } from '../run-action.js';
import { nodeRuntime } from '../runtime.js';

process.exitCode = await runAction(commentAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
