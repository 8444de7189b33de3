import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-IKYEE5IR.js";
import "../chunks/chunk-774YX6HZ.js";
import "../chunks/chunk-JAG2YX2N.js";
import "../chunks/chunk-UR2OOZH7.js";
import "../chunks/chunk-A2BLCCXS.js";
import "../chunks/chunk-AV6RPOOS.js";
import "../chunks/chunk-FO2GRC3I.js";
import "../chunks/chunk-D753RYA7.js";
import "../chunks/chunk-S2WSBLV4.js";
import {
  gitHubApiFor,
  nodeIo,
  nodeRuntime,
  runAction
} from "../chunks/chunk-SOAJ6IVU.js";
import "../chunks/chunk-ZJ4JOIE2.js";
import "../chunks/chunk-UQ363SVG.js";

// src/action/entries/check.ts
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
