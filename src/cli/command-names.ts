/** The CLI's commands, in the order help lists them (src/cli/commands.ts loads each on demand). */
export const COMMAND_NAMES = ['check', 'connectivity', 'diff', 'scan', 'synthesize', 'verify', 'links', 'lint', 'prune', 'baseline'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export const isCommandName = (s: string | undefined): s is CommandName => (COMMAND_NAMES as readonly (string | undefined)[]).includes(s);
