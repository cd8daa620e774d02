#!/usr/bin/env bash
# rlbook against Jupyter Book 1 on one synthetic book: 17 chapters × 6 cells, one display
# formula per chapter (bench/jupyter-book/make_books.py writes both forms). Jupyter Book and
# its Python kernel come from PyPI into the virtual environment .build/bench-venv; rlbook is
# this checkout's release build, with the RL library already built.
#
# For each scenario the two tools run in turn, RUNS times (cold builds: HEAVY_RUNS), so that
# background load hits both alike; the script prints each median and the ratio.
#   cold build       every output and cache removed (Jupyter Book's _build, which holds its
#                    notebook cache; rlbook's site/ and .rlbook-cache/)
#   no-op rebuild    nothing changed
#   one-cell edit    chapter 1's first cell changed, so exactly that chapter runs again
# Jupyter Book executes notebooks with `execute_notebooks: cache` (jupyter-cache), the
# setting that reuses unchanged notebooks, as rlbook reuses unchanged chapters.
#
# Usage: bench/against-jupyter-book.sh [RUNS]   (default 5; HEAVY_RUNS default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
RUNS=${1:-5}
HEAVY_RUNS=${HEAVY_RUNS:-3}
swift build -c release --product RL >/dev/null
swift build -c release --product rlbook >/dev/null
RLBOOK=$PWD/.build/release/rlbook
LIB=$PWD/.build/release

bench_venv jupyter_book "jupyter-book<2" ipykernel
VENV=$BENCH_VENV
"$VENV/bin/python" -m ipykernel install --prefix "$PWD/$VENV" --name python3 >/dev/null
export JUPYTER_PATH=$PWD/$VENV/share/jupyter
JB="$VENV/bin/jupyter-book"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 bench/jupyter-book/make_books.py "$WORK"
JBOOK=$WORK/jupyter-book
RBOOK=$WORK/rlbook

jb_build() { "$JB" build --quiet "$JBOOK" >/dev/null 2>&1; }
rl_build() { "$RLBOOK" build --root "$RBOOK" --library-path "$LIB" >/dev/null 2>&1; }
jb_clean() { rm -rf "$JBOOK/_build"; }
rl_clean() { rm -rf "$RBOOK/site" "$RBOOK/.rlbook-cache"; }
counter=0
# Changes the first cell of chapter 1 in both books (a comment with a new number: both tools
# key a cell by its code, so the chapter must run again).
edit_cell() {
  counter=$((counter + 1))
  python3 - "$JBOOK/chapter01.md" "$RBOOK/chapters/01-chapter.md" "$counter" <<'PY'
import re, sys
for path, fence, comment in ((sys.argv[1], "```{code-cell} python3\n", "#"), (sys.argv[2], "```swift\n", "//")):
    text = open(path).read()
    pattern = re.escape(fence) + "(" + re.escape(comment) + r" edit \d+\n)?"
    new = fence + comment + " edit " + sys.argv[3] + "\n"
    text = re.sub(pattern, lambda _: new, text, count=1)
    open(path, "w").write(text)
PY
}

now() { date +%s.%N; }
declare -A samples
# time_pair NAME N SETUP: runs SETUP, then times Jupyter Book, then SETUP and rlbook; N times.
time_pair() {
  local name=$1 n=$2 setup=$3
  for ((i = 0; i < n; i++)); do
    for tool in jb rl; do
      eval "$setup $tool"
      local t0; t0=$(now)
      "${tool}_build" || { echo "$tool build failed in scenario '$name'" >&2; exit 1; }
      samples[$name,$tool]+="$(awk -v a="$(now)" -v b="$t0" 'BEGIN { printf "%.4f", a - b }') "
    done
  done
}

clean() { "${1}_clean"; }
nothing() { :; }
edit() { [ "$1" = jb ] && edit_cell || true; }

bench_header "rlbook against Jupyter Book 1 (synthetic book: 17 chapters × 6 cells)"
echo "Jupyter Book $("$VENV/bin/python" -c 'import jupyter_book; print(jupyter_book.__version__)')"
time_pair "cold build" "$HEAVY_RUNS" clean
jb_build && rl_build
time_pair "no-op rebuild" "$RUNS" nothing
time_pair "one-cell edit" "$RUNS" edit
printf '%-16s %14s %12s %10s\n' "scenario" "Jupyter Book" "rlbook" "ratio"
for name in "cold build" "no-op rebuild" "one-cell edit"; do
  jb=$(median "${samples[$name,jb]}")
  rl=$(median "${samples[$name,rl]}")
  printf '%-16s %12s s %10s s %9s\n' "$name" "$jb" "$rl" "$(awk -v a="$jb" -v b="$rl" 'BEGIN { printf "%.1f×", a / b }')"
done
echo "(medians; cold builds over $HEAVY_RUNS runs, the rest over $RUNS; ratio = Jupyter Book / rlbook)"
