import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-XSYXACVR.js";
import "./chunk-BFPPO3AS.js";
import "./chunk-OD23WYWX.js";
import "./chunk-LJ56FUY6.js";
import "./chunk-UQ363SVG.js";
export {
  nodeIo
};
