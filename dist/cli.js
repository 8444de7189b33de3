#!/usr/bin/env node
import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);
import {
  BASELINE_FORMATS,
  renderBaselineJson,
  renderBaselineMd,
  renderBaselineSarif,
  renderBaselineTxt
} from "./chunks/chunk-MEL5EFZ5.js";
import {
  SCAN_FORMATS,
  renderScanJson,
  renderScanMd,
  renderScanTxt,
  renderScanYaml,
  runScan,
  withObservedTraffic
} from "./chunks/chunk-ULNFMTAM.js";
import {
  parseLinksFile,
  policyTarget,
  runPrune,
  runSynthesize,
  writePolicies
} from "./chunks/chunk-MWPEZSZO.js";
import {
  gapText
} from "./chunks/chunk-3SUFBUPJ.js";
import {
  VERIFY_FORMATS,
  renderClusterDrift,
  renderRepoDrift
} from "./chunks/chunk-U5NJZZU7.js";
import {
  DEFAULT_MAX_BYTES,
  analyzeExposure,
  causeText,
  checkSummary,
  fixRepoDrift,
  lintPolicies,
  renderCheckMd,
  runGatedCheck,
  runRepoDrift
} from "./chunks/chunk-F7KEZBZV.js";
import {
  DIFF_FORMATS,
  renderDiffCsv,
  renderDiffJson,
  renderDiffMd,
  renderDiffMermaid,
  renderDiffTxt,
  renderExplanationTxt,
  renderExplanationsJson,
  runDiff
} from "./chunks/chunk-D255VNEW.js";
import {
  DEFAULT_SYNTHESIS_OPTIONS,
  GAP_MODES,
  layoutPolicies,
  parsePreset,
  renderPoliciesYaml,
  runBaseline
} from "./chunks/chunk-D72JR64T.js";
import {
  TRAFFIC_FORMATS,
  evidenceText,
  findAddresses,
  linkOrigin,
  mergeLinks,
  readLiveCluster,
  runClusterDrift,
  scanTopology,
  summaryText
} from "./chunks/chunk-QRYFGKCP.js";
import {
  ConnectionSet,
  NAMESPACE_NAME_LABEL,
  PolicyEngine,
  analyzeConnectivity,
  compareStrings,
  csvCell,
  engineOptions,
  escapeDot,
  escapeMarkdown,
  escapeMermaid,
  explainPair,
  formatRange,
  loadInputs,
  locate,
  markdownCode,
  oneLine,
  parseCidr,
  parsePeer,
  peerKey,
  workloadKey
} from "./chunks/chunk-W5GPRM7E.js";
import {
  Codes,
  ConfigError,
  DEFAULT_MAX_FILE_BYTES,
  ExitCode,
  __commonJS,
  __require,
  __toESM,
  compareDiagnostics,
  diag,
  external_exports,
  formatDiagnostic,
  nodeIo,
  parseManifestFile,
  safeLine,
  safeLines,
  visible,
  yaml
} from "./chunks/chunk-5H3LHJPL.js";

// node_modules/commander/lib/error.js
var require_error = __commonJS({
  "node_modules/commander/lib/error.js"(exports) {
    var CommanderError2 = class extends Error {
      /**
       * Constructs the CommanderError class
       * @param {number} exitCode suggested exit code which could be used with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       */
      constructor(exitCode, code, message) {
        super(message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
        this.code = code;
        this.exitCode = exitCode;
        this.nestedError = void 0;
      }
    };
    var InvalidArgumentError2 = class extends CommanderError2 {
      /**
       * Constructs the InvalidArgumentError class
       * @param {string} [message] explanation of why argument is invalid
       */
      constructor(message) {
        super(1, "commander.invalidArgument", message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
      }
    };
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/lib/argument.js
var require_argument = __commonJS({
  "node_modules/commander/lib/argument.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Argument2 = class {
      /**
       * Initialize a new command argument with the given name and description.
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @param {string} name
       * @param {string} [description]
       */
      constructor(name, description) {
        this.description = description || "";
        this.variadic = false;
        this.parseArg = void 0;
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.argChoices = void 0;
        switch (name[0]) {
          case "<":
            this.required = true;
            this._name = name.slice(1, -1);
            break;
          case "[":
            this.required = false;
            this._name = name.slice(1, -1);
            break;
          default:
            this.required = true;
            this._name = name;
            break;
        }
        if (this._name.endsWith("...")) {
          this.variadic = true;
          this._name = this._name.slice(0, -3);
        }
      }
      /**
       * Return argument name.
       *
       * @return {string}
       */
      name() {
        return this._name;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Argument}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Set the custom handler for processing CLI command arguments into argument values.
       *
       * @param {Function} [fn]
       * @return {Argument}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Only allow argument value to be one of choices.
       *
       * @param {string[]} values
       * @return {Argument}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Make argument required.
       *
       * @returns {Argument}
       */
      argRequired() {
        this.required = true;
        return this;
      }
      /**
       * Make argument optional.
       *
       * @returns {Argument}
       */
      argOptional() {
        this.required = false;
        return this;
      }
    };
    function humanReadableArgName(arg) {
      const nameOutput = arg.name() + (arg.variadic === true ? "..." : "");
      return arg.required ? "<" + nameOutput + ">" : "[" + nameOutput + "]";
    }
    exports.Argument = Argument2;
    exports.humanReadableArgName = humanReadableArgName;
  }
});

// node_modules/commander/lib/help.js
var require_help = __commonJS({
  "node_modules/commander/lib/help.js"(exports) {
    var { humanReadableArgName } = require_argument();
    var Help2 = class {
      constructor() {
        this.helpWidth = void 0;
        this.minWidthToWrap = 40;
        this.sortSubcommands = false;
        this.sortOptions = false;
        this.showGlobalOptions = false;
      }
      /**
       * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
       * and just before calling `formatHelp()`.
       *
       * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
       *
       * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
       */
      prepareContext(contextOptions) {
        this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
      }
      /**
       * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
       *
       * @param {Command} cmd
       * @returns {Command[]}
       */
      visibleCommands(cmd) {
        const visibleCommands = cmd.commands.filter((cmd2) => !cmd2._hidden);
        const helpCommand = cmd._getHelpCommand();
        if (helpCommand && !helpCommand._hidden) {
          visibleCommands.push(helpCommand);
        }
        if (this.sortSubcommands) {
          visibleCommands.sort((a, b) => {
            return a.name().localeCompare(b.name());
          });
        }
        return visibleCommands;
      }
      /**
       * Compare options for sort.
       *
       * @param {Option} a
       * @param {Option} b
       * @returns {number}
       */
      compareOptions(a, b) {
        const getSortKey = (option) => {
          return option.short ? option.short.replace(/^-/, "") : option.long.replace(/^--/, "");
        };
        return getSortKey(a).localeCompare(getSortKey(b));
      }
      /**
       * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleOptions(cmd) {
        const visibleOptions = cmd.options.filter((option) => !option.hidden);
        const helpOption = cmd._getHelpOption();
        if (helpOption && !helpOption.hidden) {
          const removeShort = helpOption.short && cmd._findOption(helpOption.short);
          const removeLong = helpOption.long && cmd._findOption(helpOption.long);
          if (!removeShort && !removeLong) {
            visibleOptions.push(helpOption);
          } else if (helpOption.long && !removeLong) {
            visibleOptions.push(
              cmd.createOption(helpOption.long, helpOption.description)
            );
          } else if (helpOption.short && !removeShort) {
            visibleOptions.push(
              cmd.createOption(helpOption.short, helpOption.description)
            );
          }
        }
        if (this.sortOptions) {
          visibleOptions.sort(this.compareOptions);
        }
        return visibleOptions;
      }
      /**
       * Get an array of the visible global options. (Not including help.)
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleGlobalOptions(cmd) {
        if (!this.showGlobalOptions) return [];
        const globalOptions = [];
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          const visibleOptions = ancestorCmd.options.filter(
            (option) => !option.hidden
          );
          globalOptions.push(...visibleOptions);
        }
        if (this.sortOptions) {
          globalOptions.sort(this.compareOptions);
        }
        return globalOptions;
      }
      /**
       * Get an array of the arguments if any have a description.
       *
       * @param {Command} cmd
       * @returns {Argument[]}
       */
      visibleArguments(cmd) {
        if (cmd._argsDescription) {
          cmd.registeredArguments.forEach((argument) => {
            argument.description = argument.description || cmd._argsDescription[argument.name()] || "";
          });
        }
        if (cmd.registeredArguments.find((argument) => argument.description)) {
          return cmd.registeredArguments;
        }
        return [];
      }
      /**
       * Get the command term to show in the list of subcommands.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandTerm(cmd) {
        const args = cmd.registeredArguments.map((arg) => humanReadableArgName(arg)).join(" ");
        return cmd._name + (cmd._aliases[0] ? "|" + cmd._aliases[0] : "") + (cmd.options.length ? " [options]" : "") + // simplistic check for non-help option
        (args ? " " + args : "");
      }
      /**
       * Get the option term to show in the list of options.
       *
       * @param {Option} option
       * @returns {string}
       */
      optionTerm(option) {
        return option.flags;
      }
      /**
       * Get the argument term to show in the list of arguments.
       *
       * @param {Argument} argument
       * @returns {string}
       */
      argumentTerm(argument) {
        return argument.name();
      }
      /**
       * Get the longest command term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestSubcommandTermLength(cmd, helper) {
        return helper.visibleCommands(cmd).reduce((max, command) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleSubcommandTerm(helper.subcommandTerm(command))
            )
          );
        }, 0);
      }
      /**
       * Get the longest option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestOptionTermLength(cmd, helper) {
        return helper.visibleOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest global option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestGlobalOptionTermLength(cmd, helper) {
        return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest argument term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestArgumentTermLength(cmd, helper) {
        return helper.visibleArguments(cmd).reduce((max, argument) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleArgumentTerm(helper.argumentTerm(argument))
            )
          );
        }, 0);
      }
      /**
       * Get the command usage to be displayed at the top of the built-in help.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandUsage(cmd) {
        let cmdName = cmd._name;
        if (cmd._aliases[0]) {
          cmdName = cmdName + "|" + cmd._aliases[0];
        }
        let ancestorCmdNames = "";
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          ancestorCmdNames = ancestorCmd.name() + " " + ancestorCmdNames;
        }
        return ancestorCmdNames + cmdName + " " + cmd.usage();
      }
      /**
       * Get the description for the command.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandDescription(cmd) {
        return cmd.description();
      }
      /**
       * Get the subcommand summary to show in the list of subcommands.
       * (Fallback to description for backwards compatibility.)
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandDescription(cmd) {
        return cmd.summary() || cmd.description();
      }
      /**
       * Get the option description to show in the list of options.
       *
       * @param {Option} option
       * @return {string}
       */
      optionDescription(option) {
        const extraInfo = [];
        if (option.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (option.defaultValue !== void 0) {
          const showDefault = option.required || option.optional || option.isBoolean() && typeof option.defaultValue === "boolean";
          if (showDefault) {
            extraInfo.push(
              `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`
            );
          }
        }
        if (option.presetArg !== void 0 && option.optional) {
          extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
        }
        if (option.envVar !== void 0) {
          extraInfo.push(`env: ${option.envVar}`);
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (option.description) {
            return `${option.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return option.description;
      }
      /**
       * Get the argument description to show in the list of arguments.
       *
       * @param {Argument} argument
       * @return {string}
       */
      argumentDescription(argument) {
        const extraInfo = [];
        if (argument.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (argument.defaultValue !== void 0) {
          extraInfo.push(
            `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`
          );
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (argument.description) {
            return `${argument.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return argument.description;
      }
      /**
       * Format a list of items, given a heading and an array of formatted items.
       *
       * @param {string} heading
       * @param {string[]} items
       * @param {Help} helper
       * @returns string[]
       */
      formatItemList(heading, items, helper) {
        if (items.length === 0) return [];
        return [helper.styleTitle(heading), ...items, ""];
      }
      /**
       * Group items by their help group heading.
       *
       * @param {Command[] | Option[]} unsortedItems
       * @param {Command[] | Option[]} visibleItems
       * @param {Function} getGroup
       * @returns {Map<string, Command[] | Option[]>}
       */
      groupItems(unsortedItems, visibleItems, getGroup) {
        const result = /* @__PURE__ */ new Map();
        unsortedItems.forEach((item2) => {
          const group = getGroup(item2);
          if (!result.has(group)) result.set(group, []);
        });
        visibleItems.forEach((item2) => {
          const group = getGroup(item2);
          if (!result.has(group)) {
            result.set(group, []);
          }
          result.get(group).push(item2);
        });
        return result;
      }
      /**
       * Generate the built-in help text.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {string}
       */
      formatHelp(cmd, helper) {
        const termWidth = helper.padWidth(cmd, helper);
        const helpWidth = helper.helpWidth ?? 80;
        function callFormatItem(term, description) {
          return helper.formatItem(term, termWidth, description, helper);
        }
        let output = [
          `${helper.styleTitle("Usage:")} ${helper.styleUsage(helper.commandUsage(cmd))}`,
          ""
        ];
        const commandDescription = helper.commandDescription(cmd);
        if (commandDescription.length > 0) {
          output = output.concat([
            helper.boxWrap(
              helper.styleCommandDescription(commandDescription),
              helpWidth
            ),
            ""
          ]);
        }
        const argumentList = helper.visibleArguments(cmd).map((argument) => {
          return callFormatItem(
            helper.styleArgumentTerm(helper.argumentTerm(argument)),
            helper.styleArgumentDescription(helper.argumentDescription(argument))
          );
        });
        output = output.concat(
          this.formatItemList("Arguments:", argumentList, helper)
        );
        const optionGroups = this.groupItems(
          cmd.options,
          helper.visibleOptions(cmd),
          (option) => option.helpGroupHeading ?? "Options:"
        );
        optionGroups.forEach((options, group) => {
          const optionList = options.map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(this.formatItemList(group, optionList, helper));
        });
        if (helper.showGlobalOptions) {
          const globalOptionList = helper.visibleGlobalOptions(cmd).map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(
            this.formatItemList("Global Options:", globalOptionList, helper)
          );
        }
        const commandGroups = this.groupItems(
          cmd.commands,
          helper.visibleCommands(cmd),
          (sub) => sub.helpGroup() || "Commands:"
        );
        commandGroups.forEach((commands, group) => {
          const commandList = commands.map((sub) => {
            return callFormatItem(
              helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
              helper.styleSubcommandDescription(helper.subcommandDescription(sub))
            );
          });
          output = output.concat(this.formatItemList(group, commandList, helper));
        });
        return output.join("\n");
      }
      /**
       * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
       *
       * @param {string} str
       * @returns {number}
       */
      displayWidth(str) {
        return stripColor(str).length;
      }
      /**
       * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
       *
       * @param {string} str
       * @returns {string}
       */
      styleTitle(str) {
        return str;
      }
      styleUsage(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word === "[command]") return this.styleSubcommandText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleCommandText(word);
        }).join(" ");
      }
      styleCommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleOptionDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleSubcommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleArgumentDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleDescriptionText(str) {
        return str;
      }
      styleOptionTerm(str) {
        return this.styleOptionText(str);
      }
      styleSubcommandTerm(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleSubcommandText(word);
        }).join(" ");
      }
      styleArgumentTerm(str) {
        return this.styleArgumentText(str);
      }
      styleOptionText(str) {
        return str;
      }
      styleArgumentText(str) {
        return str;
      }
      styleSubcommandText(str) {
        return str;
      }
      styleCommandText(str) {
        return str;
      }
      /**
       * Calculate the pad width from the maximum term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      padWidth(cmd, helper) {
        return Math.max(
          helper.longestOptionTermLength(cmd, helper),
          helper.longestGlobalOptionTermLength(cmd, helper),
          helper.longestSubcommandTermLength(cmd, helper),
          helper.longestArgumentTermLength(cmd, helper)
        );
      }
      /**
       * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
       *
       * @param {string} str
       * @returns {boolean}
       */
      preformatted(str) {
        return /\n[^\S\r\n]/.test(str);
      }
      /**
       * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
       *
       * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
       *   TTT  DDD DDDD
       *        DD DDD
       *
       * @param {string} term
       * @param {number} termWidth
       * @param {string} description
       * @param {Help} helper
       * @returns {string}
       */
      formatItem(term, termWidth, description, helper) {
        const itemIndent = 2;
        const itemIndentStr = " ".repeat(itemIndent);
        if (!description) return itemIndentStr + term;
        const paddedTerm = term.padEnd(
          termWidth + term.length - helper.displayWidth(term)
        );
        const spacerWidth = 2;
        const helpWidth = this.helpWidth ?? 80;
        const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
        let formattedDescription;
        if (remainingWidth < this.minWidthToWrap || helper.preformatted(description)) {
          formattedDescription = description;
        } else {
          const wrappedDescription = helper.boxWrap(description, remainingWidth);
          formattedDescription = wrappedDescription.replace(
            /\n/g,
            "\n" + " ".repeat(termWidth + spacerWidth)
          );
        }
        return itemIndentStr + paddedTerm + " ".repeat(spacerWidth) + formattedDescription.replace(/\n/g, `
${itemIndentStr}`);
      }
      /**
       * Wrap a string at whitespace, preserving existing line breaks.
       * Wrapping is skipped if the width is less than `minWidthToWrap`.
       *
       * @param {string} str
       * @param {number} width
       * @returns {string}
       */
      boxWrap(str, width) {
        if (width < this.minWidthToWrap) return str;
        const rawLines = str.split(/\r\n|\n/);
        const chunkPattern = /[\s]*[^\s]+/g;
        const wrappedLines = [];
        rawLines.forEach((line) => {
          const chunks = line.match(chunkPattern);
          if (chunks === null) {
            wrappedLines.push("");
            return;
          }
          let sumChunks = [chunks.shift()];
          let sumWidth = this.displayWidth(sumChunks[0]);
          chunks.forEach((chunk) => {
            const visibleWidth = this.displayWidth(chunk);
            if (sumWidth + visibleWidth <= width) {
              sumChunks.push(chunk);
              sumWidth += visibleWidth;
              return;
            }
            wrappedLines.push(sumChunks.join(""));
            const nextChunk = chunk.trimStart();
            sumChunks = [nextChunk];
            sumWidth = this.displayWidth(nextChunk);
          });
          wrappedLines.push(sumChunks.join(""));
        });
        return wrappedLines.join("\n");
      }
    };
    function stripColor(str) {
      const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
      return str.replace(sgrPattern, "");
    }
    exports.Help = Help2;
    exports.stripColor = stripColor;
  }
});

// node_modules/commander/lib/option.js
var require_option = __commonJS({
  "node_modules/commander/lib/option.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Option2 = class {
      /**
       * Initialize a new `Option` with the given `flags` and `description`.
       *
       * @param {string} flags
       * @param {string} [description]
       */
      constructor(flags, description) {
        this.flags = flags;
        this.description = description || "";
        this.required = flags.includes("<");
        this.optional = flags.includes("[");
        this.variadic = /\w\.\.\.[>\]]$/.test(flags);
        this.mandatory = false;
        const optionFlags = splitOptionFlags(flags);
        this.short = optionFlags.shortFlag;
        this.long = optionFlags.longFlag;
        this.negate = false;
        if (this.long) {
          this.negate = this.long.startsWith("--no-");
        }
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.presetArg = void 0;
        this.envVar = void 0;
        this.parseArg = void 0;
        this.hidden = false;
        this.argChoices = void 0;
        this.conflictsWith = [];
        this.implied = void 0;
        this.helpGroupHeading = void 0;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Option}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Preset to use when option used without option-argument, especially optional but also boolean and negated.
       * The custom processing (parseArg) is called.
       *
       * @example
       * new Option('--color').default('GREYSCALE').preset('RGB');
       * new Option('--donate [amount]').preset('20').argParser(parseFloat);
       *
       * @param {*} arg
       * @return {Option}
       */
      preset(arg) {
        this.presetArg = arg;
        return this;
      }
      /**
       * Add option name(s) that conflict with this option.
       * An error will be displayed if conflicting options are found during parsing.
       *
       * @example
       * new Option('--rgb').conflicts('cmyk');
       * new Option('--js').conflicts(['ts', 'jsx']);
       *
       * @param {(string | string[])} names
       * @return {Option}
       */
      conflicts(names) {
        this.conflictsWith = this.conflictsWith.concat(names);
        return this;
      }
      /**
       * Specify implied option values for when this option is set and the implied options are not.
       *
       * The custom processing (parseArg) is not called on the implied values.
       *
       * @example
       * program
       *   .addOption(new Option('--log', 'write logging information to file'))
       *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
       *
       * @param {object} impliedOptionValues
       * @return {Option}
       */
      implies(impliedOptionValues) {
        let newImplied = impliedOptionValues;
        if (typeof impliedOptionValues === "string") {
          newImplied = { [impliedOptionValues]: true };
        }
        this.implied = Object.assign(this.implied || {}, newImplied);
        return this;
      }
      /**
       * Set environment variable to check for option value.
       *
       * An environment variable is only used if when processed the current option value is
       * undefined, or the source of the current value is 'default' or 'config' or 'env'.
       *
       * @param {string} name
       * @return {Option}
       */
      env(name) {
        this.envVar = name;
        return this;
      }
      /**
       * Set the custom handler for processing CLI option arguments into option values.
       *
       * @param {Function} [fn]
       * @return {Option}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Whether the option is mandatory and must have a value after parsing.
       *
       * @param {boolean} [mandatory=true]
       * @return {Option}
       */
      makeOptionMandatory(mandatory = true) {
        this.mandatory = !!mandatory;
        return this;
      }
      /**
       * Hide option in help.
       *
       * @param {boolean} [hide=true]
       * @return {Option}
       */
      hideHelp(hide = true) {
        this.hidden = !!hide;
        return this;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Only allow option value to be one of choices.
       *
       * @param {string[]} values
       * @return {Option}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Return option name.
       *
       * @return {string}
       */
      name() {
        if (this.long) {
          return this.long.replace(/^--/, "");
        }
        return this.short.replace(/^-/, "");
      }
      /**
       * Return option name, in a camelcase format that can be used
       * as an object attribute key.
       *
       * @return {string}
       */
      attributeName() {
        if (this.negate) {
          return camelcase(this.name().replace(/^no-/, ""));
        }
        return camelcase(this.name());
      }
      /**
       * Set the help group heading.
       *
       * @param {string} heading
       * @return {Option}
       */
      helpGroup(heading) {
        this.helpGroupHeading = heading;
        return this;
      }
      /**
       * Check if `arg` matches the short or long flag.
       *
       * @param {string} arg
       * @return {boolean}
       * @package
       */
      is(arg) {
        return this.short === arg || this.long === arg;
      }
      /**
       * Return whether a boolean option.
       *
       * Options are one of boolean, negated, required argument, or optional argument.
       *
       * @return {boolean}
       * @package
       */
      isBoolean() {
        return !this.required && !this.optional && !this.negate;
      }
    };
    var DualOptions = class {
      /**
       * @param {Option[]} options
       */
      constructor(options) {
        this.positiveOptions = /* @__PURE__ */ new Map();
        this.negativeOptions = /* @__PURE__ */ new Map();
        this.dualOptions = /* @__PURE__ */ new Set();
        options.forEach((option) => {
          if (option.negate) {
            this.negativeOptions.set(option.attributeName(), option);
          } else {
            this.positiveOptions.set(option.attributeName(), option);
          }
        });
        this.negativeOptions.forEach((value, key) => {
          if (this.positiveOptions.has(key)) {
            this.dualOptions.add(key);
          }
        });
      }
      /**
       * Did the value come from the option, and not from possible matching dual option?
       *
       * @param {*} value
       * @param {Option} option
       * @returns {boolean}
       */
      valueFromOption(value, option) {
        const optionKey = option.attributeName();
        if (!this.dualOptions.has(optionKey)) return true;
        const preset = this.negativeOptions.get(optionKey).presetArg;
        const negativeValue = preset !== void 0 ? preset : false;
        return option.negate === (negativeValue === value);
      }
    };
    function camelcase(str) {
      return str.split("-").reduce((str2, word) => {
        return str2 + word[0].toUpperCase() + word.slice(1);
      });
    }
    function splitOptionFlags(flags) {
      let shortFlag;
      let longFlag;
      const shortFlagExp = /^-[^-]$/;
      const longFlagExp = /^--[^-]/;
      const flagParts = flags.split(/[ |,]+/).concat("guard");
      if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
      if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
      if (!shortFlag && shortFlagExp.test(flagParts[0]))
        shortFlag = flagParts.shift();
      if (!shortFlag && longFlagExp.test(flagParts[0])) {
        shortFlag = longFlag;
        longFlag = flagParts.shift();
      }
      if (flagParts[0].startsWith("-")) {
        const unsupportedFlag = flagParts[0];
        const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
        if (/^-[^-][^-]/.test(unsupportedFlag))
          throw new Error(
            `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`
          );
        if (shortFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many short flags`);
        if (longFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many long flags`);
        throw new Error(`${baseError}
- unrecognised flag format`);
      }
      if (shortFlag === void 0 && longFlag === void 0)
        throw new Error(
          `option creation failed due to no flags found in '${flags}'.`
        );
      return { shortFlag, longFlag };
    }
    exports.Option = Option2;
    exports.DualOptions = DualOptions;
  }
});

// node_modules/commander/lib/suggestSimilar.js
var require_suggestSimilar = __commonJS({
  "node_modules/commander/lib/suggestSimilar.js"(exports) {
    var maxDistance = 3;
    function editDistance(a, b) {
      if (Math.abs(a.length - b.length) > maxDistance)
        return Math.max(a.length, b.length);
      const d = [];
      for (let i = 0; i <= a.length; i++) {
        d[i] = [i];
      }
      for (let j = 0; j <= b.length; j++) {
        d[0][j] = j;
      }
      for (let j = 1; j <= b.length; j++) {
        for (let i = 1; i <= a.length; i++) {
          let cost = 1;
          if (a[i - 1] === b[j - 1]) {
            cost = 0;
          } else {
            cost = 1;
          }
          d[i][j] = Math.min(
            d[i - 1][j] + 1,
            // deletion
            d[i][j - 1] + 1,
            // insertion
            d[i - 1][j - 1] + cost
            // substitution
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
      }
      return d[a.length][b.length];
    }
    function suggestSimilar(word, candidates) {
      if (!candidates || candidates.length === 0) return "";
      candidates = Array.from(new Set(candidates));
      const searchingOptions = word.startsWith("--");
      if (searchingOptions) {
        word = word.slice(2);
        candidates = candidates.map((candidate) => candidate.slice(2));
      }
      let similar = [];
      let bestDistance = maxDistance;
      const minSimilarity = 0.4;
      candidates.forEach((candidate) => {
        if (candidate.length <= 1) return;
        const distance = editDistance(word, candidate);
        const length = Math.max(word.length, candidate.length);
        const similarity = (length - distance) / length;
        if (similarity > minSimilarity) {
          if (distance < bestDistance) {
            bestDistance = distance;
            similar = [candidate];
          } else if (distance === bestDistance) {
            similar.push(candidate);
          }
        }
      });
      similar.sort((a, b) => a.localeCompare(b));
      if (searchingOptions) {
        similar = similar.map((candidate) => `--${candidate}`);
      }
      if (similar.length > 1) {
        return `
(Did you mean one of ${similar.join(", ")}?)`;
      }
      if (similar.length === 1) {
        return `
(Did you mean ${similar[0]}?)`;
      }
      return "";
    }
    exports.suggestSimilar = suggestSimilar;
  }
});

// node_modules/commander/lib/command.js
var require_command = __commonJS({
  "node_modules/commander/lib/command.js"(exports) {
    var EventEmitter = __require("node:events").EventEmitter;
    var childProcess = __require("node:child_process");
    var path = __require("node:path");
    var fs = __require("node:fs");
    var process2 = __require("node:process");
    var { Argument: Argument2, humanReadableArgName } = require_argument();
    var { CommanderError: CommanderError2 } = require_error();
    var { Help: Help2, stripColor } = require_help();
    var { Option: Option2, DualOptions } = require_option();
    var { suggestSimilar } = require_suggestSimilar();
    var Command2 = class _Command extends EventEmitter {
      /**
       * Initialize a new `Command`.
       *
       * @param {string} [name]
       */
      constructor(name) {
        super();
        this.commands = [];
        this.options = [];
        this.parent = null;
        this._allowUnknownOption = false;
        this._allowExcessArguments = false;
        this.registeredArguments = [];
        this._args = this.registeredArguments;
        this.args = [];
        this.rawArgs = [];
        this.processedArgs = [];
        this._scriptPath = null;
        this._name = name || "";
        this._optionValues = {};
        this._optionValueSources = {};
        this._storeOptionsAsProperties = false;
        this._actionHandler = null;
        this._executableHandler = false;
        this._executableFile = null;
        this._executableDir = null;
        this._defaultCommandName = null;
        this._exitCallback = null;
        this._aliases = [];
        this._combineFlagAndOptionalValue = true;
        this._description = "";
        this._summary = "";
        this._argsDescription = void 0;
        this._enablePositionalOptions = false;
        this._passThroughOptions = false;
        this._lifeCycleHooks = {};
        this._showHelpAfterError = false;
        this._showSuggestionAfterError = true;
        this._savedState = null;
        this._outputConfiguration = {
          writeOut: (str) => process2.stdout.write(str),
          writeErr: (str) => process2.stderr.write(str),
          outputError: (str, write) => write(str),
          getOutHelpWidth: () => process2.stdout.isTTY ? process2.stdout.columns : void 0,
          getErrHelpWidth: () => process2.stderr.isTTY ? process2.stderr.columns : void 0,
          getOutHasColors: () => useColor() ?? (process2.stdout.isTTY && process2.stdout.hasColors?.()),
          getErrHasColors: () => useColor() ?? (process2.stderr.isTTY && process2.stderr.hasColors?.()),
          stripColor: (str) => stripColor(str)
        };
        this._hidden = false;
        this._helpOption = void 0;
        this._addImplicitHelpCommand = void 0;
        this._helpCommand = void 0;
        this._helpConfiguration = {};
        this._helpGroupHeading = void 0;
        this._defaultCommandGroup = void 0;
        this._defaultOptionGroup = void 0;
      }
      /**
       * Copy settings that are useful to have in common across root command and subcommands.
       *
       * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
       *
       * @param {Command} sourceCommand
       * @return {Command} `this` command for chaining
       */
      copyInheritedSettings(sourceCommand) {
        this._outputConfiguration = sourceCommand._outputConfiguration;
        this._helpOption = sourceCommand._helpOption;
        this._helpCommand = sourceCommand._helpCommand;
        this._helpConfiguration = sourceCommand._helpConfiguration;
        this._exitCallback = sourceCommand._exitCallback;
        this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
        this._combineFlagAndOptionalValue = sourceCommand._combineFlagAndOptionalValue;
        this._allowExcessArguments = sourceCommand._allowExcessArguments;
        this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
        this._showHelpAfterError = sourceCommand._showHelpAfterError;
        this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;
        return this;
      }
      /**
       * @returns {Command[]}
       * @private
       */
      _getCommandAndAncestors() {
        const result = [];
        for (let command = this; command; command = command.parent) {
          result.push(command);
        }
        return result;
      }
      /**
       * Define a command.
       *
       * There are two styles of command: pay attention to where to put the description.
       *
       * @example
       * // Command implemented using action handler (description is supplied separately to `.command`)
       * program
       *   .command('clone <source> [destination]')
       *   .description('clone a repository into a newly created directory')
       *   .action((source, destination) => {
       *     console.log('clone command called');
       *   });
       *
       * // Command implemented using separate executable file (description is second parameter to `.command`)
       * program
       *   .command('start <service>', 'start named service')
       *   .command('stop [service]', 'stop named service, or all if no name supplied');
       *
       * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
       * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
       * @param {object} [execOpts] - configuration options (for executable)
       * @return {Command} returns new command for action handler, or `this` for executable command
       */
      command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
        let desc = actionOptsOrExecDesc;
        let opts = execOpts;
        if (typeof desc === "object" && desc !== null) {
          opts = desc;
          desc = null;
        }
        opts = opts || {};
        const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const cmd = this.createCommand(name);
        if (desc) {
          cmd.description(desc);
          cmd._executableHandler = true;
        }
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        cmd._hidden = !!(opts.noHelp || opts.hidden);
        cmd._executableFile = opts.executableFile || null;
        if (args) cmd.arguments(args);
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd.copyInheritedSettings(this);
        if (desc) return this;
        return cmd;
      }
      /**
       * Factory routine to create a new unattached command.
       *
       * See .command() for creating an attached subcommand, which uses this routine to
       * create the command. You can override createCommand to customise subcommands.
       *
       * @param {string} [name]
       * @return {Command} new command
       */
      createCommand(name) {
        return new _Command(name);
      }
      /**
       * You can customise the help with a subclass of Help by overriding createHelp,
       * or by overriding Help properties using configureHelp().
       *
       * @return {Help}
       */
      createHelp() {
        return Object.assign(new Help2(), this.configureHelp());
      }
      /**
       * You can customise the help by overriding Help properties using configureHelp(),
       * or with a subclass of Help by overriding createHelp().
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureHelp(configuration) {
        if (configuration === void 0) return this._helpConfiguration;
        this._helpConfiguration = configuration;
        return this;
      }
      /**
       * The default output goes to stdout and stderr. You can customise this for special
       * applications. You can also customise the display of errors by overriding outputError.
       *
       * The configuration properties are all functions:
       *
       *     // change how output being written, defaults to stdout and stderr
       *     writeOut(str)
       *     writeErr(str)
       *     // change how output being written for errors, defaults to writeErr
       *     outputError(str, write) // used for displaying errors and not used for displaying help
       *     // specify width for wrapping help
       *     getOutHelpWidth()
       *     getErrHelpWidth()
       *     // color support, currently only used with Help
       *     getOutHasColors()
       *     getErrHasColors()
       *     stripColor() // used to remove ANSI escape codes if output does not have colors
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureOutput(configuration) {
        if (configuration === void 0) return this._outputConfiguration;
        this._outputConfiguration = {
          ...this._outputConfiguration,
          ...configuration
        };
        return this;
      }
      /**
       * Display the help or a custom message after an error occurs.
       *
       * @param {(boolean|string)} [displayHelp]
       * @return {Command} `this` command for chaining
       */
      showHelpAfterError(displayHelp = true) {
        if (typeof displayHelp !== "string") displayHelp = !!displayHelp;
        this._showHelpAfterError = displayHelp;
        return this;
      }
      /**
       * Display suggestion of similar commands for unknown commands, or options for unknown options.
       *
       * @param {boolean} [displaySuggestion]
       * @return {Command} `this` command for chaining
       */
      showSuggestionAfterError(displaySuggestion = true) {
        this._showSuggestionAfterError = !!displaySuggestion;
        return this;
      }
      /**
       * Add a prepared subcommand.
       *
       * See .command() for creating an attached subcommand which inherits settings from its parent.
       *
       * @param {Command} cmd - new subcommand
       * @param {object} [opts] - configuration options
       * @return {Command} `this` command for chaining
       */
      addCommand(cmd, opts) {
        if (!cmd._name) {
          throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
        }
        opts = opts || {};
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        if (opts.noHelp || opts.hidden) cmd._hidden = true;
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd._checkForBrokenPassThrough();
        return this;
      }
      /**
       * Factory routine to create a new unattached argument.
       *
       * See .argument() for creating an attached argument, which uses this routine to
       * create the argument. You can override createArgument to return a custom argument.
       *
       * @param {string} name
       * @param {string} [description]
       * @return {Argument} new argument
       */
      createArgument(name, description) {
        return new Argument2(name, description);
      }
      /**
       * Define argument syntax for command.
       *
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @example
       * program.argument('<input-file>');
       * program.argument('[output-file]');
       *
       * @param {string} name
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom argument processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      argument(name, description, parseArg, defaultValue) {
        const argument = this.createArgument(name, description);
        if (typeof parseArg === "function") {
          argument.default(defaultValue).argParser(parseArg);
        } else {
          argument.default(parseArg);
        }
        this.addArgument(argument);
        return this;
      }
      /**
       * Define argument syntax for command, adding multiple at once (without descriptions).
       *
       * See also .argument().
       *
       * @example
       * program.arguments('<cmd> [env]');
       *
       * @param {string} names
       * @return {Command} `this` command for chaining
       */
      arguments(names) {
        names.trim().split(/ +/).forEach((detail) => {
          this.argument(detail);
        });
        return this;
      }
      /**
       * Define argument syntax for command, adding a prepared argument.
       *
       * @param {Argument} argument
       * @return {Command} `this` command for chaining
       */
      addArgument(argument) {
        const previousArgument = this.registeredArguments.slice(-1)[0];
        if (previousArgument?.variadic) {
          throw new Error(
            `only the last argument can be variadic '${previousArgument.name()}'`
          );
        }
        if (argument.required && argument.defaultValue !== void 0 && argument.parseArg === void 0) {
          throw new Error(
            `a default value for a required argument is never used: '${argument.name()}'`
          );
        }
        this.registeredArguments.push(argument);
        return this;
      }
      /**
       * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
       *
       * @example
       *    program.helpCommand('help [cmd]');
       *    program.helpCommand('help [cmd]', 'show help');
       *    program.helpCommand(false); // suppress default help command
       *    program.helpCommand(true); // add help command even if no subcommands
       *
       * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
       * @param {string} [description] - custom description
       * @return {Command} `this` command for chaining
       */
      helpCommand(enableOrNameAndArgs, description) {
        if (typeof enableOrNameAndArgs === "boolean") {
          this._addImplicitHelpCommand = enableOrNameAndArgs;
          if (enableOrNameAndArgs && this._defaultCommandGroup) {
            this._initCommandGroup(this._getHelpCommand());
          }
          return this;
        }
        const nameAndArgs = enableOrNameAndArgs ?? "help [command]";
        const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const helpDescription = description ?? "display help for command";
        const helpCommand = this.createCommand(helpName);
        helpCommand.helpOption(false);
        if (helpArgs) helpCommand.arguments(helpArgs);
        if (helpDescription) helpCommand.description(helpDescription);
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Add prepared custom help command.
       *
       * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
       * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
       * @return {Command} `this` command for chaining
       */
      addHelpCommand(helpCommand, deprecatedDescription) {
        if (typeof helpCommand !== "object") {
          this.helpCommand(helpCommand, deprecatedDescription);
          return this;
        }
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Lazy create help command.
       *
       * @return {(Command|null)}
       * @package
       */
      _getHelpCommand() {
        const hasImplicitHelpCommand = this._addImplicitHelpCommand ?? (this.commands.length && !this._actionHandler && !this._findCommand("help"));
        if (hasImplicitHelpCommand) {
          if (this._helpCommand === void 0) {
            this.helpCommand(void 0, void 0);
          }
          return this._helpCommand;
        }
        return null;
      }
      /**
       * Add hook for life cycle event.
       *
       * @param {string} event
       * @param {Function} listener
       * @return {Command} `this` command for chaining
       */
      hook(event, listener) {
        const allowedValues = ["preSubcommand", "preAction", "postAction"];
        if (!allowedValues.includes(event)) {
          throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        if (this._lifeCycleHooks[event]) {
          this._lifeCycleHooks[event].push(listener);
        } else {
          this._lifeCycleHooks[event] = [listener];
        }
        return this;
      }
      /**
       * Register callback to use as replacement for calling process.exit.
       *
       * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
       * @return {Command} `this` command for chaining
       */
      exitOverride(fn) {
        if (fn) {
          this._exitCallback = fn;
        } else {
          this._exitCallback = (err) => {
            if (err.code !== "commander.executeSubCommandAsync") {
              throw err;
            } else {
            }
          };
        }
        return this;
      }
      /**
       * Call process.exit, and _exitCallback if defined.
       *
       * @param {number} exitCode exit code for using with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       * @return never
       * @private
       */
      _exit(exitCode, code, message) {
        if (this._exitCallback) {
          this._exitCallback(new CommanderError2(exitCode, code, message));
        }
        process2.exit(exitCode);
      }
      /**
       * Register callback `fn` for the command.
       *
       * @example
       * program
       *   .command('serve')
       *   .description('start service')
       *   .action(function() {
       *      // do work here
       *   });
       *
       * @param {Function} fn
       * @return {Command} `this` command for chaining
       */
      action(fn) {
        const listener = (args) => {
          const expectedArgsCount = this.registeredArguments.length;
          const actionArgs = args.slice(0, expectedArgsCount);
          if (this._storeOptionsAsProperties) {
            actionArgs[expectedArgsCount] = this;
          } else {
            actionArgs[expectedArgsCount] = this.opts();
          }
          actionArgs.push(this);
          return fn.apply(this, actionArgs);
        };
        this._actionHandler = listener;
        return this;
      }
      /**
       * Factory routine to create a new unattached option.
       *
       * See .option() for creating an attached option, which uses this routine to
       * create the option. You can override createOption to return a custom option.
       *
       * @param {string} flags
       * @param {string} [description]
       * @return {Option} new option
       */
      createOption(flags, description) {
        return new Option2(flags, description);
      }
      /**
       * Wrap parseArgs to catch 'commander.invalidArgument'.
       *
       * @param {(Option | Argument)} target
       * @param {string} value
       * @param {*} previous
       * @param {string} invalidArgumentMessage
       * @private
       */
      _callParseArg(target, value, previous, invalidArgumentMessage) {
        try {
          return target.parseArg(value, previous);
        } catch (err) {
          if (err.code === "commander.invalidArgument") {
            const message = `${invalidArgumentMessage} ${err.message}`;
            this.error(message, { exitCode: err.exitCode, code: err.code });
          }
          throw err;
        }
      }
      /**
       * Check for option flag conflicts.
       * Register option if no conflicts found, or throw on conflict.
       *
       * @param {Option} option
       * @private
       */
      _registerOption(option) {
        const matchingOption = option.short && this._findOption(option.short) || option.long && this._findOption(option.long);
        if (matchingOption) {
          const matchingFlag = option.long && this._findOption(option.long) ? option.long : option.short;
          throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
        }
        this._initOptionGroup(option);
        this.options.push(option);
      }
      /**
       * Check for command name and alias conflicts with existing commands.
       * Register command if no conflicts found, or throw on conflict.
       *
       * @param {Command} command
       * @private
       */
      _registerCommand(command) {
        const knownBy = (cmd) => {
          return [cmd.name()].concat(cmd.aliases());
        };
        const alreadyUsed = knownBy(command).find(
          (name) => this._findCommand(name)
        );
        if (alreadyUsed) {
          const existingCmd = knownBy(this._findCommand(alreadyUsed)).join("|");
          const newCmd = knownBy(command).join("|");
          throw new Error(
            `cannot add command '${newCmd}' as already have command '${existingCmd}'`
          );
        }
        this._initCommandGroup(command);
        this.commands.push(command);
      }
      /**
       * Add an option.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addOption(option) {
        this._registerOption(option);
        const oname = option.name();
        const name = option.attributeName();
        if (option.negate) {
          const positiveLongFlag = option.long.replace(/^--no-/, "--");
          if (!this._findOption(positiveLongFlag)) {
            this.setOptionValueWithSource(
              name,
              option.defaultValue === void 0 ? true : option.defaultValue,
              "default"
            );
          }
        } else if (option.defaultValue !== void 0) {
          this.setOptionValueWithSource(name, option.defaultValue, "default");
        }
        const handleOptionValue = (val, invalidValueMessage, valueSource) => {
          if (val == null && option.presetArg !== void 0) {
            val = option.presetArg;
          }
          const oldValue = this.getOptionValue(name);
          if (val !== null && option.parseArg) {
            val = this._callParseArg(option, val, oldValue, invalidValueMessage);
          } else if (val !== null && option.variadic) {
            val = option._collectValue(val, oldValue);
          }
          if (val == null) {
            if (option.negate) {
              val = false;
            } else if (option.isBoolean() || option.optional) {
              val = true;
            } else {
              val = "";
            }
          }
          this.setOptionValueWithSource(name, val, valueSource);
        };
        this.on("option:" + oname, (val) => {
          const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
          handleOptionValue(val, invalidValueMessage, "cli");
        });
        if (option.envVar) {
          this.on("optionEnv:" + oname, (val) => {
            const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
            handleOptionValue(val, invalidValueMessage, "env");
          });
        }
        return this;
      }
      /**
       * Internal implementation shared by .option() and .requiredOption()
       *
       * @return {Command} `this` command for chaining
       * @private
       */
      _optionEx(config, flags, description, fn, defaultValue) {
        if (typeof flags === "object" && flags instanceof Option2) {
          throw new Error(
            "To add an Option object use addOption() instead of option() or requiredOption()"
          );
        }
        const option = this.createOption(flags, description);
        option.makeOptionMandatory(!!config.mandatory);
        if (typeof fn === "function") {
          option.default(defaultValue).argParser(fn);
        } else if (fn instanceof RegExp) {
          const regex = fn;
          fn = (val, def) => {
            const m = regex.exec(val);
            return m ? m[0] : def;
          };
          option.default(defaultValue).argParser(fn);
        } else {
          option.default(fn);
        }
        return this.addOption(option);
      }
      /**
       * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
       * option-argument is indicated by `<>` and an optional option-argument by `[]`.
       *
       * See the README for more details, and see also addOption() and requiredOption().
       *
       * @example
       * program
       *     .option('-p, --pepper', 'add pepper')
       *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
       *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
       *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      option(flags, description, parseArg, defaultValue) {
        return this._optionEx({}, flags, description, parseArg, defaultValue);
      }
      /**
       * Add a required option which must have a value after parsing. This usually means
       * the option must be specified on the command line. (Otherwise the same as .option().)
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      requiredOption(flags, description, parseArg, defaultValue) {
        return this._optionEx(
          { mandatory: true },
          flags,
          description,
          parseArg,
          defaultValue
        );
      }
      /**
       * Alter parsing of short flags with optional values.
       *
       * @example
       * // for `.option('-f,--flag [value]'):
       * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
       * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
       *
       * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
       * @return {Command} `this` command for chaining
       */
      combineFlagAndOptionalValue(combine = true) {
        this._combineFlagAndOptionalValue = !!combine;
        return this;
      }
      /**
       * Allow unknown options on the command line.
       *
       * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
       * @return {Command} `this` command for chaining
       */
      allowUnknownOption(allowUnknown = true) {
        this._allowUnknownOption = !!allowUnknown;
        return this;
      }
      /**
       * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
       *
       * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
       * @return {Command} `this` command for chaining
       */
      allowExcessArguments(allowExcess = true) {
        this._allowExcessArguments = !!allowExcess;
        return this;
      }
      /**
       * Enable positional options. Positional means global options are specified before subcommands which lets
       * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
       * The default behaviour is non-positional and global options may appear anywhere on the command line.
       *
       * @param {boolean} [positional]
       * @return {Command} `this` command for chaining
       */
      enablePositionalOptions(positional = true) {
        this._enablePositionalOptions = !!positional;
        return this;
      }
      /**
       * Pass through options that come after command-arguments rather than treat them as command-options,
       * so actual command-options come before command-arguments. Turning this on for a subcommand requires
       * positional options to have been enabled on the program (parent commands).
       * The default behaviour is non-positional and options may appear before or after command-arguments.
       *
       * @param {boolean} [passThrough] for unknown options.
       * @return {Command} `this` command for chaining
       */
      passThroughOptions(passThrough = true) {
        this._passThroughOptions = !!passThrough;
        this._checkForBrokenPassThrough();
        return this;
      }
      /**
       * @private
       */
      _checkForBrokenPassThrough() {
        if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions) {
          throw new Error(
            `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`
          );
        }
      }
      /**
       * Whether to store option values as properties on command object,
       * or store separately (specify false). In both cases the option values can be accessed using .opts().
       *
       * @param {boolean} [storeAsProperties=true]
       * @return {Command} `this` command for chaining
       */
      storeOptionsAsProperties(storeAsProperties = true) {
        if (this.options.length) {
          throw new Error("call .storeOptionsAsProperties() before adding options");
        }
        if (Object.keys(this._optionValues).length) {
          throw new Error(
            "call .storeOptionsAsProperties() before setting option values"
          );
        }
        this._storeOptionsAsProperties = !!storeAsProperties;
        return this;
      }
      /**
       * Retrieve option value.
       *
       * @param {string} key
       * @return {object} value
       */
      getOptionValue(key) {
        if (this._storeOptionsAsProperties) {
          return this[key];
        }
        return this._optionValues[key];
      }
      /**
       * Store option value.
       *
       * @param {string} key
       * @param {object} value
       * @return {Command} `this` command for chaining
       */
      setOptionValue(key, value) {
        return this.setOptionValueWithSource(key, value, void 0);
      }
      /**
       * Store option value and where the value came from.
       *
       * @param {string} key
       * @param {object} value
       * @param {string} source - expected values are default/config/env/cli/implied
       * @return {Command} `this` command for chaining
       */
      setOptionValueWithSource(key, value, source) {
        if (this._storeOptionsAsProperties) {
          this[key] = value;
        } else {
          this._optionValues[key] = value;
        }
        this._optionValueSources[key] = source;
        return this;
      }
      /**
       * Get source of option value.
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSource(key) {
        return this._optionValueSources[key];
      }
      /**
       * Get source of option value. See also .optsWithGlobals().
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSourceWithGlobals(key) {
        let source;
        this._getCommandAndAncestors().forEach((cmd) => {
          if (cmd.getOptionValueSource(key) !== void 0) {
            source = cmd.getOptionValueSource(key);
          }
        });
        return source;
      }
      /**
       * Get user arguments from implied or explicit arguments.
       * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
       *
       * @private
       */
      _prepareUserArgs(argv, parseOptions2) {
        if (argv !== void 0 && !Array.isArray(argv)) {
          throw new Error("first parameter to parse must be array or undefined");
        }
        parseOptions2 = parseOptions2 || {};
        if (argv === void 0 && parseOptions2.from === void 0) {
          if (process2.versions?.electron) {
            parseOptions2.from = "electron";
          }
          const execArgv = process2.execArgv ?? [];
          if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
            parseOptions2.from = "eval";
          }
        }
        if (argv === void 0) {
          argv = process2.argv;
        }
        this.rawArgs = argv.slice();
        let userArgs;
        switch (parseOptions2.from) {
          case void 0:
          case "node":
            this._scriptPath = argv[1];
            userArgs = argv.slice(2);
            break;
          case "electron":
            if (process2.defaultApp) {
              this._scriptPath = argv[1];
              userArgs = argv.slice(2);
            } else {
              userArgs = argv.slice(1);
            }
            break;
          case "user":
            userArgs = argv.slice(0);
            break;
          case "eval":
            userArgs = argv.slice(1);
            break;
          default:
            throw new Error(
              `unexpected parse option { from: '${parseOptions2.from}' }`
            );
        }
        if (!this._name && this._scriptPath)
          this.nameFromFilename(this._scriptPath);
        this._name = this._name || "program";
        return userArgs;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Use parseAsync instead of parse if any of your action handlers are async.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * program.parse(); // parse process.argv and auto-detect electron and special node flags
       * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
       * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv] - optional, defaults to process.argv
       * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
       * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
       * @return {Command} `this` command for chaining
       */
      parse(argv, parseOptions2) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions2);
        this._parseCommand([], userArgs);
        return this;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
       * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
       * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv]
       * @param {object} [parseOptions]
       * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
       * @return {Promise}
       */
      async parseAsync(argv, parseOptions2) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions2);
        await this._parseCommand([], userArgs);
        return this;
      }
      _prepareForParse() {
        if (this._savedState === null) {
          this.saveStateBeforeParse();
        } else {
          this.restoreStateBeforeParse();
        }
      }
      /**
       * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state saved.
       */
      saveStateBeforeParse() {
        this._savedState = {
          // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
          _name: this._name,
          // option values before parse have default values (including false for negated options)
          // shallow clones
          _optionValues: { ...this._optionValues },
          _optionValueSources: { ...this._optionValueSources }
        };
      }
      /**
       * Restore state before parse for calls after the first.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state restored.
       */
      restoreStateBeforeParse() {
        if (this._storeOptionsAsProperties)
          throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
        this._name = this._savedState._name;
        this._scriptPath = null;
        this.rawArgs = [];
        this._optionValues = { ...this._savedState._optionValues };
        this._optionValueSources = { ...this._savedState._optionValueSources };
        this.args = [];
        this.processedArgs = [];
      }
      /**
       * Throw if expected executable is missing. Add lots of help for author.
       *
       * @param {string} executableFile
       * @param {string} executableDir
       * @param {string} subcommandName
       */
      _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
        if (fs.existsSync(executableFile)) return;
        const executableDirMessage = executableDir ? `searched for local subcommand relative to directory '${executableDir}'` : "no directory for search for local subcommand, use .executableDir() to supply a custom directory";
        const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
        throw new Error(executableMissing);
      }
      /**
       * Execute a sub-command executable.
       *
       * @private
       */
      _executeSubCommand(subcommand, args) {
        args = args.slice();
        let launchWithNode = false;
        const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
        function findFile(baseDir, baseName) {
          const localBin = path.resolve(baseDir, baseName);
          if (fs.existsSync(localBin)) return localBin;
          if (sourceExt.includes(path.extname(baseName))) return void 0;
          const foundExt = sourceExt.find(
            (ext) => fs.existsSync(`${localBin}${ext}`)
          );
          if (foundExt) return `${localBin}${foundExt}`;
          return void 0;
        }
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        let executableFile = subcommand._executableFile || `${this._name}-${subcommand._name}`;
        let executableDir = this._executableDir || "";
        if (this._scriptPath) {
          let resolvedScriptPath;
          try {
            resolvedScriptPath = fs.realpathSync(this._scriptPath);
          } catch {
            resolvedScriptPath = this._scriptPath;
          }
          executableDir = path.resolve(
            path.dirname(resolvedScriptPath),
            executableDir
          );
        }
        if (executableDir) {
          let localFile = findFile(executableDir, executableFile);
          if (!localFile && !subcommand._executableFile && this._scriptPath) {
            const legacyName = path.basename(
              this._scriptPath,
              path.extname(this._scriptPath)
            );
            if (legacyName !== this._name) {
              localFile = findFile(
                executableDir,
                `${legacyName}-${subcommand._name}`
              );
            }
          }
          executableFile = localFile || executableFile;
        }
        launchWithNode = sourceExt.includes(path.extname(executableFile));
        let proc;
        if (process2.platform !== "win32") {
          if (launchWithNode) {
            args.unshift(executableFile);
            args = incrementNodeInspectorPort(process2.execArgv).concat(args);
            proc = childProcess.spawn(process2.argv[0], args, { stdio: "inherit" });
          } else {
            proc = childProcess.spawn(executableFile, args, { stdio: "inherit" });
          }
        } else {
          this._checkForMissingExecutable(
            executableFile,
            executableDir,
            subcommand._name
          );
          args.unshift(executableFile);
          args = incrementNodeInspectorPort(process2.execArgv).concat(args);
          proc = childProcess.spawn(process2.execPath, args, { stdio: "inherit" });
        }
        if (!proc.killed) {
          const signals = ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP"];
          signals.forEach((signal) => {
            process2.on(signal, () => {
              if (proc.killed === false && proc.exitCode === null) {
                proc.kill(signal);
              }
            });
          });
        }
        const exitCallback = this._exitCallback;
        proc.on("close", (code) => {
          code = code ?? 1;
          if (!exitCallback) {
            process2.exit(code);
          } else {
            exitCallback(
              new CommanderError2(
                code,
                "commander.executeSubCommandAsync",
                "(close)"
              )
            );
          }
        });
        proc.on("error", (err) => {
          if (err.code === "ENOENT") {
            this._checkForMissingExecutable(
              executableFile,
              executableDir,
              subcommand._name
            );
          } else if (err.code === "EACCES") {
            throw new Error(`'${executableFile}' not executable`);
          }
          if (!exitCallback) {
            process2.exit(1);
          } else {
            const wrappedError = new CommanderError2(
              1,
              "commander.executeSubCommandAsync",
              "(error)"
            );
            wrappedError.nestedError = err;
            exitCallback(wrappedError);
          }
        });
        this.runningCommand = proc;
      }
      /**
       * @private
       */
      _dispatchSubcommand(commandName, operands, unknown) {
        const subCommand = this._findCommand(commandName);
        if (!subCommand) this.help({ error: true });
        subCommand._prepareForParse();
        let promiseChain;
        promiseChain = this._chainOrCallSubCommandHook(
          promiseChain,
          subCommand,
          "preSubcommand"
        );
        promiseChain = this._chainOrCall(promiseChain, () => {
          if (subCommand._executableHandler) {
            this._executeSubCommand(subCommand, operands.concat(unknown));
          } else {
            return subCommand._parseCommand(operands, unknown);
          }
        });
        return promiseChain;
      }
      /**
       * Invoke help directly if possible, or dispatch if necessary.
       * e.g. help foo
       *
       * @private
       */
      _dispatchHelpCommand(subcommandName) {
        if (!subcommandName) {
          this.help();
        }
        const subCommand = this._findCommand(subcommandName);
        if (subCommand && !subCommand._executableHandler) {
          subCommand.help();
        }
        return this._dispatchSubcommand(
          subcommandName,
          [],
          [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? "--help"]
        );
      }
      /**
       * Check this.args against expected this.registeredArguments.
       *
       * @private
       */
      _checkNumberOfArguments() {
        this.registeredArguments.forEach((arg, i) => {
          if (arg.required && this.args[i] == null) {
            this.missingArgument(arg.name());
          }
        });
        if (this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1].variadic) {
          return;
        }
        if (this.args.length > this.registeredArguments.length) {
          this._excessArguments(this.args);
        }
      }
      /**
       * Process this.args using this.registeredArguments and save as this.processedArgs!
       *
       * @private
       */
      _processArguments() {
        const myParseArg = (argument, value, previous) => {
          let parsedValue = value;
          if (value !== null && argument.parseArg) {
            const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
            parsedValue = this._callParseArg(
              argument,
              value,
              previous,
              invalidValueMessage
            );
          }
          return parsedValue;
        };
        this._checkNumberOfArguments();
        const processedArgs = [];
        this.registeredArguments.forEach((declaredArg, index) => {
          let value = declaredArg.defaultValue;
          if (declaredArg.variadic) {
            if (index < this.args.length) {
              value = this.args.slice(index);
              if (declaredArg.parseArg) {
                value = value.reduce((processed, v) => {
                  return myParseArg(declaredArg, v, processed);
                }, declaredArg.defaultValue);
              }
            } else if (value === void 0) {
              value = [];
            }
          } else if (index < this.args.length) {
            value = this.args[index];
            if (declaredArg.parseArg) {
              value = myParseArg(declaredArg, value, declaredArg.defaultValue);
            }
          }
          processedArgs[index] = value;
        });
        this.processedArgs = processedArgs;
      }
      /**
       * Once we have a promise we chain, but call synchronously until then.
       *
       * @param {(Promise|undefined)} promise
       * @param {Function} fn
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCall(promise, fn) {
        if (promise?.then && typeof promise.then === "function") {
          return promise.then(() => fn());
        }
        return fn();
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallHooks(promise, event) {
        let result = promise;
        const hooks = [];
        this._getCommandAndAncestors().reverse().filter((cmd) => cmd._lifeCycleHooks[event] !== void 0).forEach((hookedCommand) => {
          hookedCommand._lifeCycleHooks[event].forEach((callback) => {
            hooks.push({ hookedCommand, callback });
          });
        });
        if (event === "postAction") {
          hooks.reverse();
        }
        hooks.forEach((hookDetail) => {
          result = this._chainOrCall(result, () => {
            return hookDetail.callback(hookDetail.hookedCommand, this);
          });
        });
        return result;
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {Command} subCommand
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallSubCommandHook(promise, subCommand, event) {
        let result = promise;
        if (this._lifeCycleHooks[event] !== void 0) {
          this._lifeCycleHooks[event].forEach((hook) => {
            result = this._chainOrCall(result, () => {
              return hook(this, subCommand);
            });
          });
        }
        return result;
      }
      /**
       * Process arguments in context of this command.
       * Returns action result, in case it is a promise.
       *
       * @private
       */
      _parseCommand(operands, unknown) {
        const parsed = this.parseOptions(unknown);
        this._parseOptionsEnv();
        this._parseOptionsImplied();
        operands = operands.concat(parsed.operands);
        unknown = parsed.unknown;
        this.args = operands.concat(unknown);
        if (operands && this._findCommand(operands[0])) {
          return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
        }
        if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
          return this._dispatchHelpCommand(operands[1]);
        }
        if (this._defaultCommandName) {
          this._outputHelpIfRequested(unknown);
          return this._dispatchSubcommand(
            this._defaultCommandName,
            operands,
            unknown
          );
        }
        if (this.commands.length && this.args.length === 0 && !this._actionHandler && !this._defaultCommandName) {
          this.help({ error: true });
        }
        this._outputHelpIfRequested(parsed.unknown);
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        const checkForUnknownOptions = () => {
          if (parsed.unknown.length > 0) {
            this.unknownOption(parsed.unknown[0]);
          }
        };
        const commandEvent = `command:${this.name()}`;
        if (this._actionHandler) {
          checkForUnknownOptions();
          this._processArguments();
          let promiseChain;
          promiseChain = this._chainOrCallHooks(promiseChain, "preAction");
          promiseChain = this._chainOrCall(
            promiseChain,
            () => this._actionHandler(this.processedArgs)
          );
          if (this.parent) {
            promiseChain = this._chainOrCall(promiseChain, () => {
              this.parent.emit(commandEvent, operands, unknown);
            });
          }
          promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
          return promiseChain;
        }
        if (this.parent?.listenerCount(commandEvent)) {
          checkForUnknownOptions();
          this._processArguments();
          this.parent.emit(commandEvent, operands, unknown);
        } else if (operands.length) {
          if (this._findCommand("*")) {
            return this._dispatchSubcommand("*", operands, unknown);
          }
          if (this.listenerCount("command:*")) {
            this.emit("command:*", operands, unknown);
          } else if (this.commands.length) {
            this.unknownCommand();
          } else {
            checkForUnknownOptions();
            this._processArguments();
          }
        } else if (this.commands.length) {
          checkForUnknownOptions();
          this.help({ error: true });
        } else {
          checkForUnknownOptions();
          this._processArguments();
        }
      }
      /**
       * Find matching command.
       *
       * @private
       * @return {Command | undefined}
       */
      _findCommand(name) {
        if (!name) return void 0;
        return this.commands.find(
          (cmd) => cmd._name === name || cmd._aliases.includes(name)
        );
      }
      /**
       * Return an option matching `arg` if any.
       *
       * @param {string} arg
       * @return {Option}
       * @package
       */
      _findOption(arg) {
        return this.options.find((option) => option.is(arg));
      }
      /**
       * Display an error message if a mandatory option does not have a value.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForMissingMandatoryOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd.options.forEach((anOption) => {
            if (anOption.mandatory && cmd.getOptionValue(anOption.attributeName()) === void 0) {
              cmd.missingMandatoryOptionValue(anOption);
            }
          });
        });
      }
      /**
       * Display an error message if conflicting options are used together in this.
       *
       * @private
       */
      _checkForConflictingLocalOptions() {
        const definedNonDefaultOptions = this.options.filter((option) => {
          const optionKey = option.attributeName();
          if (this.getOptionValue(optionKey) === void 0) {
            return false;
          }
          return this.getOptionValueSource(optionKey) !== "default";
        });
        const optionsWithConflicting = definedNonDefaultOptions.filter(
          (option) => option.conflictsWith.length > 0
        );
        optionsWithConflicting.forEach((option) => {
          const conflictingAndDefined = definedNonDefaultOptions.find(
            (defined) => option.conflictsWith.includes(defined.attributeName())
          );
          if (conflictingAndDefined) {
            this._conflictingOption(option, conflictingAndDefined);
          }
        });
      }
      /**
       * Display an error message if conflicting options are used together.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForConflictingOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd._checkForConflictingLocalOptions();
        });
      }
      /**
       * Parse options from `argv` removing known options,
       * and return argv split into operands and unknown arguments.
       *
       * Side effects: modifies command by storing options. Does not reset state if called again.
       *
       * Examples:
       *
       *     argv => operands, unknown
       *     --known kkk op => [op], []
       *     op --known kkk => [op], []
       *     sub --unknown uuu op => [sub], [--unknown uuu op]
       *     sub -- --unknown uuu op => [sub --unknown uuu op], []
       *
       * @param {string[]} args
       * @return {{operands: string[], unknown: string[]}}
       */
      parseOptions(args) {
        const operands = [];
        const unknown = [];
        let dest = operands;
        function maybeOption(arg) {
          return arg.length > 1 && arg[0] === "-";
        }
        const negativeNumberArg = (arg) => {
          if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
          return !this._getCommandAndAncestors().some(
            (cmd) => cmd.options.map((opt) => opt.short).some((short) => /^-\d$/.test(short))
          );
        };
        let activeVariadicOption = null;
        let activeGroup = null;
        let i = 0;
        while (i < args.length || activeGroup) {
          const arg = activeGroup ?? args[i++];
          activeGroup = null;
          if (arg === "--") {
            if (dest === unknown) dest.push(arg);
            dest.push(...args.slice(i));
            break;
          }
          if (activeVariadicOption && (!maybeOption(arg) || negativeNumberArg(arg))) {
            this.emit(`option:${activeVariadicOption.name()}`, arg);
            continue;
          }
          activeVariadicOption = null;
          if (maybeOption(arg)) {
            const option = this._findOption(arg);
            if (option) {
              if (option.required) {
                const value = args[i++];
                if (value === void 0) this.optionMissingArgument(option);
                this.emit(`option:${option.name()}`, value);
              } else if (option.optional) {
                let value = null;
                if (i < args.length && (!maybeOption(args[i]) || negativeNumberArg(args[i]))) {
                  value = args[i++];
                }
                this.emit(`option:${option.name()}`, value);
              } else {
                this.emit(`option:${option.name()}`);
              }
              activeVariadicOption = option.variadic ? option : null;
              continue;
            }
          }
          if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
            const option = this._findOption(`-${arg[1]}`);
            if (option) {
              if (option.required || option.optional && this._combineFlagAndOptionalValue) {
                this.emit(`option:${option.name()}`, arg.slice(2));
              } else {
                this.emit(`option:${option.name()}`);
                activeGroup = `-${arg.slice(2)}`;
              }
              continue;
            }
          }
          if (/^--[^=]+=/.test(arg)) {
            const index = arg.indexOf("=");
            const option = this._findOption(arg.slice(0, index));
            if (option && (option.required || option.optional)) {
              this.emit(`option:${option.name()}`, arg.slice(index + 1));
              continue;
            }
          }
          if (dest === operands && maybeOption(arg) && !(this.commands.length === 0 && negativeNumberArg(arg))) {
            dest = unknown;
          }
          if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown.length === 0) {
            if (this._findCommand(arg)) {
              operands.push(arg);
              unknown.push(...args.slice(i));
              break;
            } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
              operands.push(arg, ...args.slice(i));
              break;
            } else if (this._defaultCommandName) {
              unknown.push(arg, ...args.slice(i));
              break;
            }
          }
          if (this._passThroughOptions) {
            dest.push(arg, ...args.slice(i));
            break;
          }
          dest.push(arg);
        }
        return { operands, unknown };
      }
      /**
       * Return an object containing local option values as key-value pairs.
       *
       * @return {object}
       */
      opts() {
        if (this._storeOptionsAsProperties) {
          const result = {};
          const len = this.options.length;
          for (let i = 0; i < len; i++) {
            const key = this.options[i].attributeName();
            result[key] = key === this._versionOptionName ? this._version : this[key];
          }
          return result;
        }
        return this._optionValues;
      }
      /**
       * Return an object containing merged local and global option values as key-value pairs.
       *
       * @return {object}
       */
      optsWithGlobals() {
        return this._getCommandAndAncestors().reduce(
          (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
          {}
        );
      }
      /**
       * Display error message and exit (or call exitOverride).
       *
       * @param {string} message
       * @param {object} [errorOptions]
       * @param {string} [errorOptions.code] - an id string representing the error
       * @param {number} [errorOptions.exitCode] - used with process.exit
       */
      error(message, errorOptions) {
        this._outputConfiguration.outputError(
          `${message}
`,
          this._outputConfiguration.writeErr
        );
        if (typeof this._showHelpAfterError === "string") {
          this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`);
        } else if (this._showHelpAfterError) {
          this._outputConfiguration.writeErr("\n");
          this.outputHelp({ error: true });
        }
        const config = errorOptions || {};
        const exitCode = config.exitCode || 1;
        const code = config.code || "commander.error";
        this._exit(exitCode, code, message);
      }
      /**
       * Apply any option related environment variables, if option does
       * not have a value from cli or client code.
       *
       * @private
       */
      _parseOptionsEnv() {
        this.options.forEach((option) => {
          if (option.envVar && option.envVar in process2.env) {
            const optionKey = option.attributeName();
            if (this.getOptionValue(optionKey) === void 0 || ["default", "config", "env"].includes(
              this.getOptionValueSource(optionKey)
            )) {
              if (option.required || option.optional) {
                this.emit(`optionEnv:${option.name()}`, process2.env[option.envVar]);
              } else {
                this.emit(`optionEnv:${option.name()}`);
              }
            }
          }
        });
      }
      /**
       * Apply any implied option values, if option is undefined or default value.
       *
       * @private
       */
      _parseOptionsImplied() {
        const dualHelper = new DualOptions(this.options);
        const hasCustomOptionValue = (optionKey) => {
          return this.getOptionValue(optionKey) !== void 0 && !["default", "implied"].includes(this.getOptionValueSource(optionKey));
        };
        this.options.filter(
          (option) => option.implied !== void 0 && hasCustomOptionValue(option.attributeName()) && dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option
          )
        ).forEach((option) => {
          Object.keys(option.implied).filter((impliedKey) => !hasCustomOptionValue(impliedKey)).forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              "implied"
            );
          });
        });
      }
      /**
       * Argument `name` is missing.
       *
       * @param {string} name
       * @private
       */
      missingArgument(name) {
        const message = `error: missing required argument '${name}'`;
        this.error(message, { code: "commander.missingArgument" });
      }
      /**
       * `Option` is missing an argument.
       *
       * @param {Option} option
       * @private
       */
      optionMissingArgument(option) {
        const message = `error: option '${option.flags}' argument missing`;
        this.error(message, { code: "commander.optionMissingArgument" });
      }
      /**
       * `Option` does not have a value, and is a mandatory option.
       *
       * @param {Option} option
       * @private
       */
      missingMandatoryOptionValue(option) {
        const message = `error: required option '${option.flags}' not specified`;
        this.error(message, { code: "commander.missingMandatoryOptionValue" });
      }
      /**
       * `Option` conflicts with another option.
       *
       * @param {Option} option
       * @param {Option} conflictingOption
       * @private
       */
      _conflictingOption(option, conflictingOption) {
        const findBestOptionFromValue = (option2) => {
          const optionKey = option2.attributeName();
          const optionValue = this.getOptionValue(optionKey);
          const negativeOption = this.options.find(
            (target) => target.negate && optionKey === target.attributeName()
          );
          const positiveOption = this.options.find(
            (target) => !target.negate && optionKey === target.attributeName()
          );
          if (negativeOption && (negativeOption.presetArg === void 0 && optionValue === false || negativeOption.presetArg !== void 0 && optionValue === negativeOption.presetArg)) {
            return negativeOption;
          }
          return positiveOption || option2;
        };
        const getErrorMessage = (option2) => {
          const bestOption = findBestOptionFromValue(option2);
          const optionKey = bestOption.attributeName();
          const source = this.getOptionValueSource(optionKey);
          if (source === "env") {
            return `environment variable '${bestOption.envVar}'`;
          }
          return `option '${bestOption.flags}'`;
        };
        const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
        this.error(message, { code: "commander.conflictingOption" });
      }
      /**
       * Unknown option `flag`.
       *
       * @param {string} flag
       * @private
       */
      unknownOption(flag) {
        if (this._allowUnknownOption) return;
        let suggestion = "";
        if (flag.startsWith("--") && this._showSuggestionAfterError) {
          let candidateFlags = [];
          let command = this;
          do {
            const moreFlags = command.createHelp().visibleOptions(command).filter((option) => option.long).map((option) => option.long);
            candidateFlags = candidateFlags.concat(moreFlags);
            command = command.parent;
          } while (command && !command._enablePositionalOptions);
          suggestion = suggestSimilar(flag, candidateFlags);
        }
        const message = `error: unknown option '${flag}'${suggestion}`;
        this.error(message, { code: "commander.unknownOption" });
      }
      /**
       * Excess arguments, more than expected.
       *
       * @param {string[]} receivedArgs
       * @private
       */
      _excessArguments(receivedArgs) {
        if (this._allowExcessArguments) return;
        const expected = this.registeredArguments.length;
        const s = expected === 1 ? "" : "s";
        const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
        const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${receivedArgs.length}.`;
        this.error(message, { code: "commander.excessArguments" });
      }
      /**
       * Unknown command.
       *
       * @private
       */
      unknownCommand() {
        const unknownName = this.args[0];
        let suggestion = "";
        if (this._showSuggestionAfterError) {
          const candidateNames = [];
          this.createHelp().visibleCommands(this).forEach((command) => {
            candidateNames.push(command.name());
            if (command.alias()) candidateNames.push(command.alias());
          });
          suggestion = suggestSimilar(unknownName, candidateNames);
        }
        const message = `error: unknown command '${unknownName}'${suggestion}`;
        this.error(message, { code: "commander.unknownCommand" });
      }
      /**
       * Get or set the program version.
       *
       * This method auto-registers the "-V, --version" option which will print the version number.
       *
       * You can optionally supply the flags and description to override the defaults.
       *
       * @param {string} [str]
       * @param {string} [flags]
       * @param {string} [description]
       * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
       */
      version(str, flags, description) {
        if (str === void 0) return this._version;
        this._version = str;
        flags = flags || "-V, --version";
        description = description || "output the version number";
        const versionOption = this.createOption(flags, description);
        this._versionOptionName = versionOption.attributeName();
        this._registerOption(versionOption);
        this.on("option:" + versionOption.name(), () => {
          this._outputConfiguration.writeOut(`${str}
`);
          this._exit(0, "commander.version", str);
        });
        return this;
      }
      /**
       * Set the description.
       *
       * @param {string} [str]
       * @param {object} [argsDescription]
       * @return {(string|Command)}
       */
      description(str, argsDescription) {
        if (str === void 0 && argsDescription === void 0)
          return this._description;
        this._description = str;
        if (argsDescription) {
          this._argsDescription = argsDescription;
        }
        return this;
      }
      /**
       * Set the summary. Used when listed as subcommand of parent.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      summary(str) {
        if (str === void 0) return this._summary;
        this._summary = str;
        return this;
      }
      /**
       * Set an alias for the command.
       *
       * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
       *
       * @param {string} [alias]
       * @return {(string|Command)}
       */
      alias(alias) {
        if (alias === void 0) return this._aliases[0];
        let command = this;
        if (this.commands.length !== 0 && this.commands[this.commands.length - 1]._executableHandler) {
          command = this.commands[this.commands.length - 1];
        }
        if (alias === command._name)
          throw new Error("Command alias can't be the same as its name");
        const matchingCommand = this.parent?._findCommand(alias);
        if (matchingCommand) {
          const existingCmd = [matchingCommand.name()].concat(matchingCommand.aliases()).join("|");
          throw new Error(
            `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`
          );
        }
        command._aliases.push(alias);
        return this;
      }
      /**
       * Set aliases for the command.
       *
       * Only the first alias is shown in the auto-generated help.
       *
       * @param {string[]} [aliases]
       * @return {(string[]|Command)}
       */
      aliases(aliases) {
        if (aliases === void 0) return this._aliases;
        aliases.forEach((alias) => this.alias(alias));
        return this;
      }
      /**
       * Set / get the command usage `str`.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      usage(str) {
        if (str === void 0) {
          if (this._usage) return this._usage;
          const args = this.registeredArguments.map((arg) => {
            return humanReadableArgName(arg);
          });
          return [].concat(
            this.options.length || this._helpOption !== null ? "[options]" : [],
            this.commands.length ? "[command]" : [],
            this.registeredArguments.length ? args : []
          ).join(" ");
        }
        this._usage = str;
        return this;
      }
      /**
       * Get or set the name of the command.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      name(str) {
        if (str === void 0) return this._name;
        this._name = str;
        return this;
      }
      /**
       * Set/get the help group heading for this subcommand in parent command's help.
       *
       * @param {string} [heading]
       * @return {Command | string}
       */
      helpGroup(heading) {
        if (heading === void 0) return this._helpGroupHeading ?? "";
        this._helpGroupHeading = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for subcommands added to this command.
       * (This does not override a group set directly on the subcommand using .helpGroup().)
       *
       * @example
       * program.commandsGroup('Development Commands:);
       * program.command('watch')...
       * program.command('lint')...
       * ...
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      commandsGroup(heading) {
        if (heading === void 0) return this._defaultCommandGroup ?? "";
        this._defaultCommandGroup = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for options added to this command.
       * (This does not override a group set directly on the option using .helpGroup().)
       *
       * @example
       * program
       *   .optionsGroup('Development Options:')
       *   .option('-d, --debug', 'output extra debugging')
       *   .option('-p, --profile', 'output profiling information')
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      optionsGroup(heading) {
        if (heading === void 0) return this._defaultOptionGroup ?? "";
        this._defaultOptionGroup = heading;
        return this;
      }
      /**
       * @param {Option} option
       * @private
       */
      _initOptionGroup(option) {
        if (this._defaultOptionGroup && !option.helpGroupHeading)
          option.helpGroup(this._defaultOptionGroup);
      }
      /**
       * @param {Command} cmd
       * @private
       */
      _initCommandGroup(cmd) {
        if (this._defaultCommandGroup && !cmd.helpGroup())
          cmd.helpGroup(this._defaultCommandGroup);
      }
      /**
       * Set the name of the command from script filename, such as process.argv[1],
       * or require.main.filename, or __filename.
       *
       * (Used internally and public although not documented in README.)
       *
       * @example
       * program.nameFromFilename(require.main.filename);
       *
       * @param {string} filename
       * @return {Command}
       */
      nameFromFilename(filename) {
        this._name = path.basename(filename, path.extname(filename));
        return this;
      }
      /**
       * Get or set the directory for searching for executable subcommands of this command.
       *
       * @example
       * program.executableDir(__dirname);
       * // or
       * program.executableDir('subcommands');
       *
       * @param {string} [path]
       * @return {(string|null|Command)}
       */
      executableDir(path2) {
        if (path2 === void 0) return this._executableDir;
        this._executableDir = path2;
        return this;
      }
      /**
       * Return program help documentation.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
       * @return {string}
       */
      helpInformation(contextOptions) {
        const helper = this.createHelp();
        const context = this._getOutputContext(contextOptions);
        helper.prepareContext({
          error: context.error,
          helpWidth: context.helpWidth,
          outputHasColors: context.hasColors
        });
        const text = helper.formatHelp(this, helper);
        if (context.hasColors) return text;
        return this._outputConfiguration.stripColor(text);
      }
      /**
       * @typedef HelpContext
       * @type {object}
       * @property {boolean} error
       * @property {number} helpWidth
       * @property {boolean} hasColors
       * @property {function} write - includes stripColor if needed
       *
       * @returns {HelpContext}
       * @private
       */
      _getOutputContext(contextOptions) {
        contextOptions = contextOptions || {};
        const error = !!contextOptions.error;
        let baseWrite;
        let hasColors;
        let helpWidth;
        if (error) {
          baseWrite = (str) => this._outputConfiguration.writeErr(str);
          hasColors = this._outputConfiguration.getErrHasColors();
          helpWidth = this._outputConfiguration.getErrHelpWidth();
        } else {
          baseWrite = (str) => this._outputConfiguration.writeOut(str);
          hasColors = this._outputConfiguration.getOutHasColors();
          helpWidth = this._outputConfiguration.getOutHelpWidth();
        }
        const write = (str) => {
          if (!hasColors) str = this._outputConfiguration.stripColor(str);
          return baseWrite(str);
        };
        return { error, write, hasColors, helpWidth };
      }
      /**
       * Output help information for this command.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      outputHelp(contextOptions) {
        let deprecatedCallback;
        if (typeof contextOptions === "function") {
          deprecatedCallback = contextOptions;
          contextOptions = void 0;
        }
        const outputContext = this._getOutputContext(contextOptions);
        const eventContext = {
          error: outputContext.error,
          write: outputContext.write,
          command: this
        };
        this._getCommandAndAncestors().reverse().forEach((command) => command.emit("beforeAllHelp", eventContext));
        this.emit("beforeHelp", eventContext);
        let helpInformation = this.helpInformation({ error: outputContext.error });
        if (deprecatedCallback) {
          helpInformation = deprecatedCallback(helpInformation);
          if (typeof helpInformation !== "string" && !Buffer.isBuffer(helpInformation)) {
            throw new Error("outputHelp callback must return a string or a Buffer");
          }
        }
        outputContext.write(helpInformation);
        if (this._getHelpOption()?.long) {
          this.emit(this._getHelpOption().long);
        }
        this.emit("afterHelp", eventContext);
        this._getCommandAndAncestors().forEach(
          (command) => command.emit("afterAllHelp", eventContext)
        );
      }
      /**
       * You can pass in flags and a description to customise the built-in help option.
       * Pass in false to disable the built-in help option.
       *
       * @example
       * program.helpOption('-?, --help' 'show help'); // customise
       * program.helpOption(false); // disable
       *
       * @param {(string | boolean)} flags
       * @param {string} [description]
       * @return {Command} `this` command for chaining
       */
      helpOption(flags, description) {
        if (typeof flags === "boolean") {
          if (flags) {
            if (this._helpOption === null) this._helpOption = void 0;
            if (this._defaultOptionGroup) {
              this._initOptionGroup(this._getHelpOption());
            }
          } else {
            this._helpOption = null;
          }
          return this;
        }
        this._helpOption = this.createOption(
          flags ?? "-h, --help",
          description ?? "display help for command"
        );
        if (flags || description) this._initOptionGroup(this._helpOption);
        return this;
      }
      /**
       * Lazy create help option.
       * Returns null if has been disabled with .helpOption(false).
       *
       * @returns {(Option | null)} the help option
       * @package
       */
      _getHelpOption() {
        if (this._helpOption === void 0) {
          this.helpOption(void 0, void 0);
        }
        return this._helpOption;
      }
      /**
       * Supply your own option to use for the built-in help option.
       * This is an alternative to using helpOption() to customise the flags and description etc.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addHelpOption(option) {
        this._helpOption = option;
        this._initOptionGroup(option);
        return this;
      }
      /**
       * Output help information and exit.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      help(contextOptions) {
        this.outputHelp(contextOptions);
        let exitCode = Number(process2.exitCode ?? 0);
        if (exitCode === 0 && contextOptions && typeof contextOptions !== "function" && contextOptions.error) {
          exitCode = 1;
        }
        this._exit(exitCode, "commander.help", "(outputHelp)");
      }
      /**
       * // Do a little typing to coordinate emit and listener for the help text events.
       * @typedef HelpTextEventContext
       * @type {object}
       * @property {boolean} error
       * @property {Command} command
       * @property {function} write
       */
      /**
       * Add additional text to be displayed with the built-in help.
       *
       * Position is 'before' or 'after' to affect just this command,
       * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
       *
       * @param {string} position - before or after built-in help
       * @param {(string | Function)} text - string to add, or a function returning a string
       * @return {Command} `this` command for chaining
       */
      addHelpText(position, text) {
        const allowedValues = ["beforeAll", "before", "after", "afterAll"];
        if (!allowedValues.includes(position)) {
          throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        const helpEvent = `${position}Help`;
        this.on(helpEvent, (context) => {
          let helpStr;
          if (typeof text === "function") {
            helpStr = text({ error: context.error, command: context.command });
          } else {
            helpStr = text;
          }
          if (helpStr) {
            context.write(`${helpStr}
`);
          }
        });
        return this;
      }
      /**
       * Output help information if help flags specified
       *
       * @param {Array} args - array of options to search for help flags
       * @private
       */
      _outputHelpIfRequested(args) {
        const helpOption = this._getHelpOption();
        const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
        if (helpRequested) {
          this.outputHelp();
          this._exit(0, "commander.helpDisplayed", "(outputHelp)");
        }
      }
    };
    function incrementNodeInspectorPort(args) {
      return args.map((arg) => {
        if (!arg.startsWith("--inspect")) {
          return arg;
        }
        let debugOption;
        let debugHost = "127.0.0.1";
        let debugPort = "9229";
        let match;
        if ((match = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
          debugOption = match[1];
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null) {
          debugOption = match[1];
          if (/^\d+$/.test(match[3])) {
            debugPort = match[3];
          } else {
            debugHost = match[3];
          }
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null) {
          debugOption = match[1];
          debugHost = match[3];
          debugPort = match[4];
        }
        if (debugOption && debugPort !== "0") {
          return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
        }
        return arg;
      });
    }
    function useColor() {
      if (process2.env.NO_COLOR || process2.env.FORCE_COLOR === "0" || process2.env.FORCE_COLOR === "false")
        return false;
      if (process2.env.FORCE_COLOR || process2.env.CLICOLOR_FORCE !== void 0)
        return true;
      return void 0;
    }
    exports.Command = Command2;
    exports.useColor = useColor;
  }
});

// node_modules/commander/index.js
var require_commander = __commonJS({
  "node_modules/commander/index.js"(exports) {
    var { Argument: Argument2 } = require_argument();
    var { Command: Command2 } = require_command();
    var { CommanderError: CommanderError2, InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var { Help: Help2 } = require_help();
    var { Option: Option2 } = require_option();
    exports.program = new Command2();
    exports.createCommand = (name) => new Command2(name);
    exports.createOption = (flags, description) => new Option2(flags, description);
    exports.createArgument = (name, description) => new Argument2(name, description);
    exports.Command = Command2;
    exports.Option = Option2;
    exports.Argument = Argument2;
    exports.Help = Help2;
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
    exports.InvalidOptionArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/esm.mjs
var import_index = __toESM(require_commander(), 1);
var {
  program,
  createCommand,
  createArgument,
  createOption,
  CommanderError,
  InvalidArgumentError,
  InvalidOptionArgumentError,
  // deprecated old name
  Command,
  Argument,
  Option,
  Help
} = import_index.default;

// src/report/check/json.ts
var at = (r) => r ? `${r.file}:${r.line ?? 0}` : void 0;
function decision(d) {
  return { direction: d.direction, verdict: d.verdict, steps: d.steps.map((s) => ({ layer: s.layer, verdict: s.verdict, policy: s.policy, rule: s.rule, at: at(s.at), conns: s.conns.toString() })) };
}
function item(it) {
  return {
    kind: it.kind,
    src: it.src,
    dst: it.dst,
    outside: it.outside,
    before: it.before.toString(),
    after: it.after.toString(),
    ...it.workloadsInfo ? { workloads_diff_info: it.workloadsInfo } : {},
    why: { base: it.why.base.map(decision), head: it.why.head.map(decision) }
  };
}
var linkGap = (g) => ({ src: peerKey(g.src), dst: peerKey(g.dst), conns: g.conns.toString(), evidence: g.evidence.map(evidenceText) });
var unmet = (u) => ({
  src: peerKey(u.link.src),
  dst: peerKey(u.link.dst),
  needs: u.link.conns.toString(),
  allowed: u.allowed.toString(),
  missing: u.missing.toString(),
  /** declared (manifests, a links file), observed (a trace), or both */
  origin: linkOrigin(u.link),
  evidence: u.link.evidence.map(evidenceText)
});
function renderCheckJson(o) {
  const data = {
    summary: checkSummary(o),
    refs: o.refs,
    ...o.commits ? { commits: o.commits } : {},
    changed_files: o.changedFiles,
    outside: o.outside.map(item),
    ...o.baseline ? { baseline: o.baseline.violations.map((v) => ({ ...v, at: at(v.at) })) } : {},
    ...o.drift ? { drift: o.drift.findings.map((f) => ({ ...f, at: at(f.at) })) } : {},
    ...o.exposure ? { widened_exposure: o.exposure.widened.map((w) => ({ workload: w.workload, peer: w.peer, before: w.before.toString(), after: w.after.toString(), gained: w.gained.toString() })) } : {},
    ...o.lint ? {
      lint: {
        findings: o.lint.findings.map((f) => ({ kind: f.kind, code: f.code, policy: f.policy, ...f.rule ? { rule: f.rule } : {}, at: at(f.at), message: f.message, covered_by: f.coveredBy })),
        existing_on_base: o.lint.existing
      }
    } : {},
    groups: o.groups.map((g) => ({
      causes: g.causes.map((c) => ({ ...c.cause, at: at(c.cause.at), files: c.files })),
      items: g.items.map(item)
    })),
    broken_links: o.broken.map(unmet),
    already_unmet_links: o.alreadyUnmet.map(unmet),
    gaps: o.gaps.map((g) => ({ ...g, at: at(g.at) })),
    ...o.traffic ? { traffic: { observed_not_declared: o.traffic.observedNotDeclared.map(linkGap), declared_not_observed: o.traffic.declaredNotObserved.map(linkGap) } } : {}
  };
  return `${JSON.stringify(data, null, 2)}
`;
}

// src/report/check/txt.ts
var traceText = (g) => {
  const traces = g.evidence.filter((e) => e.kind === "trace").map(evidenceText);
  return traces.length > 0 ? ` (${traces.join(", ")})` : "";
};
function sentence(it) {
  switch (it.kind) {
    case "added":
      return `${it.src} can now reach ${it.dst} on ${it.after.toString()}`;
    case "removed":
      return `${it.src} can no longer reach ${it.dst} (was ${it.before.toString()})`;
    case "changed":
      if (it.before.isAll) return `${it.src} -> ${it.dst}: now only on ${it.after.toString()} (was all connections)`;
      if (it.after.isAll) return `${it.src} -> ${it.dst}: now on all connections (was ${it.before.toString()})`;
      return `${it.src} -> ${it.dst}: ${[!it.gained.isEmpty ? `now also on ${it.gained.toString()}` : "", !it.lost.isEmpty ? `no longer on ${it.lost.toString()}` : ""].filter(Boolean).join("; ")} (now ${it.after.toString()})`;
  }
}
function decision2(d) {
  const steps = d.steps.map((s) => `${s.policy ?? s.layer}${s.rule ? ` ${s.rule.direction} rule ${s.rule.index}` : ""}${s.at ? ` (${s.at.file}:${s.at.line ?? 0})` : ""}`).join(", ");
  if (d.verdict === "open") return `${d.direction} not restricted`;
  if (d.verdict === "allowed") return `${d.direction} allowed by ${steps}`;
  return d.steps.length ? `${d.direction} denied by ${steps}` : `${d.direction} allows none of it`;
}
var unmet2 = (u) => {
  const declared = u.link.evidence.find((e) => e.kind !== "trace");
  const traces = u.link.evidence.filter((e) => e.kind === "trace").map(evidenceText);
  const why = [...declared ? [evidenceText(declared)] : [], ...traces.length > 0 ? [`observed: ${traces.join(", ")}`] : []];
  return `${peerKey(u.link.src)} needs ${peerKey(u.link.dst)} on ${u.link.conns.toString()}${why.length > 0 ? ` (${why.join("; ")})` : ""}; head allows ${u.allowed.isEmpty ? "none of it" : `only ${u.allowed.toString()}`}`;
};
function renderCheckTxt(o) {
  const s = checkSummary(o);
  const out = [`netpol-ci check: ${s.verdict}`, `${o.refs.base} -> ${o.refs.head}${o.commits ? ` (head ${o.commits.head})` : ""}`];
  if (o.outside.length) out.push("", "Newly reachable from outside the cluster:", ...o.outside.map((it) => `  ${sentence(it)}`));
  if (o.exposure?.widened.length) out.push(...o.outside.length ? [] : ["", "Newly reachable from outside the cluster:"], ...o.exposure.widened.map((w) => `  ${w.workload} is now reachable from ${w.peer} ${w.before.isEmpty ? `on ${w.after.toString()}` : `now also on ${w.gained.toString()} (now ${w.after.toString()})`}`));
  if (o.baseline) out.push("", "Baseline violations:", ...o.baseline.violations.map((v) => `  ${v.rule}: ${v.src} -> ${v.dst} on ${v.conns}`));
  if (o.drift) out.push("", "Drift:", ...o.drift.findings.map((f) => `  ${f.kind} ${f.subject}: ${f.message}`));
  if (o.lint) {
    out.push("", `Policy sanity (lint), new in this PR:${o.lint.findings.length ? "" : " none"}${o.lint.existing ? ` (${o.lint.existing} already on base not shown)` : ""}`);
    out.push(...o.lint.findings.map((f) => `  ${f.at.file}:${f.at.line ?? 0} ${f.code} ${f.policy}${f.rule ? ` ${f.rule}` : ""}: ${f.message}${f.coveredBy.length ? ` (covered by ${f.coveredBy.join(", ")})` : ""}`));
  }
  o.groups.forEach((g, i) => {
    const files = [...new Set(g.causes.flatMap((c) => c.files.map((f) => f.path)))];
    const cause = g.causes.map((c) => causeText(c.cause).replace(/`/g, "")).join("; ") || "no change the PR made to these objects was found";
    out.push("", `${i + 1}. ${cause}${files.length ? ` [${files.join(", ")}]` : ""}`);
    for (const it of g.items) {
      out.push(`  ${sentence(it)}`);
      if (it.why.base.length) out.push(`    base: ${it.why.base.map(decision2).join("; ")}`);
      if (it.why.head.length) out.push(`    head: ${it.why.head.map(decision2).join("; ")}`);
    }
  });
  if (o.broken.length) out.push("", "Needed links this PR breaks:", ...o.broken.map((u) => `  ${unmet2(u)}`));
  if (o.gaps.length) out.push("", "Gaps:", ...o.gaps.map((g) => `  ${g.workload}: ${g.value} (${g.at.file}:${g.at.line ?? 0}) ${g.detail}`));
  if (o.traffic) {
    const list = (title, gaps) => out.push("", `${title} (${gaps.length}):`, ...gaps.map((g) => `  ${peerKey(g.src)} -> ${peerKey(g.dst)} on ${g.conns.toString()}${traceText(g)}`));
    list("Observed, not declared", o.traffic.observedNotDeclared);
    list("Declared, never observed", o.traffic.declaredNotObserved);
  }
  return `${out.map(oneLine).join("\n")}
`;
}

// src/cli/output.ts
function printDiagnostics(ctx, diagnostics, opts) {
  const shown = [...diagnostics].filter((d) => d.severity === "error" || d.severity === "warning" && !opts.quiet || d.severity === "info" && opts.verbose).sort(compareDiagnostics);
  for (const d of shown) ctx.stderr(`${formatDiagnostic(d)}
`);
}
function hasErrors(diagnostics) {
  return diagnostics.some((d) => d.severity === "error");
}
function emitChunks(ctx, chunks, file) {
  if (file && file !== "-") ctx.io.writeFiles(/* @__PURE__ */ new Map([[file, { chunks }]]));
  else for (const chunk of chunks) ctx.stdout(chunk);
}
function emit(ctx, text, file) {
  if (file && file !== "-") ctx.io.writeFiles(/* @__PURE__ */ new Map([[file, text]]));
  else ctx.stdout(text);
}
function exitCodeFor(diagnostics, findings = false) {
  if (hasErrors(diagnostics)) return ExitCode.badInput;
  return findings ? ExitCode.findings : ExitCode.ok;
}
function progress(ctx, opts) {
  const enabled = ctx.interactive && !opts.quiet && !ctx.env.CI;
  if (!enabled) return () => {
  };
  return (message) => ctx.stderr(`\r\x1B[2K${message}`);
}

// src/cli/common.ts
var CommonOptions = external_exports.object({
  output: external_exports.string().optional(),
  verbose: external_exports.boolean().default(false),
  quiet: external_exports.boolean().default(false),
  maxFileSize: external_exports.coerce.number().int().positive().default(DEFAULT_MAX_FILE_BYTES),
  ipFamily: external_exports.enum(["4", "6", "dual"], { error: (i) => `expected 4, 6 or dual, got ${JSON.stringify(i.input)}` }).default("4"),
  helmValues: external_exports.array(external_exports.string()).default([]),
  helmSet: external_exports.array(external_exports.string().regex(/^[^=]+=/, { error: "expected key=value" })).default([]),
  helmReleaseName: external_exports.string().optional(),
  helmNamespace: external_exports.string().optional(),
  namespace: external_exports.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, { error: "expected a namespace name (RFC 1123 label)" }).max(63).optional(),
  helmConfig: external_exports.string().optional(),
  kustomizeFlag: external_exports.array(external_exports.string()).default([]),
  renderTimeout: external_exports.coerce.number().positive().default(120),
  podCidr: external_exports.array(external_exports.string()).default([]),
  serviceCidr: external_exports.array(external_exports.string()).default([]),
  timeout: external_exports.string().transform((text, ctx) => {
    const ms = parseDuration(text);
    if (ms === void 0) ctx.addIssue({ code: "custom", message: `expected a duration such as 30s, 2m or 1h30m, got ${JSON.stringify(text)}` });
    return ms ?? 0;
  }).optional(),
  maxRenderBytes: external_exports.coerce.number().int().positive().default(64 * 1024 * 1024),
  cacheDir: external_exports.string().min(1).optional()
});
function ipFamilies(flag) {
  return flag === "4" ? [4] : flag === "6" ? [6] : [4, 6];
}
function readSettingsFrom(ctx, opts) {
  const charts = opts.helmConfig ? ctx.io.readHelmConfig(opts.helmConfig) : /* @__PURE__ */ new Map();
  const cidrs = (flag, list) => list.map((text) => {
    const r = parseCidr(text);
    if (!r) throw new ConfigError(`${flag}: invalid CIDR ${JSON.stringify(text)}`);
    return r;
  });
  return {
    maxFileBytes: opts.maxFileSize,
    ipFamilies: ipFamilies(opts.ipFamily),
    ...opts.namespace ? { namespace: opts.namespace } : {},
    progress: progress(ctx, opts),
    podCidrs: cidrs("--pod-cidr", opts.podCidr),
    serviceCidrs: cidrs("--service-cidr", opts.serviceCidr),
    render: {
      helmValues: opts.helmValues,
      helmSet: opts.helmSet,
      ...opts.helmReleaseName ? { helmReleaseName: opts.helmReleaseName } : {},
      ...opts.helmNamespace ? { helmNamespace: opts.helmNamespace } : {},
      charts,
      kustomizeFlags: opts.kustomizeFlag,
      // --timeout limits every external step; --render-timeout (seconds) is the older, render-only spelling
      timeoutMs: opts.timeout ?? opts.renderTimeout * 1e3,
      timeoutFlag: opts.timeout !== void 0 ? "--timeout" : "--render-timeout",
      maxOutputBytes: opts.maxRenderBytes,
      ...opts.cacheDir ?? ctx.env.NETPOL_CI_CACHE_DIR ? { cacheDir: opts.cacheDir ?? ctx.env.NETPOL_CI_CACHE_DIR } : {}
    }
  };
}
function parseDuration(text) {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) > 0 ? Number(t) * 1e3 : void 0;
  const unit = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
  let total = 0;
  let rest = t;
  while (rest.length > 0) {
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)/.exec(rest);
    if (!m) return void 0;
    total += Number(m[1]) * unit[m[2]];
    rest = rest.slice(m[0].length);
  }
  return t.length > 0 && total > 0 ? total : void 0;
}
function execLimits(settings) {
  return { timeoutMs: settings.render.timeoutMs, ...settings.render.timeoutFlag ? { timeoutFlag: settings.render.timeoutFlag } : {} };
}
var collect = (value, previous = []) => [...previous, value];
function addCommonOptions(cmd) {
  return cmd.option("-o, --output <file>", "write the report to FILE instead of stdout").option("--verbose", "also show informational diagnostics (skipped files and kinds)").option("-q, --quiet", "show only errors; no progress").option("--max-file-size <bytes>", `skip manifest files larger than this (default ${DEFAULT_MAX_FILE_BYTES})`).option("--namespace <ns>", "namespace of objects that name none, as kubectl apply -n (default: default); chart and kustomization namespaces win").option("--ip-family <family>", "address families of the cluster: 4, 6 or dual (default 4)").option("--helm-values <file>", "values file for every chart (repeatable)", collect).option("--helm-set <key=value>", "a value for every chart, as helm --set (repeatable)", collect).option("--helm-release-name <name>", "release name for helm template (default: the chart folder name)").option("--helm-namespace <ns>", "namespace for helm template").option("--helm-config <file>", "per-chart settings: charts: {<folder>: {releaseName, namespace, values: [...], set: [...]}}").option("--kustomize-flag <flag>", "extra flag for kubectl kustomize, e.g. --load-restrictor=LoadRestrictionsNone (repeatable)", collect).option("--cache-dir <dir>", "keep Helm and Kustomize renderings, parsed manifests and (for check) the whole check across runs in DIR, keyed by content (default: $NETPOL_CI_CACHE_DIR, else none)").option("--pod-cidr <cidr>", "the cluster's pod network (repeatable): address peers (ipBlock, ANP networks) covering it then apply to pod-to-pod traffic", collect).option("--service-cidr <cidr>", "the cluster's Service network (repeatable): not treated as external addresses", collect).option("--timeout <duration>", "time limit for each external step (helm, kubectl, git, dot), e.g. 30s or 2m; exceeding it is exit 2 (default 120s)").option("--render-timeout <seconds>", "time limit for each helm or kubectl rendering, in seconds (default 120; --timeout wins)").option("--max-render-bytes <bytes>", "output limit for each rendering (default 64 MiB)");
}
function parseOptions(schema, raw) {
  const r = schema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    const flag = issue ? `--${String(issue.path[0] ?? "").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : "";
    throw new ConfigError(`${flag}: ${issue?.message ?? "invalid option"}`);
  }
  return r.data;
}

// src/cli/cluster-options.ts
var ClusterOptions = external_exports.object({
  cluster: external_exports.boolean().default(false),
  context: external_exports.string().optional(),
  kubeconfig: external_exports.string().optional(),
  clusterNamespaces: external_exports.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(,[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, { error: "expected namespace names separated by commas: ns1,ns2" }).transform((s) => [...new Set(s.split(","))]).optional()
});
function addClusterOptions(cmd, what = "read what is running in the cluster with kubectl instead of manifests") {
  return cmd.option("--cluster", what).option("--context <name>", "with --cluster: kubeconfig context (default: the current one)").option("--kubeconfig <file>", "with --cluster: kubeconfig file (default: $KUBECONFIG or ~/.kube/config)").option("--cluster-namespaces <ns,...>", "with --cluster: read only these namespaces (default: all)");
}
var KUBECTL_TIMEOUT_SECONDS = 30;
function liveSourceFrom(opts) {
  if (!opts.cluster) {
    for (const [flag, set] of [["--context", opts.context], ["--kubeconfig", opts.kubeconfig], ["--cluster-namespaces", opts.clusterNamespaces]]) {
      if (set !== void 0) throw new ConfigError(`${flag} needs --cluster`);
    }
    return void 0;
  }
  return {
    kind: "kubectl",
    target: { ...opts.kubeconfig ? { kubeconfig: opts.kubeconfig } : {}, ...opts.context ? { context: opts.context } : {}, timeoutSeconds: opts.timeout !== void 0 ? Math.max(1, Math.ceil(opts.timeout / 1e3)) : KUBECTL_TIMEOUT_SECONDS },
    ...opts.clusterNamespaces ? { namespaces: opts.clusterNamespaces } : {}
  };
}

// src/cli/traffic-options.ts
var collect2 = (value, previous = []) => [...previous, value];
var TrafficOptions = external_exports.object({
  traffic: external_exports.array(external_exports.string()).default([]),
  trafficFormat: external_exports.enum(TRAFFIC_FORMATS, { error: (i) => `expected one of ${TRAFFIC_FORMATS.join(", ")}, got ${JSON.stringify(i.input)}` }).optional(),
  clusterSnapshot: external_exports.string().optional(),
  cidrAliases: external_exports.string().optional()
});
function addTrafficOptions(cmd) {
  return cmd.option("--traffic <file>", "an observed-traffic trace: Inspektor Gadget (advisor, network gadget, advise_networkpolicy, trace_tcp json or columns) or plain connection lines (repeatable)", collect2).option("--traffic-format <format>", `force the trace format instead of detecting it: ${TRAFFIC_FORMATS.join("|")}`).option("--cluster-snapshot <dir>", "exported pods, services, namespaces (and nodes) that map trace addresses to workloads (kubectl get pods,svc,ns,nodes -A -o yaml); --cluster reads them live instead").option("--cidr-aliases <file>", "YAML of name: CIDR | [CIDR...]: outside addresses in a named block become that block");
}
function trafficRequestFrom(opts, live) {
  if (opts.traffic.length === 0) {
    const orphan = opts.trafficFormat !== void 0 ? "--traffic-format" : opts.clusterSnapshot !== void 0 ? "--cluster-snapshot" : opts.cidrAliases !== void 0 ? "--cidr-aliases" : void 0;
    if (orphan) throw new ConfigError(`${orphan} needs --traffic FILE`);
    return void 0;
  }
  if (live && opts.clusterSnapshot !== void 0) throw new ConfigError("--cluster-snapshot and --cluster both give the snapshot that maps trace addresses: give one");
  return {
    files: opts.traffic,
    ...opts.trafficFormat ? { format: opts.trafficFormat } : {},
    ...opts.clusterSnapshot !== void 0 ? { snapshotDir: opts.clusterSnapshot } : {},
    ...live ? { liveSnapshot: live } : {},
    ...opts.cidrAliases !== void 0 ? { cidrAliases: opts.cidrAliases } : {}
  };
}
function snapshotClusterFrom(opts) {
  const live = liveSourceFrom(opts);
  if (live && opts.traffic.length === 0) throw new ConfigError("--cluster here maps the addresses of a trace to workloads: it needs --traffic FILE");
  return live?.kind === "kubectl" ? live : void 0;
}

// src/cli/commands/check.ts
var CHECK_FORMATS = ["md", "txt", "json"];
var FAIL_ON = ["diff", "broken", "gaps", "baseline", "drift", "lint"];
var Options = CommonOptions.extend(TrafficOptions.shape).extend(ClusterOptions.shape).extend({
  format: external_exports.enum(CHECK_FORMATS, { error: (i) => `expected one of ${CHECK_FORMATS.join(", ")}, got ${JSON.stringify(i.input)}` }).default("md"),
  repo: external_exports.string().optional(),
  base: external_exports.string({ error: "is required" }).min(1),
  head: external_exports.string({ error: "is required" }).min(1),
  failOn: external_exports.string().default("").transform((s, ctx) => {
    const items = s.split(",").map((x) => x.trim()).filter(Boolean);
    for (const x of items) if (!FAIL_ON.includes(x)) ctx.addIssue({ code: "custom", message: `expected a comma-separated list of ${FAIL_ON.join(", ")}, got ${JSON.stringify(x)}` });
    return [...new Set(items)];
  }),
  lint: external_exports.boolean().default(false),
  exposure: external_exports.boolean().default(false),
  maxBytes: external_exports.coerce.number().int().min(1024, { error: "must be at least 1024" }).default(DEFAULT_MAX_BYTES),
  baseline: external_exports.array(external_exports.string()).default([]),
  engine: external_exports.enum(["builtin", "nca", "both"], { error: (i) => `expected builtin, nca or both, got ${JSON.stringify(i.input)}` }).optional(),
  ncaTimeout: external_exports.coerce.number().positive().optional(),
  policies: external_exports.string().min(1).optional(),
  blobBase: external_exports.string().regex(/^https?:\/\/[^\s()<>]+$/, { error: "expected a URL such as https://github.com/OWNER/REPO" }).optional()
});
function failsOn(o, failOn) {
  const has = {
    diff: () => o.diff.entries.length > 0,
    broken: () => o.broken.length > 0,
    gaps: () => o.gaps.some((g) => g.introduced),
    baseline: () => (o.baseline?.violations.length ?? 0) > 0,
    drift: () => (o.drift?.findings.length ?? 0) > 0,
    lint: () => (o.lint?.findings.length ?? 0) > 0
  };
  return failOn.some((f) => has[f]());
}
function checkCommand(ctx, done) {
  const cmd = new Command("check").description("the PR check: connectivity diff grouped by cause, needed links the PR breaks, gaps, as the Markdown a reviewer reads").argument("[paths...]", "with --repo: paths inside the repository (default: all of it)").requiredOption("--base <ref|path>", "the PR base: a folder, or a git ref with --repo").requiredOption("--head <ref|path>", "the PR head: a folder, or a git ref with --repo").option("--repo <dir>", "a git repository: --base and --head are refs, read without touching the working tree").option("-f, --format <format>", `output format: ${CHECK_FORMATS.join("|")}`, "md").option("--fail-on <list>", `exit 1 when the PR has any of: ${FAIL_ON.join(",")} (default: only input errors fail, with 2)`).option("--max-bytes <n>", `budget of the Markdown body in UTF-8 bytes (default ${DEFAULT_MAX_BYTES}; GitHub refuses bodies over 65,536 characters)`).option("--baseline <file>", "baseline rules (np-guard or netalchemy format) checked on head, by the built-in engine and nca (repeatable)", (v, prev = []) => [...prev, v]).option("--engine <engine>", "with --baseline: builtin, nca or both (default: both when nca is installed)").option("--nca-timeout <seconds>", "with --baseline: time budget of nca (default 300)").option("--policies <dir>", "the committed policies folder (with --repo: relative to the repository): head's needs against it (repo drift)").option("--lint", "policy sanity on head: lint findings base does not have (a finding is its code, policy and rule, not its line); implied by --fail-on lint").option("--exposure", 'the workloads the PR exposes to more of the outside (any namespace, selector-matched pods elsewhere, addresses), in the "reachable from outside" section').option("--blob-base <url>", "https://github.com/OWNER/REPO: file references link to <url>/blob/<sha>/<path>#L<n> (with --repo)");
  addTrafficOptions(cmd);
  addClusterOptions(cmd, "with --traffic: read pods, Services, namespaces and nodes from the cluster with kubectl to map trace addresses to workloads (instead of --cluster-snapshot)");
  addCommonOptions(cmd).action((paths, raw) => done(check(ctx, paths, parseOptions(Options, raw))));
  return cmd;
}
function requestFrom(paths, opts) {
  if (opts.repo !== void 0) return { kind: "repo", repo: opts.repo, base: opts.base, head: opts.head, paths };
  if (paths.length > 0) throw new ConfigError("paths after the options go with --repo; without it, --base and --head are the two folders");
  return { kind: "paths", base: opts.base, head: opts.head };
}
function check(ctx, paths, opts) {
  const say = progress(ctx, opts);
  const request = requestFrom(paths, opts);
  say("checking base and head…");
  if (opts.baseline.length === 0 && (opts.engine !== void 0 || opts.ncaTimeout !== void 0)) throw new ConfigError("--engine and --nca-timeout go with --baseline");
  const traffic = trafficRequestFrom(opts, snapshotClusterFrom(opts));
  const o = runGatedCheck(
    ctx.io,
    request,
    {
      ...opts.baseline.length > 0 ? { baselineFiles: opts.baseline } : {},
      ...opts.engine ? { engine: opts.engine } : {},
      ...opts.ncaTimeout ? { ncaTimeoutMs: opts.ncaTimeout * 1e3 } : {},
      ...opts.policies !== void 0 ? { policies: opts.policies } : {},
      ...traffic ? { traffic } : {},
      // failing on new lint findings needs them computed: --fail-on lint implies --lint
      ...opts.lint || opts.failOn.includes("lint") ? { lint: true } : {},
      ...opts.exposure ? { exposure: true } : {},
      synthesis: DEFAULT_SYNTHESIS_OPTIONS,
      renderPolicies: renderPoliciesYaml
    },
    readSettingsFrom(ctx, opts)
  );
  say("");
  const text = opts.format === "md" ? renderCheckMd(o, { maxBytes: opts.maxBytes, ...opts.blobBase ? { blobBase: opts.blobBase } : {} }) : opts.format === "json" ? renderCheckJson(o) : renderCheckTxt(o);
  emit(ctx, text, opts.output);
  printDiagnostics(ctx, o.diagnostics, opts);
  return exitCodeFor(o.headDiagnostics, failsOn(o, opts.failOn));
}

// src/cli/commands/baseline.ts
var collect3 = (value, previous = []) => [...previous, value];
var Options2 = CommonOptions.extend({
  baseline: external_exports.array(external_exports.string(), { error: "at least one rule file is needed: --baseline FILE" }).min(1, { error: "at least one rule file is needed: --baseline FILE" }),
  engine: external_exports.enum(["builtin", "nca", "both"], { error: (i) => `expected builtin, nca or both, got ${JSON.stringify(i.input)}` }).optional(),
  format: external_exports.enum(BASELINE_FORMATS, { error: (i) => `expected one of ${BASELINE_FORMATS.join(", ")}, got ${JSON.stringify(i.input)}` }).default("txt"),
  ncaTimeout: external_exports.coerce.number({ error: "expected a number of seconds" }).positive({ error: "expected a positive number of seconds" }).default(300)
});
function baselineCommand(ctx, done, version) {
  const cmd = new Command("baseline").description("check baseline rules (np-guard baseline-rules or netalchemy format) with the built-in engine and/or IBM nca").argument("<path...>", "manifest files or folders (scanned recursively)").option("--baseline <file>", "a baseline rule file (repeatable)", collect3).option("--engine <engine>", "builtin, nca or both (default: both when nca is installed, else builtin)").option("-f, --format <format>", `output format: ${BASELINE_FORMATS.join("|")}`, "txt").option("--nca-timeout <seconds>", "time budget of the nca process (default 300); rules it cannot finish are reported and decided by the built-in engine");
  addCommonOptions(cmd).action((paths, raw) => done(baseline(ctx, paths, parseOptions(Options2, raw), version)));
  return cmd;
}
function baseline(ctx, paths, opts, version) {
  const say = progress(ctx, opts);
  say("checking baseline rules…");
  const o = runBaseline(ctx.io, { paths, ruleFiles: opts.baseline, ...opts.engine ? { engine: opts.engine } : {}, ncaTimeoutMs: opts.ncaTimeout * 1e3 }, readSettingsFrom(ctx, opts));
  say("");
  const render = { txt: renderBaselineTxt, md: renderBaselineMd, json: renderBaselineJson, sarif: (x) => renderBaselineSarif(x, version) };
  emit(ctx, render[opts.format](o), opts.output);
  if (!opts.quiet) {
    for (const n of o.engineNotes) if (!n.rule && opts.format !== "txt") ctx.stderr(`note (${n.engine}): ${n.message}
`);
  }
  printDiagnostics(ctx, o.diagnostics, opts);
  return exitCodeFor(o.diagnostics, o.violations.length > 0 || o.disagreements.length > 0);
}

// src/pipeline/connectivity.ts
function runConnectivity(io, paths, settings, options = {}) {
  const { load, diagnostics } = loadInputs(io, paths, settings);
  const result = analyzeConnectivity(load.cluster, engineOptions(settings));
  const exposure = options.exposure ? analyzeExposure(load.cluster, engineOptions(settings)).value : void 0;
  return { connectivity: result.value, ...exposure ? { exposure } : {}, diagnostics: [...diagnostics, ...result.diagnostics] };
}
function runExplain(io, paths, settings, srcText, dstText) {
  const { load, diagnostics } = loadInputs(io, paths, settings);
  const engine = new PolicyEngine(load.cluster, engineOptions(settings));
  const workloads = load.cluster.workloads.map((w) => w.ref);
  const resolve = (text) => {
    const r = parsePeer(text, workloads);
    if (!r.ok) throw new ConfigError(`--explain: ${r.error}`);
    return r.peer;
  };
  const src = resolve(srcText);
  const dst = resolve(dstText);
  if (src.kind === "external" && dst.kind === "external") throw new ConfigError("--explain: one of SRC and DST must be a workload or {ingress-controller}");
  for (const p of [src, dst]) {
    if (p.kind === "external" && !engine.families.includes(p.range.family)) {
      throw new ConfigError(`--explain: ${formatRange(p.range)} is IPv${p.range.family}, outside the analysed address space (use --ip-family ${p.range.family === 6 ? "dual" : "4"})`);
    }
  }
  const parts = (p) => p.kind === "external" ? engine.atomsWithin(p.range).map((range) => ({ kind: "external", range })) : [p];
  const xs = parts(src).flatMap((s) => parts(dst).map((d) => explainPair(engine, s, d)));
  if (xs.some((x) => !x)) throw new ConfigError(`cannot explain ${srcText} -> ${dstText}`);
  return { explanations: xs, diagnostics: [...diagnostics, ...engine.diagnostics] };
}

// src/topology/heuristics.ts
var PortSchema = external_exports.object({ protocol: external_exports.enum(["TCP", "UDP", "SCTP"]).default("TCP"), port: external_exports.number().int().min(1).max(65535), endPort: external_exports.number().int().min(1).max(65535).optional() }).strict();
var ComponentSchema = external_exports.object({
  name: external_exports.string().min(1),
  role: external_exports.enum(["database", "cache", "messaging", "search", "ingress-controller", "observability"]),
  /** Globs (`*`, `?`) over workload names and container images; either matching identifies the component. */
  match: external_exports.object({ names: external_exports.array(external_exports.string().min(1)).default([]), images: external_exports.array(external_exports.string().min(1)).default([]) }).strict(),
  ports: external_exports.array(PortSchema).default([]),
  /** Scrapers: the container port names (globs) and whether prometheus.io annotations count. */
  scrape: external_exports.object({ portNames: external_exports.array(external_exports.string().min(1)).default([]), annotations: external_exports.boolean().default(true) }).strict().optional()
}).strict();
var HeuristicsSchema = external_exports.object({ apiVersion: external_exports.literal("netpol-ci.io/v1"), kind: external_exports.literal("Heuristics"), components: external_exports.array(ComponentSchema) }).strict();
var db = (name, names, images2, port, role = "database") => ({ name, role, match: { names, images: images2 }, ports: [{ protocol: "TCP", port }] });
var DEFAULT_HEURISTICS = {
  apiVersion: "netpol-ci.io/v1",
  kind: "Heuristics",
  components: [
    db("postgresql", ["postgres", "postgres-*", "*-postgres", "*-postgres-*", "postgresql*", "*-postgresql*", "pg", "pgbouncer*"], ["*postgres*", "*pgbouncer*"], 5432),
    db("mysql", ["mysql", "mysql-*", "*-mysql", "*-mysql-*", "mariadb*", "*-mariadb*"], ["*mysql*", "*mariadb*"], 3306),
    db("mongodb", ["mongo", "mongo-*", "mongodb*", "*-mongodb*", "*-mongo"], ["*mongo*"], 27017),
    db("cassandra", ["cassandra*", "*-cassandra*"], ["*cassandra*"], 9042),
    db("redis", ["redis", "redis-*", "*-redis", "*-redis-*", "valkey*"], ["*redis*", "*valkey*"], 6379, "cache"),
    db("memcached", ["memcached*", "*-memcached*"], ["*memcached*"], 11211, "cache"),
    db("elasticsearch", ["elasticsearch*", "*-elasticsearch*", "opensearch*"], ["*elasticsearch*", "*opensearch*"], 9200, "search"),
    db("rabbitmq", ["rabbitmq*", "*-rabbitmq*"], ["*rabbitmq*"], 5672, "messaging"),
    db("kafka", ["kafka", "kafka-*", "*-kafka", "*-kafka-*"], ["*kafka*"], 9092, "messaging"),
    db("zookeeper", ["zookeeper*", "*-zookeeper*"], ["*zookeeper*"], 2181, "messaging"),
    db("nats", ["nats", "nats-*", "*-nats"], ["*nats*"], 4222, "messaging"),
    { name: "ingress-nginx", role: "ingress-controller", match: { names: ["ingress-nginx-controller*", "*-ingress-nginx-controller", "nginx-ingress*"], images: ["*ingress-nginx/controller*", "*nginx-ingress*"] }, ports: [] },
    { name: "traefik", role: "ingress-controller", match: { names: ["traefik", "traefik-*"], images: ["*traefik*"] }, ports: [] },
    { name: "haproxy-ingress", role: "ingress-controller", match: { names: ["haproxy-ingress*", "*-haproxy-ingress*"], images: ["*haproxy-ingress*", "*kubernetes-ingress*"] }, ports: [] },
    { name: "contour-envoy", role: "ingress-controller", match: { names: ["envoy", "contour-envoy*"], images: ["*envoyproxy/envoy*"] }, ports: [] },
    { name: "istio-ingressgateway", role: "ingress-controller", match: { names: ["istio-ingressgateway*"], images: [] }, ports: [] },
    { name: "prometheus", role: "observability", match: { names: ["prometheus", "prometheus-server*", "prometheus-*-prometheus", "prometheus-k8s*"], images: ["*prometheus/prometheus*"] }, ports: [{ protocol: "TCP", port: 9090 }], scrape: { portNames: ["metrics", "http-metrics", "*-metrics", "metrics-*", "prometheus"], annotations: true } }
  ]
};
var BUILTIN_HEURISTICS_FILE = "(built-in heuristics)";
function defaultHeuristicsYaml() {
  return `# netpol-ci heuristics: well-known components recognised by workload name or container image (globs: * and ?).
# Pass an edited copy with --heuristics FILE; it replaces this list.
${yaml.dump(DEFAULT_HEURISTICS, { lineWidth: -1, noRefs: true, flowLevel: 4 })}`;
}
function parseHeuristics(file) {
  const parsed = parseManifestFile(file);
  const diagnostics = [...parsed.diagnostics];
  const doc = parsed.documents[0];
  if (!doc || parsed.documents.length !== 1) {
    diagnostics.push(diag(Codes.invalidHeuristics, "error", "a heuristics file holds exactly one YAML document (kind: Heuristics)", { file: file.path, doc: 1, line: 1 }));
    return { diagnostics };
  }
  const r = HeuristicsSchema.safeParse(doc.value);
  if (!r.success) {
    for (const issue of r.error.issues) {
      diagnostics.push(diag(Codes.invalidHeuristics, "error", issue.message, locate(doc, issue.path.filter((p) => typeof p !== "symbol"))));
    }
    return { diagnostics };
  }
  return { value: { components: r.data.components, at: r.data.components.map((_, i) => locate(doc, ["components", i])) }, diagnostics };
}
function glob(pattern) {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
}
var anyMatch = (patterns, value) => patterns.some((p) => glob(p).test(value));
function images(w) {
  return [...w.spec?.containers ?? [], ...w.spec?.initContainers ?? []].map((c) => c.image ?? "").filter((i) => i !== "");
}
function identify(w, h) {
  const i = h.components.findIndex((c) => anyMatch(c.match.names, w.ref.name) || images(w).some((img) => anyMatch(c.match.images, img)));
  return i >= 0 ? i : void 0;
}
function portsOf(c) {
  return c.ports.reduce((acc, p) => acc.union(ConnectionSet.port(p.protocol, p.port, p.endPort ?? p.port)), ConnectionSet.NONE);
}
function addressOf(value) {
  const a = findAddresses(value)[0];
  const port = a?.port !== void 0 && /^\d+$/.test(a.port) ? Number(a.port) : void 0;
  return { host: (a?.host ?? value).toLowerCase(), ...port !== void 0 ? { port } : {} };
}
function applyHeuristics(cluster, topology, h) {
  const roles = /* @__PURE__ */ new Map();
  for (const w of cluster.workloads) {
    const i = identify(w, h);
    if (i !== void 0) roles.set(peerKey({ kind: "workload", ref: w.ref }), i);
  }
  const instances = (pred) => cluster.workloads.filter((w) => {
    const i = roles.get(peerKey({ kind: "workload", ref: w.ref }));
    return i !== void 0 && pred(h.components[i]);
  });
  const intent = (w) => ({ kind: "intent", at: h.at[roles.get(peerKey({ kind: "workload", ref: w.ref }))] });
  const links = [];
  const controllers = instances((c) => c.role === "ingress-controller");
  for (const l of topology.links) {
    if (l.src.kind === "ingress-controller" && controllers.length > 0) {
      for (const c of controllers) links.push({ ...l, src: { kind: "workload", ref: c.ref }, evidence: [...l.evidence, intent(c)] });
    } else links.push(l);
  }
  for (const s of instances((c) => c.scrape !== void 0)) {
    const scrape = h.components[roles.get(peerKey({ kind: "workload", ref: s.ref }))].scrape;
    for (const w of cluster.workloads) {
      if (w === s) continue;
      let conns = ConnectionSet.NONE;
      for (const pod of w.pods) for (const p of pod.ports) if (p.name && anyMatch(scrape.portNames, p.name)) conns = conns.union(ConnectionSet.port(p.protocol, p.port));
      const annotations = templateAnnotations(w) ?? {};
      const port = Number(annotations["prometheus.io/port"]);
      if (scrape.annotations && annotations["prometheus.io/scrape"] === "true" && Number.isInteger(port) && port >= 1 && port <= 65535) conns = conns.union(ConnectionSet.port("TCP", port));
      if (!conns.isEmpty) links.push({ src: { kind: "workload", ref: s.ref }, dst: { kind: "workload", ref: w.ref }, conns, evidence: [intent(s)] });
    }
  }
  const servers = instances((c) => c.ports.length > 0 && c.role !== "observability" && c.role !== "ingress-controller");
  const unresolved = [];
  for (const u of topology.unresolved) {
    if (u.reason !== "no-such-service") {
      unresolved.push(u);
      continue;
    }
    const address = addressOf(u.value);
    const labels = address.host.split(".");
    const ns = labels.length >= 3 && labels[2] !== "svc" ? labels[2] : u.workload.namespace;
    const named = (w) => w.ref.namespace === ns && [labels[0], labels[1]].some((l) => l !== void 0 && (l === w.ref.name || new RegExp(`^${w.ref.name.replace(/[.]/g, "\\.")}-\\d+$`).test(l)));
    const hits = servers.filter(named);
    if (hits.length === 0) {
      unresolved.push(u);
      continue;
    }
    for (const w of hits) {
      const c = h.components[roles.get(peerKey({ kind: "workload", ref: w.ref }))];
      const conns = address.port !== void 0 ? ConnectionSet.port("TCP", address.port) : portsOf(c);
      links.push({ src: { kind: "workload", ref: u.workload }, dst: { kind: "workload", ref: w.ref }, conns, evidence: [{ kind: "address", at: u.at, value: u.value, ...u.via ? { via: u.via } : {} }, intent(w)] });
    }
  }
  const key = (p) => peerKey(p);
  links.sort((a, b) => compareStrings(key(a.src), key(b.src)) || compareStrings(key(a.dst), key(b.dst)));
  return { value: { links: mergeLinks2(links), unresolved }, diagnostics: [] };
}
function templateAnnotations(w) {
  const doc = w.origin.document.value;
  let node = doc;
  for (const k of [...w.origin.path, ...w.specPath.slice(0, -1), "metadata", "annotations"]) node = node && typeof node === "object" ? node[k] : void 0;
  return node && typeof node === "object" ? node : void 0;
}
function mergeLinks2(links) {
  const out = /* @__PURE__ */ new Map();
  for (const l of links) {
    const k = `${peerKey(l.src)}\0${peerKey(l.dst)}`;
    const cur = out.get(k);
    out.set(k, cur ? { ...cur, conns: cur.conns.union(l.conns), evidence: [...cur.evidence, ...l.evidence] } : l);
  }
  return [...out.values()];
}

// src/pipeline/live.ts
function runLiveConnectivity(io, source, settings) {
  const live = readLiveCluster(io, source, settings);
  const result = analyzeConnectivity(live.cluster, engineOptions(settings));
  return { connectivity: result.value, diagnostics: [...live.diagnostics, ...result.diagnostics] };
}
function runLiveScan(io, source, settings, heuristicsFile, traffic) {
  const file = heuristicsFile === void 0 ? { path: BUILTIN_HEURISTICS_FILE, text: defaultHeuristicsYaml() } : { path: heuristicsFile, text: io.readText(heuristicsFile, "--heuristics") };
  const heuristics = parseHeuristics(file);
  if (!heuristics.value) {
    const first = heuristics.diagnostics.find((d) => d.severity === "error");
    if (heuristicsFile === void 0 || !first) throw new ConfigError("the built-in heuristics do not parse (a bug)");
    return { topology: { links: [], unresolved: [] }, diagnostics: heuristics.diagnostics };
  }
  const live = readLiveCluster(io, source, settings);
  const scanned = scanTopology(live.cluster);
  const completed = applyHeuristics(live.cluster, scanned.value, heuristics.value);
  const diagnostics = [...heuristics.diagnostics, ...live.diagnostics, ...scanned.diagnostics, ...completed.diagnostics];
  if (!traffic) return { topology: completed.value, diagnostics };
  const observed = withObservedTraffic(io, live.cluster, completed.value, source.kind === "kubectl" ? { ...traffic, liveSnapshot: source } : traffic, settings);
  return { topology: observed.topology, diagnostics: [...diagnostics, ...observed.diagnostics], traffic: observed.traffic };
}
function exportHeuristics() {
  return defaultHeuristicsYaml();
}

// src/report/connectivity.ts
var CONNECTIVITY_FORMATS = ["txt", "json", "csv", "md", "dot", "mermaid", "svg", "png", "tree"];
var TextCache = class {
  constructor(text) {
    this.text = text;
  }
  text;
  cache = /* @__PURE__ */ new Map();
  of(x) {
    let t = this.cache.get(x);
    if (t === void 0) this.cache.set(x, t = this.text(x));
    return t;
  }
};
function* inPieces(lines) {
  let piece = "";
  for (const line of lines) {
    piece += line;
    if (piece.length >= 65536) {
      yield piece;
      piece = "";
    }
  }
  if (piece !== "") yield piece;
}
function connectivityTxtChunks(c) {
  return inPieces(txtLines(c));
}
function* txtLines(c) {
  const src = new TextCache((p) => oneLine(peerKey(p)));
  const dst = new TextCache((p) => visible(peerKey(p)));
  const conns = new TextCache((x) => visible(x.toString()));
  for (const x of c.connections) yield `${src.of(x.src)} => ${dst.of(x.dst)} : ${conns.of(x.conns)}
`;
}
function connectivityJsonChunks(c) {
  return inPieces(jsonLines(c));
}
function* jsonLines(c) {
  if (c.connections.length === 0) {
    yield "[]\n";
    return;
  }
  const peer = new TextCache((p) => JSON.stringify(peerKey(p)));
  const conns = new TextCache((x) => JSON.stringify(x.toString()));
  let first = true;
  for (const x of c.connections) {
    yield `${first ? "[\n" : ",\n"}  {
    "src": ${peer.of(x.src)},
    "dst": ${peer.of(x.dst)},
    "conn": ${conns.of(x.conns)}
  }`;
    first = false;
  }
  yield "\n]\n";
}
function renderConnectivityJson(c) {
  return [...connectivityJsonChunks(c)].join("");
}
function connectivityCsvChunks(c) {
  return inPieces(csvLines(c));
}
function* csvLines(c) {
  const peer = new TextCache((p) => csvCell(peerKey(p)));
  const conns = new TextCache((x) => csvCell(x.toString()));
  yield "src,dst,conn\n";
  for (const x of c.connections) yield `${peer.of(x.src)},${peer.of(x.dst)},${conns.of(x.conns)}
`;
}
function renderConnectivityMd(c) {
  const lines = ["| src | dst | conn |", "|-----|-----|------|"];
  for (const x of c.connections) lines.push(`| ${escapeMarkdown(peerKey(x.src))} | ${escapeMarkdown(peerKey(x.dst))} | ${escapeMarkdown(x.conns.toString())} |`);
  return `${lines.join("\n")}
`;
}
function renderConnectivityDot(c) {
  const ids = /* @__PURE__ */ new Map();
  const byNs = /* @__PURE__ */ new Map();
  const other = [];
  const node = (key, ns) => {
    if (!ids.has(key)) {
      ids.set(key, `n${ids.size}`);
      if (ns !== void 0) {
        const list = byNs.get(ns) ?? [];
        list.push(key);
        byNs.set(ns, list);
      } else other.push(key);
    }
    return ids.get(key);
  };
  for (const w of c.workloads) node(peerKey({ kind: "workload", ref: w }), w.namespace);
  const edges = [];
  for (const x of c.connections) {
    const s = node(peerKey(x.src), x.src.kind === "workload" ? x.src.ref.namespace : void 0);
    const d = node(peerKey(x.dst), x.dst.kind === "workload" ? x.dst.ref.namespace : void 0);
    edges.push(`	${s} -> ${d} [label="${escapeDot(x.conns.toString())}" color="gold2" fontcolor="darkgreen"]`);
  }
  const out = ["digraph {"];
  for (const [ns, keys] of [...byNs].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
    out.push(`	subgraph "cluster_${escapeDot(ns)}" {`, `		label="${escapeDot(ns)}"`);
    for (const k of keys) out.push(`		${ids.get(k)} [label="${escapeDot(k.slice(ns.length + 1))}" shape="box"]`);
    out.push("	}");
  }
  for (const k of other) out.push(`	${ids.get(k)} [label="${escapeDot(k)}" shape="${k.startsWith("{") ? "oval" : "diamond"}"]`);
  out.push(...edges, "}");
  return `${out.join("\n")}
`;
}
function renderConnectivityMermaid(c) {
  const ids = /* @__PURE__ */ new Map();
  const id = (k) => {
    if (!ids.has(k)) ids.set(k, `n${ids.size}`);
    return ids.get(k);
  };
  const lines = ["graph LR"];
  for (const x of c.connections) {
    const s = peerKey(x.src);
    const d = peerKey(x.dst);
    lines.push(`  ${id(s)}["${escapeMermaid(s)}"] -->|"${escapeMermaid(x.conns.toString())}"| ${id(d)}["${escapeMermaid(d)}"]`);
  }
  return `${lines.join("\n")}
`;
}

// src/report/exposure.ts
function renderExposureTxt(e) {
  const line = (arrow) => (x) => `${oneLine(`${x.workload} ${arrow} ${x.peer} : ${x.conns.toString()}`)}
`;
  return `
Exposure Analysis Result:
Egress Exposure:
${e.egress.map(line("=>")).join("")}
Ingress Exposure:
${e.ingress.map(line("<=")).join("")}`;
}
function exposureJson(e) {
  const rows = (xs, side) => xs.map((x) => ({ workload: x.workload, [side]: x.peer, conn: x.conns.toString() }));
  return { egress: rows(e.egress, "dst"), ingress: rows(e.ingress, "src") };
}
function renderExposureMd(e) {
  const table = (head, xs) => [
    head,
    "|-----|-----|------|",
    ...xs.map((x) => `| ${escapeMarkdown(x.workload)} | ${escapeMarkdown(x.peer)} | ${escapeMarkdown(x.conns.toString())} |`)
  ];
  return `${["## Exposure Analysis Result:", "### Egress Exposure:", ...table("| src | dst | conn |", e.egress), "", "### Ingress Exposure:", ...table("| dst | src | conn |", e.ingress)].join("\n")}
`;
}

// src/report/tree.ts
var ANSI = { green: "\x1B[32m", yellow: "\x1B[33m", red: "\x1B[31m", bold: "\x1B[1m", dim: "\x1B[2m", reset: "\x1B[0m" };
function renderConnectivityTree(c, style) {
  const paint = (code, text) => style.color ? `${code}${text}${ANSI.reset}` : text;
  const out = /* @__PURE__ */ new Map();
  const inn = /* @__PURE__ */ new Map();
  const push = (m, k, peer, conns) => {
    const list = m.get(k);
    if (list) list.push({ peer, conns });
    else m.set(k, [{ peer, conns }]);
  };
  for (const x of c.connections) {
    push(out, peerKey(x.src), peerKey(x.dst), x.conns);
    push(inn, peerKey(x.dst), peerKey(x.src), x.conns);
  }
  const workloads = c.workloads.map((w) => peerKey({ kind: "workload", ref: w })).sort(compareStrings);
  const lines = [];
  const mark = (conns) => conns.isAll ? paint(ANSI.yellow, "⚠") : paint(ANSI.green, "✓");
  const branch = (title, items, last) => {
    const lead = last ? "└── " : "├── ";
    const indent = last ? "    " : "│   ";
    if (!items || items.length === 0) {
      lines.push(`${lead}${title} ${paint(ANSI.red, "✗")} ${paint(ANSI.dim, "nothing")}`);
      return;
    }
    lines.push(`${lead}${title}`);
    items.forEach((it, i) => {
      const end = i === items.length - 1;
      lines.push(`${indent}${end ? "└── " : "├── "}${mark(it.conns)} ${oneLine(it.peer)} : ${it.conns.toString()}`);
    });
  };
  for (const w of workloads) {
    lines.push(paint(ANSI.bold, oneLine(w)));
    branch("reaches", out.get(w), false);
    branch("reached by", inn.get(w), true);
  }
  return lines.length > 0 ? `${lines.join("\n")}
` : "";
}

// src/cli/commands/connectivity.ts
var Options3 = CommonOptions.extend(ClusterOptions.shape).extend({
  explain: external_exports.array(external_exports.string()).length(2, { error: "takes two peers: SRC DST" }).optional(),
  exposure: external_exports.boolean().default(false),
  format: external_exports.enum(CONNECTIVITY_FORMATS, { error: (i) => `expected one of ${CONNECTIVITY_FORMATS.join(", ")}, got ${JSON.stringify(i.input)}` }).default("txt")
});
function connectivityCommand(ctx, done) {
  const cmd = new Command("connectivity").description("the effective connectivity of the workloads and policies found under the paths").argument("[path...]", "manifest files or folders (scanned recursively); none with --cluster").option("-f, --format <format>", `output format: ${CONNECTIVITY_FORMATS.join("|")}`, "txt").option("--exposure", "also list who reaches, or is reached from, peers outside the manifests: any namespace (entire-cluster), pods rules could match, any address (txt, json, md)").option("--explain <peer...>", "explain one pair: SRC DST (ns/name[Kind], ns/name, an IP address, or {ingress-controller})");
  addClusterOptions(cmd);
  addCommonOptions(cmd).action((paths, raw) => done(connectivity(ctx, paths, parseOptions(Options3, raw))));
  return cmd;
}
function connectivity(ctx, paths, opts) {
  const say = progress(ctx, opts);
  say(`reading and evaluating ${paths.length} path(s)…`);
  const settings = readSettingsFrom(ctx, opts);
  const live = liveSourceFrom(opts);
  if (live && paths.length > 0) throw new ConfigError("--cluster reads the cluster, not paths: give one or the other");
  if (!live && paths.length === 0) throw new ConfigError("connectivity takes manifest paths, or --cluster");
  if (live && opts.explain) throw new ConfigError("--explain reads manifests; it does not combine with --cluster");
  if (opts.explain) {
    const [src, dst] = opts.explain;
    const r2 = runExplain(ctx.io, paths, settings, src, dst);
    say("");
    emit(ctx, opts.format === "json" ? renderExplanationsJson(r2.explanations) : r2.explanations.map(renderExplanationTxt).join("\n"), opts.output);
    printDiagnostics(ctx, r2.diagnostics, opts);
    return exitCodeFor(r2.diagnostics);
  }
  if (live && opts.exposure) throw new ConfigError("--exposure is computed from manifest paths, not with --cluster");
  if (opts.exposure && !["txt", "json", "md"].includes(opts.format)) throw new ConfigError(`--exposure works with --format txt, json or md, not ${opts.format}`);
  if (opts.format === "png" && !(opts.output && opts.output !== "-") && !ctx.stdoutBytes) throw new ConfigError("--format png needs -o FILE");
  const r = live ? runLiveConnectivity(ctx.io, live, settings) : runConnectivity(ctx.io, paths, settings, { exposure: opts.exposure });
  say("");
  const c = r.connectivity;
  const x = "exposure" in r ? r.exposure : void 0;
  const render = {
    txt: () => x ? followedBy(connectivityTxtChunks(c), () => renderExposureTxt(x)) : connectivityTxtChunks(c),
    json: () => x ? `${JSON.stringify({ connections: JSON.parse(renderConnectivityJson(c)), exposure: exposureJson(x) }, null, 2)}
` : connectivityJsonChunks(c),
    csv: () => connectivityCsvChunks(c),
    md: () => renderConnectivityMd(c) + (x ? `
${renderExposureMd(x)}` : ""),
    dot: () => renderConnectivityDot(c),
    mermaid: () => renderConnectivityMermaid(c),
    svg: () => ctx.io.dotToSvg(renderConnectivityDot(c), execLimits(settings)),
    tree: () => renderConnectivityTree(c, { color: !opts.output && ctx.stdoutTerminal === true && !ctx.env.NO_COLOR })
  };
  if (opts.format === "png") {
    const png = ctx.io.dotToPng(renderConnectivityDot(c), execLimits(settings));
    if (opts.output && opts.output !== "-") ctx.io.writeFiles(/* @__PURE__ */ new Map([[opts.output, png]]));
    else ctx.stdoutBytes?.(png);
  } else {
    const out = render[opts.format]();
    if (typeof out === "string") emit(ctx, out, opts.output);
    else emitChunks(ctx, out, opts.output);
  }
  printDiagnostics(ctx, r.diagnostics, opts);
  return exitCodeFor(r.diagnostics);
}
function* followedBy(pieces, last) {
  yield* pieces;
  yield last();
}

// src/cli/commands/diff.ts
var Options4 = CommonOptions.extend({
  format: external_exports.enum(DIFF_FORMATS, { error: (i) => `expected one of ${DIFF_FORMATS.join(", ")}, got ${JSON.stringify(i.input)}` }).default("txt"),
  exitCode: external_exports.boolean().default(false),
  repo: external_exports.string().optional(),
  base: external_exports.string().optional(),
  head: external_exports.string().optional(),
  label1: external_exports.string().min(1).optional(),
  label2: external_exports.string().min(1).optional(),
  workloads: external_exports.string().optional()
});
function diffCommand(ctx, done) {
  const cmd = new Command("diff").description("the semantic connectivity diff between two configurations (two folders, or two git refs with --repo)").argument("[paths...]", "<old-path> <new-path>; with --repo, optional paths inside the repository").option("-f, --format <format>", `output format: ${DIFF_FORMATS.join("|")}`, "txt").option("--repo <dir>", "a git repository: diff --base against --head without touching the working tree").option("--base <ref>", "with --repo: the old ref (e.g. origin/main)").option("--head <ref>", "with --repo: the new ref (e.g. HEAD)").option("--exit-code", "exit 1 when the diff is not empty (like git diff --exit-code)").option("--label1 <name>", "name of the old side in every format (default: its path or ref)").option("--label2 <name>", "name of the new side in every format (default: its path or ref)").option("--workloads <path>", "the two paths hold policies only: evaluate both over the workloads (Namespaces, Services, ...) under PATH");
  addCommonOptions(cmd).action((paths, raw) => done(diff(ctx, paths, parseOptions(Options4, raw))));
  return cmd;
}
function requestFrom2(paths, opts) {
  if (opts.repo !== void 0 || opts.base !== void 0 || opts.head !== void 0) {
    if (!opts.repo || !opts.base || !opts.head) throw new ConfigError("--repo, --base and --head go together");
    if (opts.workloads !== void 0) throw new ConfigError("--workloads takes two policy paths, not --repo");
    return { kind: "repo", repo: opts.repo, base: opts.base, head: opts.head, paths };
  }
  if (paths.length !== 2) throw new ConfigError("diff takes <old-path> <new-path>, or --repo DIR --base REF --head REF [path...]");
  return { kind: "paths", before: paths[0], after: paths[1], ...opts.workloads !== void 0 ? { workloads: opts.workloads } : {} };
}
function diff(ctx, paths, opts) {
  const say = progress(ctx, opts);
  const request = requestFrom2(paths, opts);
  say("reading both sides…");
  const r = runDiff(ctx.io, request, readSettingsFrom(ctx, opts), { explain: opts.format === "md" || opts.format === "json" });
  say("");
  const named = opts.label1 !== void 0 || opts.label2 !== void 0;
  const refs = { before: opts.label1 ?? r.refs.before, after: opts.label2 ?? r.refs.after };
  const report = { diff: r.diff, refs, ...named ? { named } : {}, ...r.explanations ? { explanations: r.explanations } : {} };
  const render = { txt: renderDiffTxt, json: renderDiffJson, csv: renderDiffCsv, md: renderDiffMd, mermaid: (x) => renderDiffMermaid(x) };
  emit(ctx, render[opts.format](report), opts.output);
  printDiagnostics(ctx, r.diagnostics, opts);
  return exitCodeFor(r.diagnostics, opts.exitCode && r.diff.entries.length > 0);
}

// src/pipeline/links.ts
function runLinksMerge(io, files, manifests, settings) {
  const lists = [];
  const diagnostics = [];
  let workloads;
  if (manifests.length > 0) {
    const { load, diagnostics: loadDiagnostics } = loadInputs(io, manifests, settings);
    diagnostics.push(...loadDiagnostics);
    workloads = load.cluster.workloads.map((w) => w.ref);
  }
  for (const f of files) {
    const r = parseLinksFile(f, io.readText(f, "links file"), workloads);
    lists.push(r.links);
    diagnostics.push(...r.diagnostics);
  }
  return { links: mergeLinks(...lists), diagnostics };
}
function runLinksValidate(io, file, manifests, settings) {
  const diagnostics = [];
  let workloads;
  if (manifests.length > 0) {
    const { load, diagnostics: loadDiagnostics } = loadInputs(io, manifests, settings);
    diagnostics.push(...loadDiagnostics);
    workloads = new Set(load.cluster.workloads.map((w) => workloadKey(w.ref)));
  }
  const r = parseLinksFile(file, io.readText(file, "links file"));
  diagnostics.push(...r.diagnostics);
  const seen = /* @__PURE__ */ new Map();
  for (const l of r.links) {
    const at2 = l.evidence.find((e) => e.kind === "intent")?.at ?? { file, doc: 1 };
    const key = `${peerKey(l.src)} => ${peerKey(l.dst)}`;
    const first = seen.get(key);
    if (first !== void 0) diagnostics.push(diag(Codes.linkDuplicate, "warning", `${key} is listed again (first at line ${first}); the two are merged`, at2));
    else seen.set(key, at2.line ?? 0);
    if (!workloads) continue;
    for (const [field, p] of [
      ["src", l.src],
      ["dst", l.dst]
    ]) {
      if (p.kind === "workload" && !workloads.has(workloadKey(p.ref))) diagnostics.push(diag(Codes.linkUnknownWorkload, "error", `no workload ${workloadKey(p.ref)} in the manifests`, { ...at2, path: [...at2.path ?? [], field] }));
    }
  }
  return { links: r.links, diagnostics };
}

// src/cli/commands/links.ts
var collect4 = (value, previous = []) => [...previous, value];
var MergeOptions = CommonOptions.extend({
  format: external_exports.enum(["yaml", "json"], { error: (i) => `expected yaml or json, got ${JSON.stringify(i.input)}` }).optional(),
  manifests: external_exports.array(external_exports.string()).default([])
});
var ValidateOptions = CommonOptions.extend({ manifests: external_exports.array(external_exports.string()).default([]) });
function linksCommand(ctx, done) {
  const links = new Command("links").description("reviewed link lists (intent files): merge several, validate one");
  const mergeCmd = new Command("merge").description("merge link lists (scan --format json|yaml output, reviewed files) into one: one link per source and destination, all provenance kept").argument("<file...>", "link lists to merge").option("-f, --format <format>", "yaml|json (default: from the -o extension, else yaml)").option("--manifests <path>", "manifests whose workloads resolve `ns/name` written without its kind (repeatable)", collect4);
  addCommonOptions(mergeCmd).action((files, raw) => done(merge(ctx, files, parseOptions(MergeOptions, raw))));
  links.addCommand(mergeCmd);
  const validate = new Command("validate").description("check a reviewed link list: peers, connection sets, duplicates, and (with --manifests) that every workload exists").argument("<file>", "the link list").option("--manifests <path>", "manifest file or folder whose workloads the links must name (repeatable)", collect4);
  addCommonOptions(validate).action((file, raw) => done(validateLinks(ctx, file, parseOptions(ValidateOptions, raw))));
  links.addCommand(validate);
  for (const c of links.commands) c.exitOverride().configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  return links;
}
function merge(ctx, files, opts) {
  const r = runLinksMerge(ctx.io, files, opts.manifests, readSettingsFrom(ctx, opts));
  printDiagnostics(ctx, r.diagnostics, opts);
  if (hasErrors(r.diagnostics)) {
    ctx.stderr("netpol-ci: the link lists have errors; nothing written\n");
    return exitCodeFor(r.diagnostics);
  }
  const format = opts.format ?? (opts.output?.endsWith(".json") ? "json" : "yaml");
  const topology = { links: r.links, unresolved: [] };
  emit(ctx, format === "json" ? renderScanJson(topology) : renderScanYaml(topology), opts.output);
  if (!opts.quiet && opts.output && opts.output !== "-") ctx.stderr(`merged ${files.length} file(s): ${r.links.length} links
`);
  return exitCodeFor(r.diagnostics);
}
function validateLinks(ctx, file, opts) {
  const r = runLinksValidate(ctx.io, file, opts.manifests, readSettingsFrom(ctx, opts));
  printDiagnostics(ctx, r.diagnostics, opts);
  const errors = r.diagnostics.filter((d) => d.severity === "error").length;
  if (!opts.quiet) ctx.stdout(`${file}: ${r.links.length} links, ${errors === 0 ? "valid" : `${errors} error(s)`}
`);
  return exitCodeFor(r.diagnostics);
}

// src/pipeline/lint.ts
function runLint(io, paths, settings) {
  const { load, diagnostics } = loadInputs(io, paths, settings);
  const engine = new PolicyEngine(load.cluster, engineOptions(settings));
  return { findings: lintPolicies(engine).findings, diagnostics: [...diagnostics, ...engine.diagnostics] };
}

// src/report/lint.ts
var LINT_FORMATS = ["txt", "json", "md"];
var coveredText = (f) => f.coveredBy.length > 0 ? ` (covered by ${f.coveredBy.join(", ")})` : "";
function renderLintTxt(findings) {
  return findings.map((f) => `${oneLine(formatDiagnostic({ code: f.code, severity: "warning", message: `${f.message}${coveredText(f)}`, at: f.at }))}
`).join("");
}
function renderLintJson(findings) {
  const rows = findings.map((f) => ({
    kind: f.kind,
    code: f.code,
    policy: f.policy,
    ...f.rule ? { rule: f.rule } : {},
    file: f.at.file,
    doc: f.at.doc,
    ...f.at.line !== void 0 ? { line: f.at.line } : {},
    ...f.at.column !== void 0 ? { column: f.at.column } : {},
    message: f.message,
    coveredBy: f.coveredBy
  }));
  return `${JSON.stringify(rows, null, 2)}
`;
}
function renderLintMd(findings) {
  if (findings.length === 0) return "No policy sanity findings.\n";
  const lines = ["| where | finding | policy | rule | covered by |", "|---|---|---|---|---|"];
  for (const f of findings) {
    const where = markdownCode(`${f.at.file}${f.at.line !== void 0 ? `:${f.at.line}` : ""}`);
    lines.push(`| ${where} | ${f.kind} | ${escapeMarkdown(f.policy)} | ${f.rule ? escapeMarkdown(f.rule) : ""} | ${f.coveredBy.map(escapeMarkdown).join("<br>")} |`);
  }
  return `${lines.join("\n")}
`;
}

// src/cli/commands/lint.ts
var Options5 = CommonOptions.extend({
  format: external_exports.enum(LINT_FORMATS, { error: (i) => `expected one of ${LINT_FORMATS.join(", ")}, got ${JSON.stringify(i.input)}` }).default("txt")
});
function lintCommand(ctx, done) {
  const cmd = new Command("lint").description("policy sanity: policies selecting nothing, rules that never match, redundant and shadowed rules (exit 1 on findings)").argument("<path...>", "manifest files or folders (scanned recursively)").option("-f, --format <format>", `output format: ${LINT_FORMATS.join("|")}`, "txt");
  addCommonOptions(cmd).action((paths, raw) => done(lint(ctx, paths, parseOptions(Options5, raw))));
  return cmd;
}
function lint(ctx, paths, opts) {
  const say = progress(ctx, opts);
  say(`reading and linting ${paths.length} path(s)…`);
  const r = runLint(ctx.io, paths, readSettingsFrom(ctx, opts));
  say("");
  const render = { txt: renderLintTxt, json: renderLintJson, md: renderLintMd };
  emit(ctx, render[opts.format](r.findings), opts.output);
  printDiagnostics(ctx, r.diagnostics, opts);
  return exitCodeFor(r.diagnostics, r.findings.length > 0);
}

// src/cli/commands/prune.ts
var Options6 = CommonOptions.extend({
  policies: external_exports.string({ error: "--policies DIR is required" }),
  write: external_exports.boolean().default(false)
});
function pruneCommand(ctx, done) {
  const cmd = new Command("prune").description("list (or, with --write, delete) the generated policies in a folder whose workload is no longer in the manifests; exit 1 when some are listed").argument("<path...>", "manifest files or folders (scanned recursively)").option("--policies <dir>", "the folder of policies netpol-ci generated (label app.kubernetes.io/managed-by: netpol-ci)").option("--write", "delete the stale policies from their files (a file left empty is removed)");
  addCommonOptions(cmd).action((paths, raw) => done(prune(ctx, paths, parseOptions(Options6, raw))));
  return cmd;
}
function prune(ctx, paths, opts) {
  const say = progress(ctx, opts);
  say("reading the manifests and the policies…");
  const r = runPrune(ctx.io, { paths, policies: opts.policies, write: opts.write }, readSettingsFrom(ctx, opts));
  say("");
  for (const s of r.stale) ctx.stdout(`${s.file}:${s.line} [doc ${s.doc}] NetworkPolicy ${s.namespace}/${s.name}: ${s.reason}
`);
  printDiagnostics(ctx, r.diagnostics, opts);
  if (hasErrors(r.diagnostics)) {
    if (opts.write && r.stale.length > 0) ctx.stderr("netpol-ci: the manifests have errors; nothing deleted\n");
    return exitCodeFor(r.diagnostics);
  }
  if (opts.write) {
    if (!opts.quiet) ctx.stderr(`removed ${r.stale.length} stale polic${r.stale.length === 1 ? "y" : "ies"} from ${r.changedFiles.length} file(s)
`);
    return exitCodeFor(r.diagnostics);
  }
  if (r.stale.length > 0 && !opts.quiet) ctx.stderr(`${r.stale.length} stale polic${r.stale.length === 1 ? "y" : "ies"}; run with --write to delete
`);
  return exitCodeFor(r.diagnostics, r.stale.length > 0);
}

// src/cli/commands/scan.ts
var Options7 = CommonOptions.extend(ClusterOptions.shape).extend(TrafficOptions.shape).extend({
  heuristics: external_exports.string().optional(),
  exportHeuristics: external_exports.boolean().default(false),
  format: external_exports.enum(SCAN_FORMATS, { error: (i) => `expected one of ${SCAN_FORMATS.join(", ")}, got ${JSON.stringify(i.input)}` }).default("txt")
});
function scanCommand(ctx, done) {
  const cmd = new Command("scan").description("the connections the application needs, read from its manifests, each with its provenance").argument("[path...]", "manifest files or folders (scanned recursively); none with --cluster").option("-f, --format <format>", `output format: ${SCAN_FORMATS.join("|")}`, "txt");
  addTrafficOptions(cmd);
  addClusterOptions(cmd).option("--heuristics <file>", "with --cluster: well-known components (names, images, ports) from this file instead of the built-in list").option("--export-heuristics", "print the built-in heuristics (YAML, to edit and pass to --heuristics) and exit");
  addCommonOptions(cmd).action((paths, raw) => done(scan(ctx, paths, parseOptions(Options7, raw))));
  return cmd;
}
function scan(ctx, paths, opts) {
  if (opts.exportHeuristics) {
    emit(ctx, exportHeuristics(), opts.output);
    return ExitCode.ok;
  }
  const live = liveSourceFrom(opts);
  if (live && paths.length > 0) throw new ConfigError("--cluster reads the cluster, not paths: give one or the other");
  if (!live && paths.length === 0) throw new ConfigError("scan takes manifest paths, or --cluster");
  if (!live && opts.heuristics !== void 0) throw new ConfigError("--heuristics needs --cluster (manifests are scanned exactly, without heuristics)");
  const say = progress(ctx, opts);
  say("reading and scanning…");
  const traffic = trafficRequestFrom(opts, live?.kind === "kubectl" ? live : void 0);
  const r = live ? runLiveScan(ctx.io, live, readSettingsFrom(ctx, opts), opts.heuristics, traffic) : runScan(ctx.io, paths, readSettingsFrom(ctx, opts), traffic ? { traffic } : {});
  say("");
  const render = { json: renderScanJson, yaml: renderScanYaml, txt: renderScanTxt, md: renderScanMd }[opts.format];
  emit(ctx, render(r.topology, "gaps" in r ? r.gaps : void 0, "traffic" in r ? r.traffic : void 0), opts.output);
  printDiagnostics(ctx, r.diagnostics, opts);
  return exitCodeFor(r.diagnostics);
}

// src/report/gaps.ts
function renderGapSummary(gaps, mode) {
  if (gaps.length === 0) return "";
  const how = mode === "namespace" ? "closed within each namespace (--gaps=namespace)" : mode === "open" ? "left unrestricted in that direction (--gaps=open)" : "left closed: that traffic is blocked (--gaps=deny)";
  const out = [`${gaps.length} gap${gaps.length === 1 ? "" : "s"}: what the manifests cannot tell, ${how}:`];
  for (const g of gaps) out.push(`  ${safeLine(gapText(g))}`);
  out.push("close a gap with a reviewed link (scan --format yaml, edit, synthesize --links FILE), observed traffic (--traffic), or --gaps=namespace|deny|open; --fail-on-gaps makes gaps fail CI");
  return `${out.join("\n")}
`;
}

// src/cli/commands/synthesize.ts
var labelList = external_exports.string().regex(/^[^=,\s]+=[^=,\s]*(,[^=,\s]+=[^=,\s]*)*$/, { error: "expected key=value[,key=value...]" }).transform((s) => Object.fromEntries(s.split(",").map((kv) => kv.split("="))));
var Options8 = CommonOptions.extend(TrafficOptions.shape).extend(ClusterOptions.shape).extend({
  links: external_exports.string().optional(),
  baseline: external_exports.array(external_exports.string()).default([]),
  defaultDeny: external_exports.union([external_exports.boolean(), external_exports.enum(["true", "false"], { error: "--default-deny takes true or false" }).transform((v) => v === "true")]).default(true),
  dryRun: external_exports.boolean().default(false),
  dnsPort: external_exports.coerce.number().int().min(1).max(65535).default(53),
  dnsNamespace: external_exports.string().default("kube-system"),
  dnsSelector: labelList.default({ "k8s-app": "kube-dns" }),
  ingressController: labelList.optional(),
  namePrefix: external_exports.string().regex(/^[a-z0-9-]*$/, { error: "lower-case letters, digits and dashes only" }).default(""),
  gaps: external_exports.enum(GAP_MODES, { error: (i) => `expected one of ${GAP_MODES.join(", ")}, got ${JSON.stringify(i.input)}` }).default("deny"),
  failOnGaps: external_exports.boolean().default(false),
  existing: external_exports.string().optional(),
  preset: external_exports.array(external_exports.string()).default([]).transform(
    (list, ctx) => list.flatMap((text) => {
      const p = parsePreset(text);
      if (typeof p === "string") {
        ctx.addIssue({ code: "custom", message: p });
        return [];
      }
      return [p];
    })
  ),
  // commander spells --no-ports as ports: false
  ports: external_exports.boolean().default(true),
  checkSelectors: external_exports.boolean().default(false)
});
function ingressControllerSelector(labels) {
  if (!labels) return void 0;
  const { namespace, ...pod } = labels;
  return { ...namespace ? { namespaceLabels: { [NAMESPACE_NAME_LABEL]: namespace } } : {}, ...Object.keys(pod).length > 0 ? { podLabels: pod } : {} };
}
function synthesizeCommand(ctx, done) {
  const cmd = new Command("synthesize").description("least-privilege NetworkPolicies for the connections the application needs").argument("<path...>", "manifest files or folders (scanned recursively)").option("--links <file>", "use this reviewed link list (scan --format json|yaml) instead of scanning").option("--baseline <file>", "baseline rules (repeatable): deny rules remove links, allow rules add theirs", (v, prev = []) => [...prev, v]).option("--default-deny [bool]", "add a default-deny policy per namespace (default true; --default-deny=false to omit)").option("--dry-run", "print what would be written, write nothing").option("--dns-port <port>", "port DNS listens on (default 53; OpenShift: 5353)").option("--dns-namespace <ns>", "namespace DNS runs in (default kube-system)").option("--dns-selector <labels>", "labels of the DNS pods (default k8s-app=kube-dns)").option("--ingress-controller <selector>", "where the ingress controller runs, e.g. namespace=ingress-nginx,app.kubernetes.io/name=ingress-nginx (default: any namespace)").option("--name-prefix <prefix>", "prefix for policy names").option("--gaps <mode>", "how to close what the manifests cannot tell (always reported): deny (default: strict least privilege), namespace (within the namespace) or open (unrestricted in that direction)").option("--fail-on-gaps", "exit 1 when there are gaps (for CI)").option("--existing <dir>", "leave the workloads that NetworkPolicies in DIR (not generated by netpol-ci) already select untouched, and say which").option("--preset <spec>", "ns=NAME:MODE or workload=NS/NAME:MODE, MODE block-all|allow-namespace|allow-all; applied before the links (repeatable)", (v, prev = []) => [...prev, v]).option("--no-ports", "peer-only rules: no ports or protocols (fewer, broader policies)").option("--check-selectors", "report every generated selector that selects no workload, or more than one, in the manifests");
  addTrafficOptions(cmd);
  addClusterOptions(cmd, "with --traffic: read pods, Services, namespaces and nodes from the cluster with kubectl to map trace addresses to workloads (instead of --cluster-snapshot)");
  addCommonOptions(cmd).action((paths, raw) => done(synthesize(ctx, paths, parseOptions(Options8, raw))));
  return cmd;
}
function synthesize(ctx, paths, opts) {
  const say = progress(ctx, opts);
  say("reading, scanning and synthesizing…");
  const ic = ingressControllerSelector(opts.ingressController);
  const traffic = trafficRequestFrom(opts, snapshotClusterFrom(opts));
  const r = runSynthesize(
    ctx.io,
    {
      paths,
      ...opts.links !== void 0 ? { linksFile: opts.links } : {},
      gapMode: opts.gaps,
      ...traffic ? { traffic } : {},
      ...opts.baseline.length > 0 ? { baselineFiles: opts.baseline } : {},
      options: {
        ...DEFAULT_SYNTHESIS_OPTIONS,
        defaultDeny: opts.defaultDeny,
        dnsPort: opts.dnsPort,
        dns: { namespace: opts.dnsNamespace, podLabels: opts.dnsSelector },
        ...ic ? { ingressController: ic } : {},
        namePrefix: opts.namePrefix,
        presets: opts.preset,
        noPorts: !opts.ports
      },
      ...opts.existing !== void 0 ? { existing: opts.existing } : {},
      checkSelectors: opts.checkSelectors
    },
    readSettingsFrom(ctx, opts)
  );
  say("");
  if (r.refused) {
    printDiagnostics(ctx, r.diagnostics, opts);
    ctx.stderr(`netpol-ci: the ${opts.baseline.length > 0 ? "links or baseline rule files have" : "links file has"} errors; no policies written
`);
    return exitCodeFor(r.diagnostics);
  }
  if (r.skipped.length > 0 && !opts.quiet) {
    ctx.stderr(`left ${r.skipped.length} workload(s) untouched (--existing ${opts.existing}):
${r.skipped.map((s) => `  ${s.workload}: already selected by ${s.by}
`).join("")}`);
  }
  const target = policyTarget(ctx.io, opts.output);
  if (target.kind === "stdout") ctx.stdout(renderPoliciesYaml(r.policies));
  else if (opts.dryRun) for (const [f, text] of layoutPolicies(r.policies, target, renderPoliciesYaml)) ctx.stdout(`# would write ${safeLine(f)}
${text}`);
  else {
    const files = writePolicies(ctx.io, r.policies, target, renderPoliciesYaml);
    if (!opts.quiet) ctx.stderr(`wrote ${r.policies.length} policies to ${files.size} file(s)
`);
  }
  printDiagnostics(ctx, r.diagnostics, opts);
  if (!opts.quiet || opts.failOnGaps) ctx.stderr(renderGapSummary(r.gaps, opts.gaps));
  if (r.traffic && !opts.quiet && !opts.verbose) ctx.stderr(`${summaryText(r.traffic)}
`);
  return exitCodeFor(r.diagnostics, opts.failOnGaps && r.gaps.length > 0);
}

// src/cli/version.ts
var VERSION = "0.1.0";

// src/cli/commands/verify.ts
var labelList2 = external_exports.string().regex(/^[^=,\s]+=[^=,\s]*(,[^=,\s]+=[^=,\s]*)*$/, { error: "expected key=value[,key=value...]" }).transform((s) => Object.fromEntries(s.split(",").map((kv) => kv.split("="))));
var Options9 = CommonOptions.extend(ClusterOptions.shape).extend(TrafficOptions.shape).extend({
  format: external_exports.enum(VERIFY_FORMATS, { error: (i) => `expected one of ${VERIFY_FORMATS.join(", ")}, got ${JSON.stringify(i.input)}` }).default("txt"),
  policies: external_exports.string({ error: "--policies DIR is required: the folder of committed policies" }),
  allowExcess: external_exports.boolean().default(false),
  fix: external_exports.boolean().default(false),
  clusterExport: external_exports.string().optional(),
  dnsPort: external_exports.coerce.number().int().min(1).max(65535).default(53),
  dnsNamespace: external_exports.string().default("kube-system"),
  dnsSelector: labelList2.default({ "k8s-app": "kube-dns" }),
  ingressController: labelList2.optional()
});
function verifyCommand(ctx, done) {
  const cmd = new Command("verify").description("the drift gate: committed policies vs what the manifests need (repo drift), or the live cluster vs the repository (cluster drift)").argument("[paths...]", "the application manifests (repo drift; with --cluster: limit the comparison to their namespaces)").option("-f, --format <format>", `output format: ${VERIFY_FORMATS.join("|")}`, "txt").option("--policies <dir>", "the folder of committed policies").option("--allow-excess", "report excess (allowed beyond the needs) without failing").option("--fix", "write the synthesized policies that close the drift into --policies, print what changed, then verify again").option("--cluster-export <dir>", "cluster drift from a folder of exported manifests (kubectl get -o yaml), offline").option("--dns-port <port>", "port DNS listens on (default 53; OpenShift: 5353)").option("--dns-namespace <ns>", "namespace DNS runs in (default kube-system)").option("--dns-selector <labels>", "labels of the DNS pods (default k8s-app=kube-dns)").option("--ingress-controller <selector>", "with --fix: where the ingress controller runs, e.g. namespace=ingress-nginx,app.kubernetes.io/name=ingress-nginx");
  addClusterOptions(cmd);
  addTrafficOptions(cmd);
  addCommonOptions(cmd).action((paths, raw) => done(verify(ctx, paths, parseOptions(Options9, raw))));
  return cmd;
}
function verify(ctx, paths, opts) {
  if (opts.cluster && opts.clusterExport !== void 0) throw new ConfigError("--cluster and --cluster-export exclude each other");
  if (opts.clusterExport === void 0 && !liveSourceFrom(opts)) return repoDrift(ctx, paths, opts);
  if (trafficRequestFrom(opts)) throw new ConfigError("--traffic applies to repo drift (verify <path...> --policies DIR), not with --cluster or --cluster-export: cluster drift compares policies, not traffic");
  if (opts.fix) throw new ConfigError("--fix applies to repo drift; the cluster is fixed by applying the repository (kubectl apply)");
  if (opts.clusterExport !== void 0 && (opts.context !== void 0 || opts.kubeconfig !== void 0 || opts.clusterNamespaces !== void 0)) {
    throw new ConfigError("--context, --kubeconfig and --cluster-namespaces need --cluster, not --cluster-export");
  }
  return clusterDrift(ctx, paths, opts);
}
function repoDrift(ctx, paths, opts) {
  if (paths.length === 0) throw new ConfigError("verify takes the manifest paths: verify <path...> --policies DIR (or --cluster)");
  if (opts.ingressController !== void 0 && !opts.fix) throw new ConfigError("--ingress-controller only shapes what --fix writes; add --fix");
  const say = progress(ctx, opts);
  const settings = readSettingsFrom(ctx, opts);
  const { namespace, ...pod } = opts.ingressController ?? {};
  const ic = opts.ingressController ? { ...namespace ? { namespaceLabels: { [NAMESPACE_NAME_LABEL]: namespace } } : {}, ...Object.keys(pod).length > 0 ? { podLabels: pod } : {} } : void 0;
  const traffic = trafficRequestFrom(opts);
  const request = {
    paths,
    policies: opts.policies,
    ...traffic ? { traffic } : {},
    synthesis: { ...DEFAULT_SYNTHESIS_OPTIONS, dnsPort: opts.dnsPort, dns: { namespace: opts.dnsNamespace, podLabels: opts.dnsSelector }, ...ic ? { ingressController: ic } : {} }
  };
  say("reading manifests and policies…");
  if (opts.fix) {
    const fix = fixRepoDrift(ctx.io, request, settings, renderPoliciesYaml);
    say("");
    const d2 = fix.after.drift;
    emit(ctx, renderRepoDrift(opts.format, { drift: d2, policies: opts.policies, allowExcess: opts.allowExcess, fix, version: VERSION }), opts.output);
    printDiagnostics(ctx, fix.after.diagnostics, opts);
    return exitCodeFor(fix.after.diagnostics, d2.missing.length > 0 || d2.excess.length > 0 && !opts.allowExcess);
  }
  const r = runRepoDrift(ctx.io, request, settings);
  say("");
  const d = r.drift;
  emit(ctx, renderRepoDrift(opts.format, { drift: d, policies: opts.policies, allowExcess: opts.allowExcess, version: VERSION }), opts.output);
  printDiagnostics(ctx, r.diagnostics, opts);
  return exitCodeFor(r.diagnostics, d.missing.length > 0 || d.excess.length > 0 && !opts.allowExcess);
}
function clusterDrift(ctx, paths, opts) {
  const say = progress(ctx, opts);
  const source = opts.clusterExport !== void 0 ? { kind: "export", dir: opts.clusterExport } : liveSourceFrom(opts);
  say("reading the cluster…");
  const r = runClusterDrift(ctx.io, { source, policies: opts.policies, ...paths.length > 0 ? { paths } : {} }, readSettingsFrom(ctx, opts));
  say("");
  emit(ctx, renderClusterDrift(opts.format, { outcome: r, version: VERSION }), opts.output);
  printDiagnostics(ctx, r.diagnostics, opts);
  return exitCodeFor(r.diagnostics, r.diff.entries.length > 0);
}

// src/cli/program.ts
var OUTPUT = (ctx) => ({
  writeOut: ctx.stdout,
  writeErr: ctx.stderr,
  outputError: (text, write) => write(`${safeLines(text.replace(/\n$/, ""))}
`)
});
function buildProgram(ctx, done) {
  const program2 = new Command("netpol-ci").description("Kubernetes NetworkPolicies shift-left, in CI: exact connectivity, semantic diffs, least-privilege policies").version(VERSION).showHelpAfterError().configureOutput(OUTPUT(ctx)).exitOverride();
  for (const make of [checkCommand, connectivityCommand, diffCommand, scanCommand, synthesizeCommand, verifyCommand, linksCommand, lintCommand, pruneCommand]) {
    program2.addCommand(make(ctx, done).configureOutput(OUTPUT(ctx)));
  }
  program2.addCommand(baselineCommand(ctx, done, VERSION).configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr }));
  for (const c of program2.commands) c.exitOverride();
  return program2;
}
function main(argv, ctx) {
  let code = ExitCode.ok;
  const program2 = buildProgram(ctx, (c) => {
    code = c;
  });
  try {
    program2.parse(argv, { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return ExitCode.ok;
      return ExitCode.badInput;
    }
    if (e instanceof ConfigError) {
      ctx.stderr(`${safeLine(`netpol-ci: configuration error: ${e.message}`)}
`);
      return ExitCode.badInput;
    }
    ctx.stderr(`${safeLines(`netpol-ci: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}`)}
`);
    return ExitCode.internal;
  }
}

// src/cli.ts
process.exitCode = main(process.argv.slice(2), {
  io: nodeIo(),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
  interactive: Boolean(process.stderr.isTTY),
  stdoutTerminal: Boolean(process.stdout.isTTY),
  stdoutBytes: (bytes) => void process.stdout.write(bytes)
});
