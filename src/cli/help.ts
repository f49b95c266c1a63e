// The help in the chosen language. The English texts are where each command
// is defined (commands/*.ts); the French ones are here, keyed by command and
// flag ("analyze --out", "* --text" for a flag several commands share), and
// put in place of the English ones once the commands are defined. A flag
// without a French text keeps its English one: test/cli/lang.test.ts lists them.
import type { Argument, Command, Help, Option } from 'commander';
import type { CliMessages } from './messages.js';
import { HELP_FR } from './help-fr.js';

const TITLES_FR: Record<string, string> = {
  'Usage:': 'Usage :',
  'Arguments:': 'Arguments :',
  'Options:': 'Options :',
  'Commands:': 'Commandes :',
  'Global Options:': 'Options globales :',
};

/** Help settings the subcommands inherit: set on the program before the commands are added. */
export function configureHelpLanguage(program: Command, m: CliMessages): void {
  if (m.lang === 'en') {
    program.configureHelp({ showGlobalOptions: true });
    return;
  }
  program
    .helpOption('-h, --help', "afficher l'aide de la commande")
    .helpCommand('help [commande]', "afficher l'aide d'une commande")
    .configureHelp({
      showGlobalOptions: true,
      styleTitle: (title) => TITLES_FR[title] ?? title,
      optionDescription: (option) => withExtras(option.description, option.argChoices, shownDefault(option)),
      argumentDescription: (argument) => withExtras(argument.description, argument.argChoices, argument.defaultValue === undefined ? undefined : argument.defaultValueDescription ?? JSON.stringify(argument.defaultValue)),
    } satisfies Partial<Help>);
}

/** The default commander shows for an option (none for a boolean flag). */
function shownDefault(option: Option): string | undefined {
  if (option.defaultValue === undefined) return undefined;
  const shown = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
  return shown ? (option.defaultValueDescription ?? JSON.stringify(option.defaultValue)) : undefined;
}

function withExtras(description: string, choices: readonly string[] | undefined, shown: string | undefined): string {
  const extras: string[] = [];
  if (choices) extras.push(`valeurs : ${choices.map((c) => JSON.stringify(c)).join(', ')}`);
  if (shown !== undefined) extras.push(`par défaut : ${shown}`);
  return extras.length === 0 ? description : `${description} (${extras.join(', ')})`.trimStart();
}

/** Where each help text of a command tree goes: its key in `HELP_FR`, and how to set it. */
function* helpItems(command: Command, path = ''): Generator<{ key: string; fallback?: string; set(text: string): void }> {
  yield { key: path === '' ? 'verbatim' : path, set: (text) => void command.description(text) };
  for (const option of command.options) {
    const flag = option.long ?? option.short ?? option.flags;
    yield { key: `${path} ${flag}`.trim(), fallback: `* ${flag}`, set: (text) => void (option.description = text) };
  }
  for (const argument of command.registeredArguments as readonly Argument[]) {
    yield { key: `${path} <${argument.name()}>`.trim(), fallback: `* <${argument.name()}>`, set: (text) => void (argument.description = text) };
  }
  for (const sub of command.commands) yield* helpItems(sub, `${path} ${sub.name()}`.trim());
}

/** Puts the French help texts in place once every command is defined (nothing to do in English). */
export function translateHelp(program: Command, m: CliMessages): void {
  if (m.lang === 'en') return;
  for (const item of helpItems(program)) {
    const text = HELP_FR[item.key] ?? (item.fallback === undefined ? undefined : HELP_FR[item.fallback]);
    if (text !== undefined) item.set(text);
  }
}

/** The help texts with no French text (for the test that keeps the catalogue whole). */
export function untranslatedHelp(program: Command): string[] {
  return [...helpItems(program)].filter((item) => HELP_FR[item.key] === undefined && (item.fallback === undefined || HELP_FR[item.fallback] === undefined)).map((item) => item.key);
}

/** Commander's own error lines ("error: unknown option '--x'") in the chosen language. */
export function translateCommanderError(text: string, m: CliMessages): string {
  if (m.lang === 'en') return text;
  const rules: Array<[RegExp, string]> = [
    [/^error: unknown option '(.+?)'/, "erreur : option inconnue '$1'"],
    [/^error: unknown command '(.+?)'/, "erreur : commande inconnue '$1'"],
    [/^error: missing required argument '(.+?)'/, "erreur : argument obligatoire manquant '$1'"],
    [/^error: option '(.+?)' argument missing/, "erreur : l'option '$1' attend une valeur"],
    [/^error: required option '(.+?)' not specified/, "erreur : l'option obligatoire '$1' n'est pas donnée"],
    [/^error: option '(.+?)' argument '(.*?)' is invalid\. Allowed choices are (.+)\./, "erreur : l'option '$1' ne prend pas la valeur '$2' ; valeurs possibles : $3."],
    [/^error: command-argument value '(.*?)' is invalid for argument '(.+?)'\. Allowed choices are (.+)\./, "erreur : l'argument '$2' ne prend pas la valeur '$1' ; valeurs possibles : $3."],
    [/^error: too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\./, "erreur : trop d'arguments : $2 attendu(s), $3 donné(s)."],
    [/\(Did you mean (.+?)\?\)/, '(vouliez-vous dire $1 ?)'],
    [/^error: /, 'erreur : '],
  ];
  let out = text;
  for (const [pattern, replacement] of rules) out = out.replace(pattern, replacement);
  return out;
}
