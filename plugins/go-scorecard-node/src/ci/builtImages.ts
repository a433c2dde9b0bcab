import { posix } from 'node:path';
import { isMap, isScalar, Node } from 'yaml';
import { BuiltImage, ShellCommand } from '../facts';
import { LineIndex } from '../text/lineIndex';
import { NodeReader } from '../yaml/nodes';
import { parseYaml } from '../yaml/parseYaml';
import { ciFileKind } from './ciFileKind';

/**
 * The images a repository builds, tags or pushes, as its build and CI files say: the commands
 * of {@link imagesBuiltBy} and the build configuration files of {@link imagesBuiltIn}. The k8s
 * checks compare a container's image with them (`k8s/thirdPartyImages.ts`).
 */

/** Tools run as `<tool> build`, `<tool> buildx build`, `<tool> image build|tag|push`. */
const DOCKER_LIKE = new Set(['docker', 'podman', 'nerdctl', 'buildah']);
/** Options of docker & co. before the subcommand that take a value. */
const GLOBAL_VALUE_OPTIONS = new Set([
  '-c',
  '--context',
  '--config',
  '-H',
  '--host',
  '-l',
  '--log-level',
  '--root',
  '--runroot',
  '--storage-driver',
  '--url',
  '--connection',
  '-n',
  '--namespace',
  '--address',
]);
const BUILDS = new Set([
  'build',
  'bud',
  'buildx build',
  'buildx b',
  'image build',
  'builder build',
]);
const TAGS = new Set(['tag', 'image tag']);
const PUSHES = new Set(['push', 'image push', 'buildx imagetools create']);
/** `ko` subcommands that build images (named by ko itself). */
const KO_BUILDS = new Set([
  'build',
  'publish',
  'resolve',
  'apply',
  'create',
  'run',
]);

/** The values of an option: `-t X`, `-t=X`, `-tX` (one-letter), `--tag X`, `--tag=X`. */
function optionValues(args: string[], names: string[]): string[] {
  const values: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') break;
    for (const name of names) {
      if (arg === name && i + 1 < args.length) values.push(args[++i]);
      else if (arg.startsWith(`${name}=`))
        values.push(arg.slice(name.length + 1));
      else if (
        /^-[A-Za-z]$/.test(name) &&
        arg.startsWith(name) &&
        arg.length > 2
      )
        values.push(arg.slice(2));
    }
  }
  return values;
}

/** Arguments that are not options (nor the value of `--platform`). */
function positionals(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--platform') i++;
    else if (!args[i].startsWith('-')) out.push(args[i]);
  }
  return out;
}

/** `$X` and `${X}` of a word replaced with what the command's environment gives them. */
function expandShell(word: string, env: Record<string, string>): string {
  return word.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (ref, braced, bare) => {
      const value = env[braced ?? bare];
      return value !== undefined && !value.includes('$') ? value : ref;
    },
  );
}

/** The subcommand words after the tool and its global options: `buildx build`, `push`. */
function subcommand(args: string[]): { words: string; rest: string[] } {
  let i = 0;
  while (i < args.length && args[i].startsWith('-')) {
    i += GLOBAL_VALUE_OPTIONS.has(args[i]) ? 2 : 1;
  }
  const first = args[i];
  const second = args[i + 1];
  const third = args[i + 2];
  for (const words of [[first, second, third], [first, second], [first]]) {
    const joined = words.join(' ');
    if (BUILDS.has(joined) || TAGS.has(joined) || PUSHES.has(joined))
      return { words: joined, rest: args.slice(i + words.length) };
  }
  return { words: first ?? '', rest: args.slice(i + 1) };
}

/** The images one command builds, tags or pushes (`image` absent: builds one it does not name). */
function commandImages(command: ShellCommand): (string | undefined)[] {
  const [tool, ...args] = command.argv;
  if (!tool) return [];
  const name = posix.basename(tool);
  if (DOCKER_LIKE.has(name)) {
    const { words, rest } = subcommand(args);
    if (BUILDS.has(words)) {
      const tags = optionValues(rest, ['-t', '--tag']);
      return tags.length ? tags : [undefined];
    }
    if (TAGS.has(words)) return positionals(rest).slice(-1);
    if (PUSHES.has(words)) {
      const tags = optionValues(rest, ['-t', '--tag']);
      return tags.length ? tags : positionals(rest);
    }
    return [];
  }
  if (name === 'executor' || name === 'kaniko') {
    const destinations = optionValues(args, ['-d', '--destination']);
    return destinations.length ? destinations : [undefined];
  }
  if (name === 'ko' && KO_BUILDS.has(args[0] ?? '')) return [undefined];
  if (name === 'pack' && args[0] === 'build') {
    const named = args[1] && !args[1].startsWith('-') ? [args[1]] : [];
    const tags = [...named, ...optionValues(args.slice(1), ['-t', '--tag'])];
    return tags.length ? tags : [undefined];
  }
  if (name === 'gcloud' && args[0] === 'builds' && args[1] === 'submit') {
    const tags = optionValues(args.slice(2), ['-t', '--tag']);
    return tags.length ? tags : [undefined];
  }
  return [];
}

/**
 * The images the commands of build and CI files build, tag or push: `docker|podman|nerdctl
 * build -t X` (also `buildx build`, `image build`, `--tag X`, `--tag=X`), `buildah bud -t X`,
 * `docker tag A X`, `docker push X`, kaniko `--destination X`, `pack build X`, `gcloud builds
 * submit --tag X`. A build that names no image (`docker build .`), and `ko build|resolve|apply`
 * (ko names its images), give a {@link BuiltImage} without `image`. `$X`/`${X}` are expanded
 * from the command's environment (Make variables are already expanded).
 */
export function imagesBuiltBy(commands: ShellCommand[]): BuiltImage[] {
  const out: BuiltImage[] = [];
  for (const command of commands) {
    for (const image of commandImages(command)) {
      const ref = {
        path: command.path,
        line: command.line,
        snippet: command.snippet,
      };
      const written = image && expandShell(image, command.env);
      out.push(written ? { ...ref, image: written } : ref);
    }
  }
  return out;
}

/** Reads one YAML build configuration file into the images it builds. */
class YamlImages {
  readonly out: BuiltImage[] = [];
  private readonly index: LineIndex;
  private lines!: ReturnType<typeof parseYaml>['lines'];
  private r!: NodeReader;

  constructor(private readonly path: string, private readonly text: string) {
    this.index = new LineIndex(text);
  }

  /** Runs `read` on each document; an unreadable file counts as a build that names no image. */
  readAll(read: (root: Node | undefined) => void): BuiltImage[] {
    try {
      const { docs, lines } = parseYaml(this.text);
      this.lines = lines;
      for (const doc of docs) {
        if (doc.errors.length) throw new Error('invalid YAML');
        this.r = new NodeReader(doc);
        read(this.r.resolve(doc.contents));
      }
    } catch {
      return [this.at(undefined, undefined)];
    }
    return this.out;
  }

  get reader(): NodeReader {
    return this.r;
  }

  at(node: Node | undefined, image: string | undefined): BuiltImage {
    const offset = node?.range?.[0] ?? 0;
    const line = this.lines ? this.lines.linePos(offset).line : 1;
    const ref = { path: this.path, line, snippet: this.index.snippet(line) };
    return image ? { ...ref, image } : ref;
  }

  add(node: Node | undefined, image: string | undefined) {
    this.out.push(this.at(node, image));
  }
}

/** Items of a GitHub Actions list input: one per line or comma-separated. */
function listInput(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map(s => s.trim())
    .filter(Boolean);
}

/**
 * The images of GitHub Actions `docker/build-push-action` steps: their `with.tags`, with
 * `${{ env.X }}` from the workflow's, job's and step's `env`, and `${{ steps.<id>.outputs.tags }}`
 * from a `docker/metadata-action` step's `images`. A step without tags names no image.
 */
function workflowImages(path: string, text: string): BuiltImage[] {
  const y = new YamlImages(path, text);
  return y.readAll(root => {
    const r = y.reader;
    const envOf = (node: unknown, inherited: Record<string, string>) => {
      const env = { ...inherited };
      const map = r.get(node, 'env');
      if (isMap(map))
        for (const pair of map.items) {
          const v = r.resolve(pair.value);
          if (isScalar(pair.key) && isScalar(v) && v.value !== null)
            env[String(pair.key.value)] = String(v.value);
        }
      return env;
    };
    const workflowEnv = envOf(root, {});
    const jobs = r.get(root, 'jobs');
    if (!isMap(jobs)) return;
    for (const job of jobs.items) {
      const jobEnv = envOf(job.value, workflowEnv);
      const steps = r.items(r.get(job.value, 'steps'));
      const metadata = new Map<string, string[]>();
      for (const step of steps) {
        const uses = r.string(step, 'uses') ?? '';
        const env = envOf(step, jobEnv);
        const expand = (s: string) =>
          s.replace(/\$\{\{\s*env\.([A-Za-z_][\w]*)\s*\}\}/g, (ref, name) =>
            env[name] !== undefined && !env[name].includes('${{')
              ? env[name]
              : ref,
          );
        const id = r.string(step, 'id');
        if (uses.startsWith('docker/metadata-action') && id) {
          const images = r.string(step, 'with', 'images') ?? '';
          metadata.set(
            id,
            images
              .split('\n')
              .map(
                line =>
                  /(?:^|,)\s*name=([^,]+)/.exec(line)?.[1] ??
                  line.split(',')[0],
              )
              .map(s => expand(s.trim()))
              .filter(Boolean),
          );
        }
        if (!uses.startsWith('docker/build-push-action')) continue;
        const tagsNode = r.get(step, 'with', 'tags');
        const tags = r.string(step, 'with', 'tags');
        if (!tags) {
          y.add(r.get(step, 'uses'), undefined);
          continue;
        }
        for (const tag of listInput(tags)) {
          const fromMeta =
            /^\$\{\{\s*steps\.([\w-]+)\.outputs\.tags\s*\}\}$/.exec(tag);
          const images = fromMeta ? metadata.get(fromMeta[1]) : undefined;
          for (const image of images ?? [expand(tag)]) y.add(tagsNode, image);
        }
      }
    }
  });
}

/** The `image` of each skaffold artifact, also under `profiles[].build`. */
function skaffoldImages(path: string, text: string): BuiltImage[] {
  const y = new YamlImages(path, text);
  return y.readAll(root => {
    const r = y.reader;
    const builds = [
      r.get(root, 'build'),
      ...r.items(r.get(root, 'profiles')).map(p => r.get(p, 'build')),
    ];
    for (const build of builds) {
      for (const artifact of r.items(r.get(build, 'artifacts'))) {
        y.add(
          r.get(artifact, 'image') ?? artifact,
          r.string(artifact, 'image'),
        );
      }
    }
  });
}

/** Compose services with `build:`: their `image:`, or an unnamed build when there is none. */
function composeImages(path: string, text: string): BuiltImage[] {
  const y = new YamlImages(path, text);
  return y.readAll(root => {
    const r = y.reader;
    const services = r.get(root, 'services');
    if (!isMap(services)) return;
    for (const service of services.items) {
      if (!r.pair(service.value, 'build')) continue;
      const image = r.get(service.value, 'image');
      y.add(
        image ?? (service.key as Node | undefined),
        r.string(service.value, 'image'),
      );
    }
  });
}

/** Tiltfile `docker_build`, `custom_build`, `ko_build` and `docker_build_with_restart` calls. */
function tiltfileImages(path: string, text: string): BuiltImage[] {
  const index = new LineIndex(text);
  const out: BuiltImage[] = [];
  const call =
    /\b(?:docker_build|docker_build_with_restart|custom_build|ko_build)\s*\(\s*(?:ref\s*=\s*)?(?:(['"])([^'"\n]*)\1)?/g;
  for (const m of text.matchAll(call)) {
    const line = index.lineOf(m.index ?? 0);
    const ref = { path, line, snippet: index.snippet(line) };
    out.push(m[2] ? { ...ref, image: m[2] } : ref);
  }
  return out;
}

/**
 * The images a build configuration file builds: GitHub Actions `docker/build-push-action`
 * steps, `skaffold*.yaml` artifacts, `docker-compose*.yml`/`compose*.yaml` services with
 * `build:`, Tiltfile build calls. Any other file gives none. A file that does not parse
 * counts as one build that names no image.
 */
export function imagesBuiltIn(path: string, text: string): BuiltImage[] {
  const name = posix.basename(path);
  if (ciFileKind(path) === 'github-actions') {
    return text.includes('docker/build-push-action')
      ? workflowImages(path, text)
      : [];
  }
  if (/^skaffold[\w.-]*\.ya?ml$/.test(name)) return skaffoldImages(path, text);
  if (/^(docker-)?compose[\w.-]*\.ya?ml$/.test(name))
    return /^\s*build:/m.test(text) ? composeImages(path, text) : [];
  if (name === 'Tiltfile') return tiltfileImages(path, text);
  return [];
}
