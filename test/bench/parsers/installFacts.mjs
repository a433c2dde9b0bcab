/**
 * Install facts for compareParsers.mjs: how the native tree-sitter binding installs (prebuilt
 * or compiled, with or without a compiler on PATH) and which prebuilds it ships.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, join } from 'node:path';

// ---------------------------------------------------------------- install facts

export function findOnPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const f = join(dir, name);
    if (dir && existsSync(f)) return realpathSync(f);
  }
  throw new Error(`${name} not found on PATH`);
}

/** How an installed addon package got its binary. */
export function addonSource(prefix, pkg) {
  const dir = join(prefix, 'node_modules', pkg);
  if (!existsSync(dir)) return 'missing';
  const release = join(dir, 'build', 'Release');
  if (
    existsSync(release) &&
    readdirSync(release).some(f => f.endsWith('.node'))
  )
    return 'compiled by node-gyp (build/Release)';
  return 'prebuilt (prebuilds/)';
}

export function install(label, prefix, tmp, versions, env) {
  mkdirSync(prefix, { recursive: true });
  const start = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [
      findOnPath('npm'),
      'install',
      '--prefix',
      prefix,
      `tree-sitter@${versions.native}`,
      `tree-sitter-go@${versions.go}`,
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--foreground-scripts',
      '--cache',
      join(tmp, `npm-cache-${label}`),
    ],
    { env, encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const log = `${r.stdout}\n${r.stderr}`;
  writeFileSync(join(tmp, `install-${label}.log`), log);
  return {
    ok: r.status === 0,
    seconds,
    ranNodeGyp: /gyp info|gyp ERR/.test(log),
    errorLine: (log.match(/gyp ERR! stack Error: .*|npm error .*/) ?? [])[0],
    treeSitter: addonSource(prefix, 'tree-sitter'),
    treeSitterGo: addonSource(prefix, 'tree-sitter-go'),
    log: join(tmp, `install-${label}.log`),
  };
}

export const glibcxx = buf =>
  [...buf.toString('latin1').matchAll(/GLIBCXX_3\.4\.(\d+)/g)]
    .map(m => Number(m[1]))
    .reduce((a, b) => Math.max(a, b), 0);

/** The prebuilds a package ships, with the libstdc++ (GLIBCXX_3.4.N) each Linux one needs. */
export function prebuilds(prefix, pkg) {
  const dir = join(prefix, 'node_modules', pkg);
  const pj = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const root = join(dir, 'prebuilds');
  const platforms = existsSync(root) ? readdirSync(root).sort() : [];
  return {
    napi: Boolean(pj.dependencies?.['node-addon-api']),
    platforms: platforms.map(p => {
      if (!p.startsWith('linux')) return p;
      const need = readdirSync(join(root, p))
        .filter(f => f.endsWith('.node'))
        .map(f => glibcxx(readFileSync(join(root, p, f))))
        .reduce((a, b) => Math.max(a, b), 0);
      return need ? `${p} (needs GLIBCXX_3.4.${need})` : p;
    }),
  };
}

export function machineGlibcxx() {
  for (const f of [
    '/lib/x86_64-linux-gnu/libstdc++.so.6',
    '/usr/lib/x86_64-linux-gnu/libstdc++.so.6',
    '/lib/aarch64-linux-gnu/libstdc++.so.6',
    '/usr/lib64/libstdc++.so.6',
  ])
    if (existsSync(f)) return glibcxx(readFileSync(f));
  return 0;
}
