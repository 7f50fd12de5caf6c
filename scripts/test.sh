#!/usr/bin/env bash
# The README's second command (and CI's): set up, build with ASan+UBSan, start a throwaway
# PostgreSQL server on a loopback port, run every test against SQLite and PostgreSQL, stop it.
# The browser tests (e2e.*) run in headless Chromium; screenshots in build/debug/e2e-artifacts.
set -euo pipefail
cd "$(dirname "$0")/.."
# Under `faketime` around this command (the outside check that no test reads the machine's clock,
# docs/testing.md) libfaketime is preloaded ahead of ASan's runtime, which then must not insist
# on coming first; the build runs the test binaries too (to list their tests). Without a
# preload the option changes nothing.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
scripts/setup.sh debug

sandbox="$(mktemp -d /tmp/doanket-pg.XXXXXX)"
rmdir "$sandbox"  # the sandbox script creates it itself
cleanup() { scripts/postgres_sandbox.sh stop "$sandbox" >/dev/null 2>&1 || true; }
trap cleanup EXIT
DOANKET_TEST_POSTGRES="$(scripts/postgres_sandbox.sh start "$sandbox")"
export DOANKET_TEST_POSTGRES
echo "== PostgreSQL for the tests: $DOANKET_TEST_POSTGRES"

# From the top of the tree, so that the EXIT trap still finds scripts/ and stops the server.
ctest --test-dir build/debug --output-on-failure -j "$(nproc)" --timeout 600
