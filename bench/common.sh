# Sourced by every script in bench/, from the repository root: one way to get the built
# products, one header, one virtual environment for the peers, one median. Not run on its own.
#
# Settings (environment variables):
#   BENCH_PREBUILT=DIR  use the release products already in DIR (rlbook with its
#                       rlbook_BookCompiler.resources bundle, libRL.so, Modules/, and
#                       rl-bench for bench/tabular.sh) instead of running `swift build`
#   BENCH_VENV=DIR      the peers' virtual environment (default .build/bench-venv)

# The benchmarks' peers (Gymnasium, JAX, Jupyter Book) live in one virtual environment.
BENCH_VENV=${BENCH_VENV:-.build/bench-venv}
case $BENCH_VENV in /*) ;; *) BENCH_VENV=$PWD/$BENCH_VENV ;; esac

# bench_build [PRODUCT…]: the release-built RL library and the named products (rlbook,
# rl-bench). Builds them with `swift build -c release`, or, when BENCH_PREBUILT=DIR is set,
# checks that DIR holds them. Sets LIB, the folder with libRL.so and Modules/ (what rlbook's
# --library-path takes), which also holds the products, and RLBOOK, the rlbook binary.
bench_build() {
  if [ -n "${BENCH_PREBUILT:-}" ]; then
    LIB=$(cd "$BENCH_PREBUILT" && pwd)
    local need
    for need in libRL.so Modules "$@"; do
      if [ ! -e "$LIB/$need" ]; then
        echo "BENCH_PREBUILT=$BENCH_PREBUILT holds no $need (copy it from .build/release/)" >&2
        exit 1
      fi
    done
  else
    swift build -c release --product RL >/dev/null
    local product
    for product in "$@"; do
      swift build -c release --product "$product" >/dev/null
    done
    LIB=$PWD/.build/release
  fi
  RLBOOK=$LIB/rlbook
}

# bench_header TITLE: what ran, when, and on what machine, so any figure can be traced.
bench_header() {
  local origin
  origin="commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  if [ -n "${BENCH_PREBUILT:-}" ]; then
    origin="prebuilt products in $BENCH_PREBUILT (libRL.so of $(date -u -r "$LIB/libRL.so" '+%Y-%m-%d %H:%M'))"
  fi
  echo "$1"
  echo "date $(date -u '+%Y-%m-%d %H:%M UTC') · $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" \
    "(family $(grep -m1 'cpu family' /proc/cpuinfo | cut -d: -f2 | tr -d ' ')) · $(nproc) cores" \
    "· $(swift --version 2>&1 | head -1) · $origin"
}

# bench_venv MODULE PIP-SPEC [MODULE PIP-SPEC]…: makes sure the venv exists and can import
# each MODULE, installing from PyPI the PIP-SPEC of every module it cannot import.
bench_venv() {
  [ -x "$BENCH_VENV/bin/python" ] || python3 -m venv "$BENCH_VENV"
  local missing=()
  while [ $# -ge 2 ]; do
    "$BENCH_VENV/bin/python" -c "import $1" 2>/dev/null || missing+=("$2")
    shift 2
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]} from PyPI into $BENCH_VENV…"
    "$BENCH_VENV/bin/pip" install --quiet "${missing[@]}"
  fi
}

# median VALUES…: the median of numbers separated by spaces or newlines (the mean of the
# middle two when there is an even count), whole above 1,000 and to four figures below.
median() {
  tr ' ' '\n' <<<"$*" | grep . | sort -g | awk '{ v[NR] = $1 }
    END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
          if (m >= 1000) printf "%.0f", m; else printf "%.4g", m }'
}

# now: the wall clock in seconds, to the nanosecond; since T0: the seconds since T0.
now() { date +%s.%N; }
since() { awk -v a="$(now)" -v b="$1" 'BEGIN { printf "%.4f", a - b }'; }
