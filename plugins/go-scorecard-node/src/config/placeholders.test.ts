import { resolvePlaceholders } from './placeholders';

describe('resolvePlaceholders', () => {
  const keys: Record<string, string> = { 'endpoints.users': 'users:9000' };
  const valueOf = (key: string) => keys[key];

  it('takes the value a file gives the key, else the default, else nothing', () => {
    expect(resolvePlaceholders('${endpoints.users:other:1}', valueOf)).toBe(
      'users:9000',
    );
    expect(resolvePlaceholders('${LEDGER_ADDR:ledger:9000}', valueOf)).toBe(
      'ledger:9000',
    );
    expect(resolvePlaceholders('${LEDGER_ADDR}', valueOf)).toBe('');
  });

  it('resolves each placeholder of a value and leaves other text as written', () => {
    expect(
      resolvePlaceholders('dns:///${HOST:cart}.${NS:shop}:7070', valueOf),
    ).toBe('dns:///cart.shop:7070');
    expect(resolvePlaceholders('cart:7070', valueOf)).toBe('cart:7070');
  });
});
