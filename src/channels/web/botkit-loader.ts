/**
 * Loads Botkit's controller and botbuilder-adapter-web with only the parts of the Bot
 * Framework SDK the web chat uses.
 *
 * Both packages require whole SDK packages for a few classes: the adapter and Botkit
 * require `botbuilder` (the Bot Framework service adapters, Teams, streaming) for
 * classes of `botbuilder-core` that it re-exports; Botkit requires `botbuilder-dialogs`,
 * whose index also loads its prompts and Microsoft's recognizers-text suites, for its
 * dialog set, and its own `./adapter` (a BotFrameworkAdapter) for when it is given no
 * adapter. Loaded whole, Botkit adds ~46 MB resident to the adapter's ~48 MB; loaded
 * this way both together cost about what the adapter alone cost before.
 *
 * How: before either package is first required, require's cache (which Node documents
 * as writable) gets, under the exact path each resolves, a module whose exports come
 * from the small part on first use — and anything else from the whole package, so a
 * feature we do not use still works and only costs the memory. A package already
 * loaded whole is used as is. The classes are the packages' own (same files, same
 * modules), so `instanceof` holds either way.
 */
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import type * as WebAdapterModule from 'botbuilder-adapter-web';
import type * as BotkitModule from 'botkit';

/** botbuilder-dialogs' exports that Botkit's controller touches, by the file that defines them. */
const DIALOG_PARTS: Record<string, string> = {
  Dialog: 'dialog.js',
  DialogReason: 'dialog.js',
  DialogTurnStatus: 'dialog.js',
  DialogSet: 'dialogSet.js',
  DialogContext: 'dialogContext.js',
  WaterfallDialog: 'waterfallDialog.js',
};

const require = createRequire(import.meta.url);
let installed = false;

/** botbuilder-adapter-web (its `WebAdapter`), on botbuilder-core alone. */
export function loadWebAdapter(): typeof WebAdapterModule {
  installPartialModules();
  return require('botbuilder-adapter-web') as typeof WebAdapterModule;
}

/** The `botkit` module (its controller, `Botkit`), without the dialog prompts and the Bot Framework adapter. */
export function loadBotkit(): typeof BotkitModule {
  installPartialModules();
  return require('botkit') as typeof BotkitModule;
}

/** The packages loaded whole so far, of those this file loads in part: for the tests and the memory notes. */
export function wholeLoaded(): string[] {
  const paths = Object.keys(require.cache);
  const whole = (dir: string) => paths.some((p) => p.includes(`${path.sep}node_modules${path.sep}${dir}${path.sep}`));
  return [
    ...(whole(path.join('botbuilder-dialogs', 'lib', 'prompts')) ? ['botbuilder-dialogs'] : []),
    ...(whole(path.join('botbuilder', 'lib', 'streaming')) ? ['botbuilder'] : []),
  ];
}

function installPartialModules(): void {
  if (installed) return;
  installed = true;
  const botkitMain = require.resolve('botkit');
  const fromBotkit = createRequire(botkitMain);
  const botbuilderMain = createRequire(require.resolve('botbuilder-adapter-web')).resolve('botbuilder');
  if (fromBotkit.resolve('botbuilder') !== botbuilderMain) throw new Error('botkit and botbuilder-adapter-web resolve different copies of botbuilder');

  const core = createRequire(botbuilderMain)('botbuilder-core') as Record<string, unknown>;
  partial(botbuilderMain, (name) => (name in core ? core[name] : undefined));

  const dialogsMain = fromBotkit.resolve('botbuilder-dialogs');
  const dialogsDir = path.dirname(dialogsMain);
  partial(dialogsMain, (name) => (DIALOG_PARTS[name] ? (require(path.join(dialogsDir, DIALOG_PARTS[name])) as Record<string, unknown>)[name] : undefined));

  // Botkit builds its BotFrameworkAdapter only when it is given no adapter.
  partial(path.join(path.dirname(botkitMain), 'adapter.js'), () => undefined);
}

/**
 * Puts in require's cache, at `mainPath`, a module whose exports are `part(name)` where
 * that is defined, and the whole module's (loaded then, once) for every other name.
 */
function partial(mainPath: string, part: (name: string) => unknown): void {
  if (require.cache[mainPath]) return;
  let whole: Record<string | symbol, unknown> | undefined;
  const loadWhole = () => {
    if (!whole) {
      delete require.cache[mainPath];
      whole = require(mainPath) as Record<string | symbol, unknown>;
    }
    return whole;
  };
  const exports = new Proxy({} as Record<string | symbol, unknown>, {
    get(_, name) {
      if (name === '__esModule') return true;
      if (!whole && typeof name === 'string') {
        const value = part(name);
        if (value !== undefined) return value;
      }
      return loadWhole()[name];
    },
    has: (_, name) => name in loadWhole(),
    ownKeys: () => Reflect.ownKeys(loadWhole()),
    getOwnPropertyDescriptor: (_, name) => {
      const d = Reflect.getOwnPropertyDescriptor(loadWhole(), name);
      return d && { ...d, configurable: true };
    },
  });
  const mod = new Module(mainPath);
  mod.filename = mainPath;
  mod.loaded = true;
  mod.exports = exports;
  require.cache[mainPath] = mod;
}
