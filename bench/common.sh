# Sourced by every script in bench/: one header, one virtual environment for the peers, one
# median. Not run on its own.

# The benchmarks' peers (Gymnasium, JAX, Jupyter Book) live in one virtual environment.
BENCH_VENV=.build/bench-venv

# bench_header TITLE: what ran, when, and on what machine, so any figure can be traced.
bench_header() {
  echo "$1"
  echo "date $(date -u +%Y-%m-%d) · $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" \
    "(family $(grep -m1 'cpu family' /proc/cpuinfo | cut -d: -f2 | tr -d ' ')) · $(nproc) cores" \
    "· $(swift --version 2>&1 | head -1) · rlbook $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
}

# bench_venv MODULE PIP-SPEC…: makes sure the venv exists and can import MODULE, installing
# the packages from PyPI when it cannot.
bench_venv() {
  local module=$1
  shift
  if [ ! -x "$BENCH_VENV/bin/python" ] || ! "$BENCH_VENV/bin/python" -c "import $module" 2>/dev/null; then
    echo "installing $* from PyPI into $BENCH_VENV…"
    [ -x "$BENCH_VENV/bin/python" ] || python3 -m venv "$BENCH_VENV"
    "$BENCH_VENV/bin/pip" install --quiet "$@"
  fi
}

# median VALUES…: the median of numbers separated by spaces or newlines (the mean of the
# middle two when there is an even count), whole above 1,000 and to four figures below.
median() {
  tr ' ' '\n' <<<"$*" | grep . | sort -g | awk '{ v[NR] = $1 }
    END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
          if (m >= 1000) printf "%.0f", m; else printf "%.4g", m }'
}
