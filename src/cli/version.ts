/** The CLI's version (also the SARIF tool version); one place, so that commands need not import the program. */
export const VERSION = '0.1.0';
