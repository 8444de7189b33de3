import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  checkAction
} from "../chunks/chunk-JKK2TXYU.js";
import "../chunks/chunk-4KDOS5X2.js";
import "../chunks/chunk-RVVSKXLR.js";
import "../chunks/chunk-GWMCDKFH.js";
import "../chunks/chunk-LLDP6N7M.js";
import "../chunks/chunk-RYGMOCXF.js";
import "../chunks/chunk-S7XALZ7B.js";
import "../chunks/chunk-5L4OYYMO.js";
import "../chunks/chunk-KMB3GD5P.js";
import "../chunks/chunk-Q3YWZAQI.js";
import "../chunks/chunk-SB7F7EHF.js";
import "../chunks/chunk-XPWQCRA6.js";
import "../chunks/chunk-P4JBN7VV.js";
import "../chunks/chunk-QEEATDXV.js";
import "../chunks/chunk-2N74GJOT.js";
import "../chunks/chunk-57HYVIXJ.js";
import "../chunks/chunk-W3TQMIRJ.js";
import "../chunks/chunk-AV2U6Z46.js";
import "../chunks/chunk-ZAFBLR44.js";
import "../chunks/chunk-GLUC33MD.js";
import "../chunks/chunk-NCDNHDM5.js";
import "../chunks/chunk-BECTGLCW.js";
import "../chunks/chunk-E23QOJSC.js";
import "../chunks/chunk-3HQQSEID.js";
import "../chunks/chunk-YS4F6JR5.js";
import {
  gitHubApiFor,
  nodeRuntime,
  runAction
} from "../chunks/chunk-UYXBV6A3.js";
import {
  nodeIo
} from "../chunks/chunk-WZOJHXDO.js";
import "../chunks/chunk-CWFLCEMJ.js";
import "../chunks/chunk-TZ6IWUHF.js";
import "../chunks/chunk-LJ56FUY6.js";
import "../chunks/chunk-UQ363SVG.js";

// src/action/entries/check.ts
process.exitCode = await runAction(checkAction, nodeRuntime(nodeIo(), gitHubApiFor(process.env)));
