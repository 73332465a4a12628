#!/usr/bin/env bash
# `help install` of one uv-managed project (Tests/Fixtures/monorepo/uv-lib, with uv.lock) with
# pip and with uv, side by side in one run, each from cold caches (its own XDG cache, pip cache
# and uv cache) and again after deleting .venv with the caches warm; beside them the same by
# hand, `uv sync --locked`. Needs uv (HELP_UV=/path/to/uv or on PATH) and PyPI.
# Usage: Benchmarks/install-uv-pip.sh [PROJECT_DIR]; HELP_BIN=/path/to/help measures another binary.
. "$(dirname "$0")/common.sh"
[ "$#" -gt 0 ] || source_project="$root/Tests/Fixtures/monorepo/uv-lib"
uv="${HELP_UV:-$(command -v uv || true)}"
[ -x "$uv" ] || { echo "uv not found: set HELP_UV=/path/to/uv" >&2; exit 69; }
export NO_COLOR=1 UV_PYTHON_DOWNLOADS=never HELP_UV="$uv" HELP_POETRY=/nonexistent/poetry

for installer in pip uv; do
  project="$work/$installer"; cp -R "$source_project" "$project"; rm -rf "$project/.venv"
  export HELP_INSTALLER=$installer XDG_CACHE_HOME="$work/cache-$installer" \
    PIP_CACHE_DIR="$work/pip-cache-$installer" UV_CACHE_DIR="$work/uv-cache-$installer"
  cold=$(cd "$project" && seconds "$help_bin" install)
  rm -rf "$project/.venv"
  warm=$(cd "$project" && seconds "$help_bin" install)
  printf 'help install with %-3s  cold caches %6.2f s   .venv deleted, caches warm %6.2f s\n' "$installer" "$cold" "$warm"
done
project="$work/by-hand"; cp -R "$source_project" "$project"; rm -rf "$project/.venv"
export UV_CACHE_DIR="$work/uv-cache-by-hand"
cold=$(cd "$project" && seconds "$uv" sync --locked)
rm -rf "$project/.venv"
warm=$(cd "$project" && seconds "$uv" sync --locked)
printf 'by hand: uv sync --locked  cold caches %6.2f s   .venv deleted, caches warm %6.2f s\n' "$cold" "$warm"
