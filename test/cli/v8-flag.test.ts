// Which V8 flags Node was started with: the CLI sets its own only where the user set none.
import { describe, expect, it } from 'vitest';
import { givenToNode } from '../../src/cli/v8-flag.js';

describe('givenToNode', () => {
  it.each([
    [['--interrupt-budget=1000'], undefined],
    [['--interrupt_budget=1000'], undefined],
    [['--interrupt-budget', '1000'], undefined],
    [[], '--max-old-space-size=900 --interrupt-budget=1000'],
    [[], '  --interrupt_budget=1000  '],
  ])('sees the flag in %j / NODE_OPTIONS %j', (execArgv, nodeOptions) => {
    expect(givenToNode('interrupt-budget', execArgv, nodeOptions)).toBe(true);
  });

  it.each([
    [[], undefined],
    [['--interrupt-budget-for-feedback-allocation=940'], undefined],
    [['--enable-source-maps'], '--interrupt-budget-factor-for-feedback-allocation=8'],
    [['--no-interrupt-budget'], ''],
  ])('does not take another flag for it: %j / %j', (execArgv, nodeOptions) => {
    expect(givenToNode('interrupt-budget', execArgv, nodeOptions)).toBe(false);
  });
});
