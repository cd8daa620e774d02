#!/usr/bin/env bash
# rlbook against Jupyter Book 1 on one synthetic book: 17 chapters × 6 cells, one display
# formula per chapter (bench/jupyter-book/make_books.py writes both forms: MyST Markdown
# notebooks with Python cells, and rlbook chapters with the same computations in Swift cells).
# Jupyter Book 1 and its Python kernel come from PyPI into the shared virtual environment
# .build/bench-venv; rlbook is the release build, with the RL library already built.
#
# For each scenario the two tools run in turn, RUNS times (cold builds: HEAVY_RUNS), so that
# background load hits both alike; the script prints each median and the ratio.
#   cold build       every output and cache removed: Jupyter Book's _build (which holds its
#                    notebook cache), rlbook's site/, .rlbook-cache/ and recorded outputs
#   no-op rebuild    nothing changed
#   one-cell edit    chapter 1's first cell gets a new statement, so exactly that chapter
#                    (notebook) runs again; the script then checks both outputs show it
# Jupyter Book executes notebooks with `execute_notebooks: cache` (jupyter-cache) in every
# scenario: it reuses the notebooks whose code did not change, as rlbook reuses its chapters.
# In a cold build the cache is empty, so every notebook runs, as with `force`, and the
# results are stored, as rlbook stores its runs.
#
# Usage: bench/against-jupyter-book.sh [RUNS]   (default 5; HEAVY_RUNS default 3;
#        BENCH_PREBUILT and BENCH_VENV as in bench/common.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
RUNS=${1:-5}
HEAVY_RUNS=${HEAVY_RUNS:-3}
bench_build rlbook

bench_venv jupyter_book "jupyter-book<2" ipykernel ipykernel
JB_VERSION=$("$BENCH_VENV/bin/python" -c 'import jupyter_book; print(jupyter_book.__version__)')
if [ "${JB_VERSION%%.*}" != 1 ]; then
  echo "$BENCH_VENV holds Jupyter Book $JB_VERSION; this benchmark is for Jupyter Book 1" >&2
  exit 1
fi
"$BENCH_VENV/bin/python" -m ipykernel install --prefix "$BENCH_VENV" --name python3 >/dev/null
export JUPYTER_PATH=$BENCH_VENV/share/jupyter
JB="$BENCH_VENV/bin/jupyter-book"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 bench/jupyter-book/make_books.py "$WORK"
JBOOK=$WORK/jupyter-book
RBOOK=$WORK/rlbook

jb_build() { "$JB" build --quiet "$JBOOK" >"$WORK/jb.log" 2>&1; }
rl_build() { "$RLBOOK" build --root "$RBOOK" --library-path "$LIB" >"$WORK/rl.log" 2>&1; }
jb_clean() { rm -rf "$JBOOK/_build"; }
rl_clean() { rm -rf "$RBOOK/site" "$RBOOK/.rlbook-cache" "$RBOOK"/chapters/*.out; }
counter=0
# Puts a new first statement into the first cell of chapter 1 in both books, `print("edit",
# N + 1000)` with a new N each time: the code changes, so both tools must run the chapter
# again, and its output changes, so `shown` can tell that they did.
edit_cell() {
  counter=$((counter + 1))
  python3 - "$JBOOK/chapter01.md" "$RBOOK/chapters/01-chapter.md" "$counter" <<'PY'
import re, sys
for path, fence, quote in ((sys.argv[1], "```{code-cell} python3\n", "'"), (sys.argv[2], "```swift\n", '"')):
    text = open(path).read()
    pattern = re.escape(fence) + r"(print\(.edit., \d+ \+ 1000\)\n)?"
    new = fence + "print(" + quote + "edit" + quote + ", " + sys.argv[3] + " + 1000)\n"
    text = re.sub(pattern, lambda _: new, text, count=1)
    open(path, "w").write(text)
PY
}
# shown CHAPTER TEXT: both built books show TEXT among chapter CHAPTER's outputs (Jupyter
# Book's page, rlbook's record), so the cells did run.
shown() {
  local jb_page rl_record
  jb_page=$(printf '%s/_build/html/chapter%02d.html' "$JBOOK" "$1")
  rl_record=$(printf '%s/chapters/%02d-chapter.out' "$RBOOK" "$1")
  grep -q "$2" "$jb_page" || { echo "$jb_page does not show '$2'" >&2; exit 1; }
  grep -q "$2" "$rl_record" || { echo "$rl_record does not show '$2'" >&2; exit 1; }
}

declare -A samples
# time_pair NAME N SETUP: runs SETUP, then times Jupyter Book, then SETUP and rlbook; N times.
time_pair() {
  local name=$1 n=$2 setup=$3
  for ((i = 0; i < n; i++)); do
    for tool in jb rl; do
      "$setup" "$tool"
      local t0; t0=$(now)
      if ! "${tool}_build"; then
        echo "$tool build failed in scenario '$name':" >&2
        tail -20 "$WORK/$tool.log" >&2
        exit 1
      fi
      samples[$name,$tool]+="$(since "$t0") "
    done
  done
}

clean() { "${1}_clean"; }
nothing() { :; }
edit() { [ "$1" = jb ] && edit_cell || true; }

bench_header "rlbook against Jupyter Book 1 (synthetic book: 17 chapters × 6 cells)"
echo "Jupyter Book $JB_VERSION (execute_notebooks: cache) · rlbook $RLBOOK"
time_pair "cold build" "$HEAVY_RUNS" clean
shown 17 "chapter 17 cell 5: "
time_pair "no-op rebuild" "$RUNS" nothing
time_pair "one-cell edit" "$RUNS" edit
shown 1 "edit $((counter + 1000))"
printf '%-16s %14s %12s %10s\n' "scenario" "Jupyter Book" "rlbook" "ratio"
for name in "cold build" "no-op rebuild" "one-cell edit"; do
  jb=$(median "${samples[$name,jb]}")
  rl=$(median "${samples[$name,rl]}")
  printf '%-16s %12s s %10s s %9s\n' "$name" "$jb" "$rl" "$(awk -v a="$jb" -v b="$rl" 'BEGIN { printf "%.1f×", a / b }')"
done
echo "(medians; cold builds over $HEAVY_RUNS runs, the rest over $RUNS; ratio = Jupyter Book / rlbook)"
