import { GoFileFacts, GoModule } from '../facts';

/**
 * The module a Go file belongs to: the one whose directory is the longest prefix of the
 * file's directory (nested modules own their subtrees), or undefined outside every module.
 */
export function moduleOfFile(
  modules: readonly GoModule[],
  file: Pick<GoFileFacts, 'dir'>,
): GoModule | undefined {
  let best: GoModule | undefined;
  for (const m of modules) {
    const owns =
      m.dir === '.' || file.dir === m.dir || file.dir.startsWith(`${m.dir}/`);
    if (owns && (!best || m.dir.length > best.dir.length || best.dir === '.'))
      best = m;
  }
  return best;
}
