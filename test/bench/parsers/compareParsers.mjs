/**
 * yarn bench:parsers — web-tree-sitter (what the analyzer uses) against the native `tree-sitter`
 * Node binding, on the Go corpus of `yarn bench:analyzer` (issue 13, target 2).
 *
 * 1. Installs `tree-sitter` and `tree-sitter-go` with `npm install --prefix <tmp>` twice, each with
 *    an empty npm cache: first with a PATH that holds only `node` and `sh` (a machine without a
 *    compiler toolchain: no python, make or cc), then with the machine's own PATH. Prints for each
 *    whether it worked, how long it took and whether each addon is a prebuilt binary
 *    (`prebuilds/<platform>`) or was compiled by node-gyp (`build/Release`). Lists the prebuilds
 *    the packages ship and the libstdc++ version the Linux ones need.
 * 2. Generates the analyzer bench's corpus (test/bench/analyzer/corpus.ts, 40 services of ~512 KiB
 *    of Go) and adds the Go files of examples/.
 * 3. Checks that both parsers give the same tree (rootNode.toString() and node count) on the
 *    examples and a few generated files.
 * 4. Parses every Go file with each parser, each pass in a fresh child process, in turn, BENCH_RUNS
 *    times (default 5): prints the median MB/s and peak RSS of each and the native/web ratio.
 *    Only the parse calls are timed (files are read outside the clock).
 *
 * Nothing is added to the repository: the native packages live in the temporary folder, removed
 * at the end (KEEP_TMP=1 keeps it). TREE_SITTER_VERSION overrides the native binding's version.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { install, machineGlibcxx, prebuilds } from './installFacts.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const analyzerDir = join(repo, 'plugins/go-scorecard-node');
const analyzerRequire = createRequire(join(analyzerDir, 'package.json'));
const runs = Number(process.env.BENCH_RUNS ?? 5);

// ---------------------------------------------------------------- child passes

/** web-tree-sitter loaded and called as src/go/GoParser.ts does (wasm bytes, 5 s budget callback). */
async function webParser() {
  const { Parser, Language } = await import(
    pathToFileURL(analyzerRequire.resolve('web-tree-sitter')).href
  );
  await Parser.init();
  const wasm = await readFile(
    analyzerRequire.resolve('tree-sitter-go/tree-sitter-go.wasm'),
  );
  const language = await Language.load(wasm);
  const parser = new Parser();
  parser.setLanguage(language);
  return {
    parse(text) {
      const deadline = Date.now() + 5000;
      const tree = parser.parse(text, null, {
        progressCallback: () => Date.now() > deadline,
      });
      if (!tree) throw new Error('web-tree-sitter gave up');
      return tree;
    },
    free: tree => tree.delete(),
  };
}

/** The native binding from the temporary install. */
function nativeParser(prefix) {
  const req = createRequire(join(prefix, 'package.json'));
  const Parser = req('tree-sitter');
  const Go = req('tree-sitter-go');
  const parser = new Parser();
  parser.setLanguage(Go);
  return {
    // The same 5 s budget the analyzer gives web-tree-sitter, so both pay for the callback.
    parse(text) {
      const deadline = Date.now() + 5000;
      const tree = parser.parse(text, null, {
        progressCallback: () => Date.now() > deadline,
      });
      if (!tree) throw new Error('tree-sitter gave up');
      return tree;
    },
    free: () => {}, // native trees have no delete(): the garbage collector frees them
  };
}

async function child([mode, which, prefix, listFile]) {
  const files = JSON.parse(readFileSync(listFile, 'utf8'));
  const p = which === 'web' ? await webParser() : nativeParser(prefix);
  if (mode === 'trees') {
    const out = files.map(file => {
      const tree = p.parse(readFileSync(file, 'utf8'));
      const s = tree.rootNode.toString();
      const r = {
        file,
        nodes: tree.rootNode.descendantCount,
        hasError: tree.rootNode.hasError,
        sha256: createHash('sha256').update(s).digest('hex'),
      };
      p.free(tree);
      return r;
    });
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return;
  }
  let bytes = 0;
  let ns = 0n;
  for (const file of files) {
    // Read as the analyzer reads: asynchronously, so the event loop turns between files (the
    // native binding's tree finalizers run on a later turn; a synchronous loop never frees).
    const buf = await readFile(file);
    const text = buf.toString('utf8');
    bytes += buf.length;
    const start = process.hrtime.bigint();
    p.free(p.parse(text));
    ns += process.hrtime.bigint() - start;
  }
  const hwm = /VmHWM:\s+(\d+) kB/.exec(
    readFileSync('/proc/self/status', 'utf8'),
  );
  process.stdout.write(
    `${JSON.stringify({
      parser: which,
      files: files.length,
      bytes,
      ms: Number(ns) / 1e6,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      vmHwmMiB: hwm ? Number(hwm[1]) / 1024 : undefined,
    })}\n`,
  );
}

// ---------------------------------------------------------------- corpus and passes

function listGo(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') listGo(p, out);
    } else if (e.name.endsWith('.go')) out.push(p);
  }
  return out;
}

function generateCorpus(root) {
  const corpusTs = join(repo, 'test/bench/analyzer/corpus.ts');
  const out = execFileSync(
    process.execPath,
    [
      '--require',
      createRequire(join(repo, 'package.json')).resolve(
        '@backstage/cli/config/nodeTransform.cjs',
      ),
      '-e',
      `const s = require(${JSON.stringify(
        corpusTs,
      )}).generateCorpus(${JSON.stringify(
        root,
      )}, 40, 512 * 1024); console.log(JSON.stringify({ files: s.files, goBytes: s.goBytes }))`,
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').pop());
}

function pass(mode, which, prefix, listFile) {
  const out = execFileSync(
    process.execPath,
    [fileURLToPath(import.meta.url), '--child', mode, which, prefix, listFile],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  return JSON.parse(out.trim().split('\n').pop());
}

/** The package.json of a package the analyzer depends on (its exports may hide it). */
function packageJson(name) {
  let dir = dirname(analyzerRequire.resolve(name));
  while (
    !existsSync(join(dir, 'package.json')) ||
    JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== name
  )
    dir = dirname(dir);
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function cpuModel() {
  try {
    const m = /model name\s*:\s*(.*)/.exec(
      readFileSync('/proc/cpuinfo', 'utf8'),
    );
    return m ? m[1] : 'unknown CPU';
  } catch {
    return 'unknown CPU';
  }
}

async function main() {
  const tmp = mkdtempSync(join(tmpdir(), 'go-scorecard-parsers-'));
  try {
    const goPkg = packageJson('tree-sitter-go');
    const webPkg = packageJson('web-tree-sitter');
    // tree-sitter-go 0.25.0 wants tree-sitter ^0.25.0; 0.25.1 is the newest of that line.
    const versions = {
      native: process.env.TREE_SITTER_VERSION ?? '0.25.1',
      go: goPkg.version,
    };
    console.log(
      `machine: ${cpuModel()}, ${(
        await import('node:os')
      ).availableParallelism()} cores, Node ${process.version}, ${
        process.platform
      }-${process.arch}`,
    );
    console.log(
      `web-tree-sitter ${webPkg.version} + tree-sitter-go ${goPkg.version} wasm (the analyzer) ` +
        `against tree-sitter ${versions.native} + tree-sitter-go ${versions.go} (native)`,
    );

    // 1. install facts
    const bare = join(tmp, 'bin-node-only');
    mkdirSync(bare);
    symlinkSync(process.execPath, join(bare, 'node'));
    symlinkSync('/bin/sh', join(bare, 'sh'));
    const bareEnv = { ...process.env, PATH: bare };
    delete bareEnv.PYTHON;
    delete bareEnv.npm_config_python;
    const noToolchain = install(
      'no-toolchain',
      join(tmp, 'native-no-toolchain'),
      tmp,
      versions,
      bareEnv,
    );
    const withToolchain = install(
      'with-toolchain',
      join(tmp, 'native'),
      tmp,
      versions,
      process.env,
    );
    const describe = (label, r) =>
      console.log(
        `install ${label}: ${r.ok ? 'ok' : 'FAILED'} in ${r.seconds.toFixed(
          1,
        )} s (empty npm cache); tree-sitter: ${
          r.ok ? r.treeSitter : '-'
        }; tree-sitter-go: ${r.ok ? r.treeSitterGo : '-'}; node-gyp ran: ${
          r.ranNodeGyp ? 'yes' : 'no'
        }${r.ok ? '' : `; ${r.errorLine ?? 'see the log'}`}`,
      );
    describe('without a compiler toolchain (PATH = node, sh)', noToolchain);
    describe('with the machine toolchain', withToolchain);
    if (!withToolchain.ok) {
      console.log(
        `the native binding did not install; log: ${withToolchain.log}`,
      );
      process.exitCode = 1;
      return;
    }
    const prefix = join(tmp, 'native');
    for (const pkg of ['tree-sitter', 'tree-sitter-go']) {
      const p = prebuilds(prefix, pkg);
      console.log(
        `${pkg} prebuilds${
          p.napi ? ' (N-API: one binary for every Node ABI)' : ''
        }: ${p.platforms.join(', ') || 'none'}`,
      );
    }
    const have = machineGlibcxx();
    if (have) console.log(`this machine's libstdc++: GLIBCXX_3.4.${have}`);

    // 2. corpus
    const corpusRoot = join(tmp, 'corpus');
    const stats = generateCorpus(corpusRoot);
    const examples = listGo(join(repo, 'examples'));
    const files = [...listGo(corpusRoot), ...examples];
    const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
    console.log(
      `corpus: ${files.length} Go files, ${(bytes / 1e6).toFixed(1)} MB ` +
        `(${
          files.length - examples.length
        } from bench:analyzer's generated corpus of ` +
        `${stats.files} files, ${examples.length} from examples/)`,
    );
    const listFile = join(tmp, 'files.json');
    writeFileSync(listFile, JSON.stringify(files));

    // 3. same trees
    const sample = [...examples, ...files.slice(0, 5)];
    const sampleFile = join(tmp, 'sample.json');
    writeFileSync(sampleFile, JSON.stringify(sample));
    const webTrees = pass('trees', 'web', prefix, sampleFile);
    const nativeTrees = pass('trees', 'native', prefix, sampleFile);
    const differ = webTrees.filter(
      (w, i) =>
        w.sha256 !== nativeTrees[i].sha256 || w.nodes !== nativeTrees[i].nodes,
    );
    console.log(
      `same tree (rootNode.toString() and node count): ${
        sample.length - differ.length
      }/${sample.length} files${
        differ.length ? `; differ: ${differ.map(d => d.file).join(', ')}` : ''
      }`,
    );
    if (differ.length) process.exitCode = 1;

    // 4. speed and memory, in turn
    const kinds = ['web', 'native'];
    const label = {
      web: `web-tree-sitter ${webPkg.version}`,
      native: `tree-sitter ${versions.native} (native)`,
    };
    const measured = { web: [], native: [] };
    for (let i = 0; i < runs; i++)
      for (const which of kinds)
        measured[which].push(pass('parse', which, prefix, listFile));
    const summary = {};
    for (const which of kinds) {
      const ps = measured[which];
      const mbs = ps.map(p => p.bytes / 1e6 / (p.ms / 1000));
      summary[which] = {
        mbs: median(mbs),
        min: Math.min(...mbs),
        max: Math.max(...mbs),
        rss: median(ps.map(p => p.maxRssMiB)),
      };
      console.log(
        `${label[which].padEnd(30)} ${summary[which].mbs
          .toFixed(2)
          .padStart(6)} MB/s (median of ${runs}; min ${summary[
          which
        ].min.toFixed(2)}, max ${summary[which].max.toFixed(
          2,
        )})  peak RSS ${summary[which].rss.toFixed(0)} MiB`,
      );
    }
    console.log(
      `native / web: ${(summary.native.mbs / summary.web.mbs).toFixed(
        2,
      )}x the speed, ${(summary.native.rss / summary.web.rss).toFixed(
        2,
      )}x the peak RSS`,
    );
  } finally {
    if (process.env.KEEP_TMP) console.log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child')
  child(process.argv.slice(3)).catch(e => {
    process.stderr.write(`${e?.stack ?? e}\n`);
    process.exit(1);
  });
else
  main().catch(e => {
    process.stderr.write(`${e?.stack ?? e}\n`);
    process.exit(1);
  });
