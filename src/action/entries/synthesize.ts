import { nodeIo } from '../../io/node-io.js';
import { synthesizeAction } from '../synthesize.js';
import { gitHubApiFor } from '../github-env.js';
import { runAction } from '../run-action.js';
import { nodeRuntime } from '../runtime.js';

process.exitCode = await runAction(synthesizeAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
