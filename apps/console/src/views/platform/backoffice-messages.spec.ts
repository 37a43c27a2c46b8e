import finance from '../finance/messages';
import shop from '../shop/messages';
import supervisor from '../supervisor/messages';
import platform from './messages';

/** Every key path of a messages tree; plural forms (`_one`, `_other`) count as their base key, as each language has its own. */
function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = `${prefix}${key.replace(/_(one|other|few|many|zero|two)$/, '')}`;
    return typeof value === 'object' && value !== null ? keysOf(value as object, `${path}.`) : [path];
  });
}
const unique = (keys: string[]) => [...new Set(keys)].sort();

describe('the back-office views’ words', () => {
  it.each([
    ['supervisor', supervisor],
    ['finance', finance],
    ['shop', shop],
    ['platform', platform],
  ])('given the %s namespace, then Chinese and English say the same things', (_name, messages) => {
    expect(unique(keysOf(messages.zh))).toEqual(unique(keysOf(messages.en)));
  });
});
