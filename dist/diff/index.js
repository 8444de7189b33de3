import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  diffAction
} from "../chunks/chunk-T3D65SDG.js";
import "../chunks/chunk-7ZBUMPYC.js";
import "../chunks/chunk-CZWDEDPU.js";
import "../chunks/chunk-SB7F7EHF.js";
import "../chunks/chunk-72AR3JDR.js";
import "../chunks/chunk-QCU7NKNQ.js";
import "../chunks/chunk-RNJZYEM6.js";
import "../chunks/chunk-MSWYSCCB.js";
import "../chunks/chunk-E23QOJSC.js";
import "../chunks/chunk-U2VMM7EM.js";
import "../chunks/chunk-3CBGW5E2.js";
import {
  gitHubApiFor,
  nodeRuntime,
  runAction
} from "../chunks/chunk-BQ5AXOYQ.js";
import {
  nodeIo
} from "../chunks/chunk-XSYXACVR.js";
import "../chunks/chunk-BFPPO3AS.js";
import "../chunks/chunk-OD23WYWX.js";
import "../chunks/chunk-LJ56FUY6.js";
import "../chunks/chunk-UQ363SVG.js";

// src/action/entries/diff.ts
process.exitCode = await runAction(diffAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
