import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  nodeIo
} from "./chunk-WZOJHXDO.js";
import "./chunk-CWFLCEMJ.js";
import "./chunk-TZ6IWUHF.js";
import "./chunk-LJ56FUY6.js";
import "./chunk-UQ363SVG.js";
export {
  nodeIo
};
