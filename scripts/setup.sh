#!/usr/bin/env bash
# Installs what Đoàn Kết needs on Debian 12 and builds it.
#   scripts/setup.sh release   the optimised binary (build/release/src/doanket)
#   scripts/setup.sh debug     ASan+UBSan build with the tests (build/debug)
#   scripts/setup.sh bench     optimised build with the benchmarks (build/bench)
# It also builds the web app (web/dist) and installs the browser tests' playwright-core; re-runs
# skip every step that has nothing new to do.
set -euo pipefail
preset="${1:-release}"
cd "$(dirname "$0")/.."

packages=(
  cmake ninja-build g++ pkg-config git clang-format zlib1g-dev
  libsqlite3-dev sqlite3 libpq-dev postgresql libicu-dev
  libfmt-dev libcli11-dev libspdlog-dev
  libxlsxwriter-dev libzip-dev libexpat1-dev
  libboost-json1.81-dev libboost1.81-dev
  librestinio-dev libasio-dev libhttp-parser-dev libsodium-dev libcurl4-openssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libical-dev  # the tests read the iCalendar feeds back with libical
  clang-16 libclang-rt-16-dev  # the fuzz targets (tests/fuzz): libFuzzer comes with clang
  libcairo2-dev libpango1.0-dev fonts-liberation poppler-utils  # receipt PDFs; tests read them with pdftotext
  libreoffice-writer-nogui  # the tests open the DOCX documents we write and convert them to PDF
  libcmark-gfm-dev libcmark-gfm-extensions-dev  # news articles: Markdown rendered safely
  python3 wrk time curl
  python3-openpyxl  # the tests read the XLSX exports back with openpyxl, a reader we did not write
  python3-aiosmtpd  # the test command's SMTP server, which the notification mail tests send to
  chromium  # the browser tests drive Debian's Chromium; a test tool never downloads its own
)
# Node.js and npm build the web app and run the browser tests. Install Debian's only when there is
# no node at all: a newer Node already on the machine (e.g. NodeSource's) must not be replaced.
command -v node >/dev/null || packages+=(nodejs npm)
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

# Vite 7 needs Node.js 20.19 or newer (Debian 12's own nodejs is 18).
node_version="$(node -p 'process.versions.node')"
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
  echo "Lỗi: cần Node.js 20.19 trở lên để dựng ứng dụng web (Vite 7), máy này có $node_version." >&2
  echo "Error: building the web app (Vite 7) needs Node.js 20.19 or newer; this machine has $node_version." >&2
  echo "Debian 12's nodejs is 18: install a newer Node.js (e.g. from NodeSource), then run this again." >&2
  exit 1
fi

# npm ci only when package-lock.json changed since the last install (its sha256 in a stamp file).
npm_ci() {
  local folder="$1" stamp="$1/node_modules/.doanket-lock.sha256" lock
  lock="$(sha256sum "$folder/package-lock.json" | cut -d' ' -f1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$lock" ]]; then
    return
  fi
  echo "== npm ci in $folder"
  (cd "$folder" && npm ci --no-audit --no-fund)
  mkdir -p "$folder/node_modules"  # npm makes none for a package without dependencies
  echo "$lock" >"$stamp"
}

if [[ -f web/package.json ]]; then
  npm_ci web
  # Build only when a source file (anything but node_modules and dist) is newer than the last build.
  if [[ ! -f web/dist/index.html ]] ||
     [[ -n "$(find web \( -path web/node_modules -o -path web/dist \) -prune -o -type f -newer web/dist/index.html -print -quit)" ]]; then
    echo "== building the web app (web/dist)"
    (cd web && npm run build)
  fi
fi
npm_ci tests/e2e

echo "== building ($preset)"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
