// What the bundle has for zod's `locales` namespace: English only (scripts/bundle.mjs says why).
export { default as en } from 'zod/v4/locales/en.js';
