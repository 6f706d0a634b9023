# Shared by deploy/up, deploy/down, deploy/status and tests/run: installing the Debian packages
# the project needs and building it. Source it; it defines functions and WF_ROOT/WF_BUILD_DIR.
set -euo pipefail

WF_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WF_BUILD_DIR="${WF_BUILD_DIR:-$WF_ROOT/build}"
export WF_STACK_STATE_DIR="${WF_STACK_STATE_DIR:-$WF_ROOT/.wf}"

# Everything the build, the tests and the local stack use, from Debian 12's archive.
WF_PACKAGES=(
  g++ cmake ninja-build pkg-config ccache curl ca-certificates
  qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-l10n-tools
  libqt6sql6-psql qtkeychain-qt6-dev libpq-dev librdkafka-dev libhiredis-dev libyaml-cpp-dev prometheus-cpp-dev prometheus
  postgresql pgbouncer redis-server nginx
  jq nodejs npm
  clang libclang-rt-14-dev
  xvfb libqt6svg6
)

wf_say() { printf '==> %s\n' "$*"; }

# Installed, or provided by an installed package (NodeSource's nodejs provides and conflicts
# with Debian's npm: installing npm then would replace that nodejs).
# (No "| grep -q" here: under pipefail, grep leaving early fails the pipeline with SIGPIPE.)
wf_package_installed() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ] && return 0
  local provided
  provided="$(dpkg-query -W -f='${Status}\t${Provides}\n' 2>/dev/null \
    | awk -F'\t' '$1 == "install ok installed" { print $2 }' | tr ',' '\n' | sed 's/([^)]*)//; s/^ *//; s/ *$//' || true)"
  grep -qxF "$1" <<<"$provided"
}

wf_ensure_packages() {
  local missing=()
  local pkg
  for pkg in "${WF_PACKAGES[@]}" "$@"; do
    wf_package_installed "$pkg" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing Debian packages: ${missing[*]} (run as root, or install them)" >&2
    return 1
  fi
  wf_say "installing ${#missing[@]} Debian package(s): ${missing[*]}"
  # Packages must not start their own services (system PostgreSQL, nginx on :80, …): the
  # project starts its own on its own ports. policy-rc.d is Debian's switch for that.
  local policy=/usr/sbin/policy-rc.d created_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy" && created_policy=1
  fi
  local rc=0
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"; } || rc=$?
  if [ "$created_policy" = 1 ]; then rm -f "$policy"; fi
  return $rc
}

wf_build() {
  if [ "${WF_SKIP_BUILD:-0}" = 1 ]; then
    [ -x "$WF_BUILD_DIR/bin/wf-stack" ] || { echo "WF_SKIP_BUILD=1 but $WF_BUILD_DIR/bin has no wf-stack" >&2; return 1; }
    return 0
  fi
  local type="${WF_BUILD_TYPE:-Release}"
  wf_say "building ($type) in $WF_BUILD_DIR"
  # ccache keys on relative paths below the checkout, so two checkouts share their cache.
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$WF_ROOT}"
  if [ ! -f "$WF_BUILD_DIR/build.ninja" ]; then
    cmake -S "$WF_ROOT" -B "$WF_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="$type" ${WF_CMAKE_ARGS:-} >/dev/null
  fi
  cmake --build "$WF_BUILD_DIR" -j "${WF_BUILD_JOBS:-2}"
}

# Builds `targets…` in the clang build with ASan and UBSan (and libFuzzer's instrumentation) that
# wf_fuzz and wf_sanitize_tests share, build-fuzz/ unless WF_FUZZ_BUILD_DIR says otherwise:
# configured once with the Qt Tests (only what is asked for is built); the compiler's errors
# are shown when the build fails.
#   wf_fuzz_build <dir> <target>…
wf_fuzz_build() {
  local dir="$1"
  shift
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$WF_ROOT}"
  if [ ! -f "$dir/build.ninja" ]; then
    CXX=clang++ cmake -S "$WF_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWF_FUZZ=ON \
      -DWF_BUILD_TESTS=ON -DWF_BUILD_CONSOLE=OFF >/dev/null
  elif grep -q '^WF_BUILD_TESTS:BOOL=OFF' "$dir/CMakeCache.txt"; then
    cmake -S "$WF_ROOT" -B "$dir" -DWF_BUILD_TESTS=ON >/dev/null # made before the sanitizer run
  fi
  if ! cmake --build "$dir" -j "${WF_BUILD_JOBS:-2}" --target "$@" >"$dir/build.log" 2>&1; then
    echo "building $* in $dir failed ($dir/build.log):" >&2
    grep -E -A4 'error:|FAILED:' "$dir/build.log" | head -n 60 >&2 || true
    return 1
  fi
}

# Builds the unit tests (ctest label "unit") in that build and runs them: every test binary under
# ASan and UBSan, failing on a failing test or any report (UBSan aborts, -fno-sanitize-recover;
# LeakSanitizer reports at exit and fails the test). openapi and promtool run node and promtool,
# not our code: the main suite runs them.
wf_sanitize_tests() {
  local dir="${WF_FUZZ_BUILD_DIR:-$WF_ROOT/build-fuzz}"
  wf_say "unit tests under ASan and UBSan (clang; build in $dir)"
  wf_fuzz_build "$dir" unit_tests || return 1
  (
    cd "$dir"
    export ASAN_OPTIONS="detect_leaks=1:check_initialization_order=1:detect_stack_use_after_return=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
    ctest --output-on-failure --no-tests=error -L unit -E '^(openapi_setup|openapi|promtool_.*)$' \
      -j "${WF_TEST_JOBS:-2}" --timeout 600
  )
}

# Builds the libFuzzer targets in that build and runs each for $1 seconds on a copy of its corpus
# (tests/fuzz/corpus/<target>, with tests/fuzz/<target>.dict when there is one); fails on a crash,
# a leak, a sanitizer report or a broken invariant, keeping the input that did it in
# build-fuzz/findings/.
wf_fuzz() {
  local seconds="$1" dir="${WF_FUZZ_BUILD_DIR:-$WF_ROOT/build-fuzz}" rc=0 target work dict
  local targets=(definition template egress request message)
  wf_say "fuzzing ${targets[*]} for ${seconds} s each (libFuzzer, ASan, UBSan; build in $dir)"
  wf_fuzz_build "$dir" "${targets[@]/#/fuzz_}" || return 1
  mkdir -p "$dir/findings"
  for target in "${targets[@]}"; do
    work="$(mktemp -d)"
    cp "$WF_ROOT/tests/fuzz/corpus/$target/"* "$work/"
    dict=()
    if [ -f "$WF_ROOT/tests/fuzz/$target.dict" ]; then dict=(-dict="$WF_ROOT/tests/fuzz/$target.dict"); fi
    if "$dir/bin/fuzz_$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 "${dict[@]}" \
         -artifact_prefix="$dir/findings/$target-" "$work" >"$dir/findings/$target.log" 2>&1; then
      echo "fuzz_$target: clean, $(grep -ao 'stat::number_of_executed_units: [0-9]*' "$dir/findings/$target.log" | awk '{print $2}') inputs"
    else
      echo "fuzz_$target FAILED (input and log in $dir/findings/):" >&2
      tail -n 30 "$dir/findings/$target.log" >&2
      rc=1
    fi
    rm -rf "$work"
  done
  return $rc
}

# Lets many sockets be open at once (a 10,000-connection test needs them): soft limit up to hard.
wf_raise_file_limit() {
  ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
}
