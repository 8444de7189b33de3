import path from 'node:path';
import type { Io } from '../io/types.js';
import { kustomizationResourcesLine } from '../manifests/kustomization-place.js';
import { KUSTOMIZATION_FILES } from '../manifests/render.js';

/** A kustomization file of an overlay, by its name in the folder, and the line that pulls its objects in. */
export interface OverlayPlace {
  readonly name: string;
  readonly line?: number;
}

/**
 * Where an overlay's output (`overlay/kustomization [rendered]`, cited when kustomize could not say
 * where an object came from) can be shown: the overlay's kustomization file, in the order kustomize
 * looks for it, at the line that pulls its objects in (kustomizationResourcesLine). Undefined when
 * the folder holds none (a citation from another checkout). Remembered per folder.
 */
export function overlayPlaces(io: Io): (overlayDir: string) => OverlayPlace | undefined {
  const seen = new Map<string, OverlayPlace | undefined>();
  return (overlayDir) => {
    if (seen.has(overlayDir)) return seen.get(overlayDir);
    let found: OverlayPlace | undefined;
    for (const name of KUSTOMIZATION_FILES) {
      let text: string;
      try {
        text = io.readText(path.join(overlayDir, name), 'kustomization');
      } catch {
        continue;
      }
      const line = kustomizationResourcesLine(text);
      found = line !== undefined ? { name, line } : { name };
      break;
    }
    seen.set(overlayDir, found);
    return found;
  };
}
