#!/usr/bin/env bash
# The whole test suite: what `.ci/run` runs and the README's test command.
#  1. installs what the build and the end-to-end tests need (scripts/bootstrap.sh --test);
#  2. `swift test`: unit, property, differential and socket tests of every target;
#  3. the end-to-end suites in Tests/EndToEnd (pytest): real clients (redis-cli, redis-py)
#     and a real browser (Playwright driving Debian's chromium) against `creators serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh --test
swift build --product creators
swift test
if compgen -G "Tests/EndToEnd/test_*.py" > /dev/null; then
  CREATORS_BINARY="$(swift build --show-bin-path)/creators" python3 -m pytest -q Tests/EndToEnd
fi
