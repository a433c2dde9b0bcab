import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultOrgPolicy } from '@internal/plugin-go-scorecard-node';
import { OrgPolicyFileError, readOrgPolicyFile } from './orgPolicyFile';

const dir = mkdtempSync(join(tmpdir(), 'gss-policy-'));
/** Writes `text` to a file of the temp folder, and names it as typed `org/<name>`. */
function file(name: string, text: string) {
  writeFileSync(join(dir, name), text);
  return { typed: `org/${name}`, resolved: join(dir, name) };
}

describe('readOrgPolicyFile', () => {
  it('reads the keys of goScorecard.policy from YAML and from JSON', async () => {
    const yaml = file(
      'policy.yaml',
      '# the org\nmaxWaiverDays: 90\nallowTurningOff: [grpc-deprecated-dial]\nseverityOverrides:\n  k8s-prestop: error\n',
    );
    const expected = {
      maxWaiverDays: 90,
      allowTurningOff: ['grpc-deprecated-dial'],
      severityOverrides: { 'k8s-prestop': 'error' },
    };
    expect(await readOrgPolicyFile(yaml)).toEqual(expected);
    const json = file('policy.json', JSON.stringify(expected));
    expect(await readOrgPolicyFile(json)).toEqual(expected);
  });

  it('takes the defaults for keys left out, and for an empty file', async () => {
    expect(
      await readOrgPolicyFile(file('short.yaml', 'maxWaiverDays: 30\n')),
    ).toEqual({ ...defaultOrgPolicy, maxWaiverDays: 30 });
    expect(await readOrgPolicyFile(file('empty.yaml', ''))).toEqual(
      defaultOrgPolicy,
    );
  });

  it.each([
    [
      'maxWaiverDays: 0\n',
      '--policy org/bad.yaml: maxWaiverDays: expected a whole number of days from 1, got 0',
    ],
    [
      'maxWaiverDay: 30\n',
      '--policy org/bad.yaml: unknown key "maxWaiverDay" (expected maxWaiverDays, allowTurningOff, severityOverrides)',
    ],
    [
      'severityOverrides:\n  k8s-prestop: fatal\n',
      '--policy org/bad.yaml: severityOverrides.k8s-prestop: expected error, warning or info, got "fatal"',
    ],
    [
      'allowTurningOff: [no-such-check]\n',
      /^--policy org\/bad\.yaml: allowTurningOff\[0\]: unknown check "no-such-check" \(known: go-get-install, /,
    ],
    ['- 90\n', '--policy org/bad.yaml: expected a mapping'],
    [
      'maxWaiverDays: [90\n',
      /^--policy org\/bad\.yaml: not YAML or JSON: .* at line \d+, column \d+$/,
    ],
    [
      '{"maxWaiverDays": 90',
      /^--policy org\/bad\.yaml: not YAML or JSON: .*line 1/,
    ],
  ])('names the file and the key of %j in one line', async (text, message) => {
    const error = await readOrgPolicyFile(file('bad.yaml', text)).catch(e => e);
    expect(error).toBeInstanceOf(OrgPolicyFileError);
    expect(error.message).toMatch(
      typeof message === 'string'
        ? new RegExp(`^${escape(message)}$`)
        : message,
    );
    expect(error.message).not.toContain('\n');
  });

  it('says a file is missing or a folder, as typed and as resolved, without errno text', async () => {
    await expect(
      readOrgPolicyFile({ typed: 'org.yaml', resolved: join(dir, 'no.yaml') }),
    ).rejects.toThrow(
      new OrgPolicyFileError(
        `--policy org.yaml: file not found (resolved to ${join(
          dir,
          'no.yaml',
        )})`,
      ),
    );
    await expect(
      readOrgPolicyFile({ typed: dir, resolved: dir }),
    ).rejects.toThrow(
      new OrgPolicyFileError(`--policy ${dir}: file is a folder, not a file`),
    );
  });

  it('says a file cannot be read', async () => {
    if (process.getuid?.() === 0) return; // root reads anything
    const locked = file('locked.yaml', 'maxWaiverDays: 30\n');
    chmodSync(locked.resolved, 0o000);
    await expect(readOrgPolicyFile(locked)).rejects.toThrow(
      /^--policy org\/locked\.yaml: file cannot be read: permission denied \(resolved to .*\)$/,
    );
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
