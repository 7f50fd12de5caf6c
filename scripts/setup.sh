#!/usr/bin/env bash
# Installs what Đoàn Kết needs on Debian 12 and builds it.
#   scripts/setup.sh release   the optimised binary (build/release/src/doanket)
#   scripts/setup.sh debug     ASan+UBSan build with the tests (build/debug)
#   scripts/setup.sh bench     optimised build with the benchmarks (build/bench)
set -euo pipefail
preset="${1:-release}"
cd "$(dirname "$0")/.."

packages=(
  cmake ninja-build g++ pkg-config git
  libsqlite3-dev sqlite3 libpq-dev postgresql libicu-dev
  libfmt-dev libcli11-dev libspdlog-dev
  libxlsxwriter-dev libzip-dev libexpat1-dev
  libboost-json1.81-dev libboost1.81-dev
  librestinio-dev libasio-dev libhttp-parser-dev libsodium-dev libcurl4-openssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 wrk time curl
)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "== installing: ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

echo "== building ($preset)"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
