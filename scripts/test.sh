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
mail_box="$(mktemp -d /tmp/doanket-smtp.XXXXXX)"
smtp_pid=""
cleanup() {
  scripts/postgres_sandbox.sh stop "$sandbox" >/dev/null 2>&1 || true
  [[ -n "$smtp_pid" ]] && kill "$smtp_pid" 2>/dev/null || true
  rm -rf "$mail_box"
}
trap cleanup EXIT
DOANKET_TEST_POSTGRES="$(scripts/postgres_sandbox.sh start "$sandbox")"
export DOANKET_TEST_POSTGRES
echo "== PostgreSQL for the tests: $DOANKET_TEST_POSTGRES"

# A real SMTP server on a loopback port (Debian's python3-aiosmtpd) for the notification mail
# tests; what it accepts lands in $mail_box, one folder per recipient (tests/smtp/smtp_sink.py).
/usr/bin/python3 tests/smtp/smtp_sink.py "$mail_box/boxes" >"$mail_box/url" &
smtp_pid=$!
for _ in $(seq 100); do [[ -s "$mail_box/url" ]] && break; sleep 0.1; done
[[ -s "$mail_box/url" ]] || { echo "the test SMTP server did not start" >&2; exit 1; }
DOANKET_TEST_SMTP="$(cat "$mail_box/url")"
DOANKET_TEST_SMTP_DIR="$mail_box/boxes"
export DOANKET_TEST_SMTP DOANKET_TEST_SMTP_DIR
echo "== SMTP for the tests: $DOANKET_TEST_SMTP"

# From the top of the tree, so that the EXIT trap still finds scripts/ and stops the server.
ctest --test-dir build/debug --output-on-failure -j "$(nproc)" --timeout 600
