import { nodeIo } from '../../io/node-io.js';
import { yieldBackgroundThreads } from '../../io/thread-priority.js';
import { diffAction } from '../diff.js';
import { gitHubApiFor } from '../github-env.js';
import { runAction } from '../run-action.js';
import { nodeRuntime } from '../runtime.js';

yieldBackgroundThreads();
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
