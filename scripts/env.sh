# Source this file (". scripts/env.sh") to get Node 22+ and Yarn 4 on PATH.
#
# Where the machine's Node already is 22 or 24 this changes nothing but corepack's
# registry. Otherwise it installs the npm registry's `node@22` package into a cache
# folder (once), puts its bin first on PATH and points node-gyp at its headers, so
# native addons (better-sqlite3) build for the same ABI that runs them.
# It reads the registry from npm's own config; no host is written here.

_gss_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

_gss_bootstrap() {
  local cache="${GO_SCORECARD_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/go-scorecard/node22}"
  local major
  major=$(_gss_node_major)
  if [ "$major" != 22 ] && [ "$major" != 24 ]; then
    # The package ships the binary and headers of this platform in node_modules/node-<os>-<arch>.
    local os dist
    os=$(uname -s | tr '[:upper:]' '[:lower:]')
    dist=$(ls -d "$cache"/node_modules/node/node_modules/node-"$os"-*/ 2>/dev/null | head -n 1 || true)
    if [ -z "$dist" ] || [ ! -x "$dist/bin/node" ]; then
      echo "[env] Node $major found; installing node@22 into $cache" >&2
      mkdir -p "$cache"
      npm install --prefix "$cache" --no-save --no-package-lock --loglevel=error node@22 >&2 || return 1
      dist=$(ls -d "$cache"/node_modules/node/node_modules/node-"$os"-*/ | head -n 1)
    fi
    dist="${dist%/}"
    export PATH="$dist/bin:$PATH"
    export npm_config_nodedir="$dist"
    # node-gyp reads this too; it wins over the machine's npmrc `nodedir`.
    export NPM_CONFIG_NODEDIR="$dist"
  fi
  local registry
  registry=$(npm config get registry 2>/dev/null)
  registry="${registry%/}"
  [ -n "$registry" ] && export COREPACK_NPM_REGISTRY="$registry"
  export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
  local bindir
  bindir="$(dirname "$(command -v node)")"
  if [ ! -e "$bindir/yarn" ] || ! yarn --version >/dev/null 2>&1; then
    # corepack writes its shims beside node; with the machine's node that needs root.
    corepack enable --install-directory "$bindir" >&2 2>/dev/null || corepack enable >&2
  fi
  echo "[env] node $(node --version), yarn $(yarn --version)" >&2
}

_gss_bootstrap
