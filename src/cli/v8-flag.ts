// A V8 flag the CLI sets for its own process (the library leaves its host's
// engine alone), unless Node was started with that flag: the user's choice wins.
import { setFlagsFromString } from 'node:v8';

/**
 * Whether Node was started with V8 flag `name` (`--name`, `--name=…` or
 * `--name …`, dashes or underscores), on its command line or in NODE_OPTIONS.
 */
export function givenToNode(name: string, execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  const flag = new RegExp(`^--${name.replace(/[-_]/g, '[-_]')}(?:=|$)`);
  return execArgv.some((arg) => flag.test(arg)) || (nodeOptions ?? '').split(/\s+/).some((arg) => flag.test(arg));
}

/** Sets `--name=value` (a boolean: `--name` or `--no-name`) for the whole process, unless Node was given the flag either way. Returns whether it was set. */
export function setV8Flag(name: string, value: number | boolean, execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  if (givenToNode(name, execArgv, nodeOptions) || (typeof value === 'boolean' && (givenToNode(`no-${name}`, execArgv, nodeOptions) || givenToNode(`no${name}`, execArgv, nodeOptions)))) return false;
  try {
    setFlagsFromString(typeof value === 'boolean' ? `--${value ? '' : 'no-'}${name}` : `--${name}=${value}`);
    return true;
  } catch {
    // A V8 that freezes its flags after start: its own policy, as without the setting.
    return false;
  }
}
