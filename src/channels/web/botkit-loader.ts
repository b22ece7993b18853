/**
 * Loads Botkit's controller with only the part of botbuilder-dialogs it uses here.
 *
 * Botkit requires `botbuilder-dialogs` whole, whose index also loads its prompts and
 * Microsoft's recognizers-text suites (date-time, number, choice): ~30 MB resident,
 * of ~46 MB that `require('botkit')` adds to the adapter. Our dialogue lives in the
 * engine, so the controller only ever uses its empty dialog set (DialogSet,
 * DialogContext, DialogTurnStatus) and, at load, the classes Botkit extends (Dialog).
 * Before Botkit is first required, require's cache (which Node documents as writable)
 * gets, under the exact path Botkit resolves, a module whose exports load those
 * classes from their own files on first use, and anything else from the whole
 * package — so a Botkit feature we do not use still works, it just costs the memory.
 * When the whole package is already loaded, it is used as is.
 */
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import type * as BotkitModule from 'botkit';

/** botbuilder-dialogs' exports that Botkit's controller touches, by the file that defines them. */
const PARTS: Record<string, string> = {
  Dialog: 'dialog.js',
  DialogReason: 'dialog.js',
  DialogTurnStatus: 'dialog.js',
  DialogSet: 'dialogSet.js',
  DialogContext: 'dialogContext.js',
  WaterfallDialog: 'waterfallDialog.js',
};

const require = createRequire(import.meta.url);
let loaded: typeof BotkitModule | undefined;

/** The `botkit` module (its controller, `Botkit`), loaded once, without the unused dialog prompts. */
export function loadBotkit(): typeof BotkitModule {
  if (loaded) return loaded;
  const botkitMain = require.resolve('botkit');
  const dialogsMain = createRequire(botkitMain).resolve('botbuilder-dialogs');
  if (!require.cache[dialogsMain]) require.cache[dialogsMain] = slimDialogs(dialogsMain);
  loaded = require(botkitMain) as typeof BotkitModule;
  return loaded;
}

/** Whether the whole of botbuilder-dialogs (its prompts) got loaded after all: for the tests and the memory notes. */
export function wholeDialogsLoaded(): boolean {
  return Object.keys(require.cache).some((p) => p.includes(`${path.sep}botbuilder-dialogs${path.sep}lib${path.sep}prompts${path.sep}`));
}

function slimDialogs(mainPath: string): Module {
  const dir = path.dirname(mainPath);
  let whole: Record<string, unknown> | undefined;
  const loadWhole = (): Record<string, unknown> => {
    if (whole) return whole;
    delete require.cache[mainPath];
    whole = require(mainPath) as Record<string, unknown>;
    return whole;
  };
  const exports = new Proxy({} as Record<string | symbol, unknown>, {
    get(_, name) {
      if (name === '__esModule') return true;
      if (typeof name === 'string' && PARTS[name] && !whole) return (require(path.join(dir, PARTS[name])) as Record<string, unknown>)[name];
      return typeof name === 'string' ? loadWhole()[name] : undefined;
    },
    has: (_, name) => typeof name === 'string' && (name in PARTS || name in loadWhole()),
  });
  const mod = new Module(mainPath);
  mod.filename = mainPath;
  mod.loaded = true;
  mod.exports = exports;
  return mod;
}
