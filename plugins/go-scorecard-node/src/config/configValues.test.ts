import { inputKind } from '../inputKind';
import { jsonConfigValues, tomlConfigValues } from './configValues';

const lines = (vs: { key: string; value: string; line: number }[]) =>
  vs.map(v => `${v.line} ${v.key}=${v.value}`);

describe('configuration files', () => {
  it('are JSON files named or placed as configuration, and TOML files', () => {
    expect(inputKind('config.json')).toBe('config');
    expect(inputKind('configs/app.json')).toBe('config');
    expect(inputKind('deploy/settings.prod.json')).toBe('config');
    expect(inputKind('configs/app.toml')).toBe('config');
    expect(inputKind('package.json')).toBeUndefined();
    expect(inputKind('tsconfig.json')).toBeUndefined();
    expect(inputKind('web/data.json')).toBeUndefined();
    expect(inputKind('vendor/x/config.json')).toBeUndefined();
  });

  it('give JSON values by dotted key path at their lines, the items of a list under its key', () => {
    const text =
      '{\n  "ledger": {\n    "host": "ledger:9000",\n    "port": 9000\n  },\n  "hosts": ["a", "b"],\n  "peers": [{"host": "x"}]\n}\n';
    expect(lines(jsonConfigValues('config.json', text))).toEqual([
      '3 ledger.host=ledger:9000',
      '4 ledger.port=9000',
      '6 hosts=a',
      '6 hosts=b',
      '7 peers.host=x',
    ]);
  });

  it('give TOML values through tables, dotted keys and inline tables', () => {
    const text = [
      'title = "api"',
      '[ledger]',
      'host = "ledger:9000"',
      'db.name = "ledger"',
      '"quoted key" = "q"',
      'audit = { host = "audit:7000" }',
      '[[servers]]',
      'host = "skipped"',
      '',
    ].join('\n');
    expect(lines(tomlConfigValues('app.toml', text))).toEqual([
      '1 title=api',
      '3 ledger.host=ledger:9000',
      '4 ledger.db.name=ledger',
      '5 ledger.quoted key=q',
      '6 ledger.audit.host=audit:7000',
    ]);
  });

  it('say why a file that does not parse is not read', () => {
    expect(() => jsonConfigValues('config.json', '{"a": ')).toThrow(
      /JSON could not be read/,
    );
    expect(() => tomlConfigValues('app.toml', 'a = = 1')).toThrow(
      /TOML could not be read/,
    );
  });
});
