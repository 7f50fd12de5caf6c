#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the storage contract tests.
#
#   scripts/postgres_sandbox.sh start DIR   creates a cluster in DIR, starts it on a free loopback
#                                           port and prints its URI (the only line on stdout)
#   scripts/postgres_sandbox.sh stop DIR    stops that cluster and removes DIR
#
# The cluster is ours alone: its data, Unix socket, lock files and logs all live in DIR, it
# listens on 127.0.0.1 only, and it is created with initdb directly, so Debian's managed clusters
# (pg_ctlcluster, /var/lib/postgresql, /var/run/postgresql) are neither needed nor touched.
# fsync stays on because the tests also measure durable commits.
#
# The server binaries refuse to run as root, so as root they run as the `postgres` system user and
# DIR is handed to that user; as any other user they run directly.
#
# PG_BINDIR may name the directory of the server binaries; by default the newest
# /usr/lib/postgresql/*/bin is used (PATH is not consulted, since it may hold a client of another
# version).

set -euo pipefail

readonly first_port=54320
readonly last_port=54999
readonly marker=.postgres_sandbox

die() {
  printf 'postgres_sandbox: %s\n' "$*" >&2
  exit 1
}

usage() {
  die "usage: $0 start DIR | stop DIR"
}

find_bindir() {
  if [[ -n ${PG_BINDIR:-} ]]; then
    [[ -x $PG_BINDIR/postgres ]] || die "PG_BINDIR=$PG_BINDIR holds no postgres binary"
    printf '%s\n' "$PG_BINDIR"
    return
  fi
  local newest
  newest=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1)
  [[ -n $newest && -x $newest/initdb && -x $newest/postgres ]] ||
    die "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (install the postgresql package)"
  printf '%s\n' "$newest"
}

# Runs a server binary as the user that may run it: `postgres` when we are root, ourselves
# otherwise. The working directory is DIR, because root's own (often /root) is not readable by
# `postgres`.
as_owner() {
  if [[ $EUID -eq 0 ]]; then
    (cd "$dir" && runuser -u postgres -- "$@")
  else
    (cd "$dir" && "$@")
  fi
}

# Whether something already listens on the port. `ss` sees every listener; without it, a
# connection attempt through bash's /dev/tcp tells us the same for TCP on loopback.
port_in_use() {
  local port=$1
  if command -v ss >/dev/null 2>&1; then
    [[ -n $(ss -Hltn "sport = :$port" 2>/dev/null) ]]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}

log_tail() {
  local file=$1
  if [[ -f $file ]]; then
    printf -- '--- last lines of %s ---\n' "$file" >&2
    tail -n 30 "$file" >&2 || true
  fi
}

start() {
  local bindir
  bindir=$(find_bindir)

  if [[ -e $dir ]]; then
    [[ -d $dir ]] || die "$dir exists and is not a directory"
    [[ -z $(ls -A "$dir") ]] || die "$dir is not empty; stop the sandbox in it first or choose another directory"
  fi
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd -P)
  mkdir -p "$dir/log"
  touch "$dir/$marker"
  if [[ $EUID -eq 0 ]]; then
    id -u postgres >/dev/null 2>&1 || die "running as root needs a 'postgres' system user to run the server as"
    chown -R postgres:postgres "$dir"
    runuser -u postgres -- test -w "$dir" ||
      die "user postgres cannot write to $dir (is a parent directory closed to it?); choose a directory under /tmp"
  fi

  local data=$dir/data
  local server_log=$dir/log/postgresql.log
  if ! as_owner "$bindir/initdb" -D "$data" -E UTF8 --locale=C.UTF-8 --auth=trust -U postgres \
    >"$dir/log/initdb.log" 2>&1; then
    log_tail "$dir/log/initdb.log"
    die "initdb failed in $data (log above, in $dir/log/initdb.log)"
  fi

  # A Unix socket path ("DIR/.s.PGSQL.PORT") is limited to 107 bytes; a deeper DIR would stop
  # the server from starting, and the tests connect over TCP anyway, so then it has no socket.
  local socket_dir=$dir
  if (( ${#dir} + 15 > 107 )); then
    printf 'postgres_sandbox: %s is too long a path for a Unix socket; the server listens on TCP only\n' "$dir" >&2
    socket_dir=
  fi
  # Quoted for postgresql.conf: a single quote is doubled.
  local quoted_socket_dir=${socket_dir//\'/\'\'}
  as_owner tee -a "$data/postgresql.conf" >/dev/null <<EOF

# Settings of the test sandbox (scripts/postgres_sandbox.sh); the port is given on the command line.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$quoted_socket_dir'
fsync = on
synchronous_commit = on
logging_collector = off
log_min_messages = warning
EOF

  # Another sandbox (a parallel test run) may take a port between our check and the server's
  # bind, so a start that fails for want of the port moves on to the next one.
  local port started=
  for ((port = first_port; port <= last_port; port++)); do
    port_in_use "$port" && continue
    : >"$server_log"
    if [[ $EUID -eq 0 ]]; then chown postgres:postgres "$server_log"; fi
    if as_owner "$bindir/pg_ctl" -D "$data" -l "$server_log" -o "-p $port" -w -t 60 start >>"$dir/log/pg_ctl.log" 2>&1; then
      started=yes
      break
    fi
    if grep -q 'could not bind\|Address already in use\|could not create any TCP/IP sockets' "$server_log"; then
      continue
    fi
    log_tail "$server_log"
    die "the server in $data did not start (log above, in $server_log)"
  done
  [[ -n $started ]] || die "no free port between $first_port and $last_port on 127.0.0.1"

  local attempt
  for ((attempt = 0; attempt < 100; attempt++)); do
    if "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -t 1; then
      printf 'postgresql://postgres@127.0.0.1:%s/postgres\n' "$port"
      return
    fi
    sleep 0.1
  done
  log_tail "$server_log"
  die "the server in $data started but does not accept connections on 127.0.0.1:$port"
}

stop() {
  [[ -d $dir ]] || die "$dir does not exist"
  # Refuse to delete a directory this script did not create: `stop` removes it recursively.
  [[ -e $dir/$marker ]] || die "$dir is not a sandbox made by $0 (no $marker in it); not touching it"
  dir=$(cd "$dir" && pwd -P)
  local data=$dir/data
  if [[ -f $data/postmaster.pid ]]; then
    local bindir
    bindir=$(find_bindir)
    if ! as_owner "$bindir/pg_ctl" -D "$data" -m fast -w -t 60 stop >>"$dir/log/pg_ctl.log" 2>&1; then
      # A stale pid file (the server died) is not an error; a server that will not stop is.
      if as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        log_tail "$dir/log/postgresql.log"
        die "the server in $data did not stop; $dir is left in place"
      fi
    fi
  fi
  rm -rf -- "$dir"
}

[[ $# -eq 2 ]] || usage
dir=$2
[[ -n $dir ]] || usage
case $1 in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
