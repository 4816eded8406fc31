#!/usr/bin/env bash
# Refresh the dependency lock on purpose: resolve pyproject's ranges (runtime, dev and installer extras) and
# the build tools to exact versions with hashes, for every platform the installers target (--universal).
# This is the only way a new upstream version reaches a developer, CI or a customer's build; review the
# diff, run .ci/run, and commit requirements/lock.txt with the change that needed it.
#   scripts/lock.sh                    # keep what is pinned, add what is new
#   scripts/lock.sh --upgrade          # take the newest versions pyproject allows
#   scripts/lock.sh --upgrade-package cryptography
set -euo pipefail
cd "$(dirname "$0")/.."
UV=${UV:-.venv/bin/uv}
[ -x "$UV" ] || { echo "lock: $UV not found; run scripts/bootstrap.sh first (uv is a locked dev tool)" >&2; exit 2; }
"$UV" pip compile pyproject.toml requirements/build.in \
    --extra dev --extra installer \
    --universal --python-version 3.11 --generate-hashes \
    --index-url https://pypi.org/simple --quiet \
    --custom-compile-command "scripts/lock.sh" \
    -o requirements/lock.txt "$@"
echo "lock: requirements/lock.txt refreshed; review \`git diff requirements/lock.txt\`, then run .ci/run"
