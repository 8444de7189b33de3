import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  DEFAULT_READ_SETTINGS
} from "./chunk-YS4F6JR5.js";

// src/action/settings.ts
import path from "node:path";
var families = (f) => f === "4" ? [4] : f === "6" ? [6] : [4, 6];
function resolveIn(inputs, p) {
  return path.resolve(inputs["working-directory"], p);
}
function readSettingsFromInputs(rt, inputs) {
  const config = inputs["helm-config"];
  const charts = config ? rt.io.readHelmConfig(resolveIn(inputs, config)) : /* @__PURE__ */ new Map();
  return {
    ...DEFAULT_READ_SETTINGS,
    ipFamilies: families(inputs["ip-family"]),
    render: {
      ...DEFAULT_READ_SETTINGS.render,
      helmValues: inputs["helm-values"].map((v) => resolveIn(inputs, v)),
      helmSet: inputs["helm-set"],
      charts,
      kustomizeFlags: inputs["kustomize-flags"],
      // the composite layer restores the folder with actions/cache and names it here (empty when `cache` is false)
      ...inputs.cache && rt.env.NETPOL_CI_CACHE_DIR ? { cacheDir: rt.env.NETPOL_CI_CACHE_DIR } : {}
    }
  };
}
function workspacePath(rt, file) {
  if (!path.isAbsolute(file)) return file;
  return path.relative(path.resolve(rt.env.GITHUB_WORKSPACE ?? "."), file).split(path.sep).join("/");
}
function shownAsRead(file) {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}

export {
  resolveIn,
  readSettingsFromInputs,
  workspacePath,
  shownAsRead
};
