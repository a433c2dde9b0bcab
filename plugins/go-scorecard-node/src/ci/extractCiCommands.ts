import { ShellCommand } from '../facts';
import { shellCommands } from '../shell/commands';
import { CiFileKind, ciFileKind } from './ciFileKind';
import { dockerfileCommands } from './dockerfile';
import { earthfileCommands } from './earthfile';
import { justfileCommands } from './justfile';
import { jenkinsfileCommands } from './jenkinsfile';
import { makefileCommands } from './makefile';
import { isYamlPipeline, yamlPipelineCommands } from './yamlPipelines';

/**
 * The shell commands of a CI or build file, by its kind ({@link ciFileKind}): YAML
 * pipelines, Makefile recipes, Dockerfile RUN instructions, Jenkinsfile `sh` steps and
 * whole shell scripts. A file of no known kind has none. `kind` is the kind its name gives,
 * unless the caller knows better (a file a GitLab pipeline includes is one whatever its name).
 *
 * @throws Error naming the line when a YAML pipeline does not parse (the caller names the file).
 */
export function extractCiCommands(
  path: string,
  text: string,
  kind: CiFileKind | undefined = ciFileKind(path),
): ShellCommand[] {
  if (kind === undefined) return [];
  if (isYamlPipeline(kind)) return yamlPipelineCommands(path, text, kind);
  switch (kind) {
    case 'makefile':
      return makefileCommands(path, text);
    case 'dockerfile':
      return dockerfileCommands(path, text);
    case 'jenkinsfile':
      return jenkinsfileCommands(path, text);
    case 'justfile':
      return justfileCommands(path, text);
    case 'earthfile':
      return earthfileCommands(path, text);
    default:
      return shellCommands(text, 1, path);
  }
}
