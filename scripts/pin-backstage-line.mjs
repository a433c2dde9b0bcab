#!/usr/bin/env node
// Keeps every @backstage/* package in yarn.lock on one Backstage release line.
//
// Workspaces pin their direct @backstage dependencies exactly, to the release in
// backstage.json. Caret ranges still let transitive @backstage packages float onto later
// lines, and a mix of lines fails at runtime. This finds the newest publish time among the
// exact pins (the release's cut-off), then pins every @backstage package in yarn.lock to its
// highest stable version published by then, as root `resolutions`.
// Usage: node scripts/pin-backstage-line.mjs && yarn install   (repeat until "stable")
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';

const readJson = path => JSON.parse(readFileSync(path, 'utf8'));
const publishTimes = name =>
  JSON.parse(
    execFileSync('npm', ['view', name, 'time', '--json'], { encoding: 'utf8' }),
  );

const manifests = ['packages', 'plugins']
  .flatMap(dir => readdirSync(dir).map(d => `${dir}/${d}/package.json`))
  .filter(existsSync)
  .concat('package.json')
  .map(readJson);
const exactPins = new Map();
for (const m of manifests) {
  for (const deps of [m.dependencies, m.devDependencies]) {
    for (const [name, range] of Object.entries(deps ?? {})) {
      if (name.startsWith('@backstage/') && /^\d+\.\d+\.\d+$/.test(range)) {
        exactPins.set(name, range);
      }
    }
  }
}

let cutoff = '';
for (const [name, version] of exactPins) {
  const t = publishTimes(name)[version];
  if (t > cutoff) cutoff = t;
}
console.log(
  `release cut-off: ${cutoff} (newest of ${exactPins.size} exact pins)`,
);

const locked = new Set(
  [
    ...readFileSync('yarn.lock', 'utf8').matchAll(/^"?(@backstage\/[^@"]+)@/gm),
  ].map(m => m[1]),
);
const cmp = (a, b) => {
  const [x, y] = [a, b].map(v => v.split('.').map(Number));
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

const pkg = readJson('package.json');
const resolutions = { ...pkg.resolutions };
let changed = 0;
for (const name of [...locked].sort()) {
  const times = publishTimes(name);
  const inLine = Object.keys(times)
    .filter(v => /^\d+\.\d+\.\d+$/.test(v) && times[v] <= cutoff)
    .sort(cmp);
  const pinned = exactPins.get(name) ?? inLine.pop();
  if (pinned && resolutions[name] !== pinned) {
    console.log(`${name}: ${resolutions[name] ?? '(free)'} -> ${pinned}`);
    resolutions[name] = pinned;
    changed++;
  }
}
pkg.resolutions = Object.fromEntries(
  Object.entries(resolutions).sort(([a], [b]) => a.localeCompare(b)),
);
writeFileSync('package.json', `${JSON.stringify(pkg, null, 2)}\n`);
console.log(
  changed
    ? `${changed} pins changed: run yarn install, then this again`
    : 'stable',
);
