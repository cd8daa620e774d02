#!/usr/bin/env bash
# Rebuild benchmark: how long an author waits. Prints the median (and min/max) of several
# runs for: a cold build (library already built), a no-op rebuild, a prose-only edit, a
# one-cell edit, and `rlbook test`. Also splits one chapter's compile into swiftc's frontend
# and the link, and reports the sum of the chapters' own run times.
#
# It works on a copy of chapters/ in a temporary folder, so the repository is not touched.
# Usage: bench/rebuild.sh [RUNS]   (default 5; cold builds and test runs: HEAVY_RUNS, default 2;
#        QUICK=1 skips those two and the forced build that reports each chapter's times;
#        BENCH_PREBUILT as in bench/common.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
RUNS=${1:-5}
bench_build rlbook
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp -r chapters "$WORK/chapters"
cp book.toml "$WORK/book.toml"
FIRST=$(ls "$WORK"/chapters/*.md | head -1)

# time_it NAME N SETUP COMMAND: runs SETUP then times COMMAND, N times; prints median/min/max.
time_it() {
  local name=$1 n=$2 setup=$3 cmd=$4 times=()
  for ((i = 0; i < n; i++)); do
    eval "$setup"
    local t0; t0=$(now)
    eval "$cmd" >/dev/null 2>&1 || { echo "$name: failed: $cmd" >&2; exit 1; }
    times+=("$(since "$t0")")
  done
  printf '%-28s median %7.3f s   min %7.3f s   max %7.3f s   (%d runs)\n' "$name" \
    "$(median "${times[*]}")" "$(printf '%s\n' "${times[@]}" | sort -g | head -1)" \
    "$(printf '%s\n' "${times[@]}" | sort -g | tail -1)" "$n"
}
build="$RLBOOK build --root $WORK --library-path $LIB"
counter=0
prose_edit() { counter=$((counter + 1)); printf '\nA sentence added by the benchmark, number %d.\n' "$counter" >>"$FIRST"; }
cell_edit() {
  counter=$((counter + 1))
  python3 - "$FIRST" "$counter" <<'PY'
import re, sys
path, n = sys.argv[1], sys.argv[2]
text = open(path).read()
text = re.sub(r"```swift\n(// bench edit \d+\n)?", "```swift\n// bench edit %s\n" % n, text, count=1)
open(path, "w").write(text)
PY
}

bench_header "rlbook rebuilds: $(ls "$WORK"/chapters/*.md | wc -l) chapters · $RUNS runs"
if [ "${QUICK:-0}" = 1 ]; then
  $build >/dev/null 2>&1 # QUICK=1: warm the cache once, skip the cold build and the test run
else
  time_it "cold build (library built)" "${HEAVY_RUNS:-2}" "rm -rf $WORK/.rlbook-cache $WORK/site" "$build"
fi
time_it "no-op rebuild" "$RUNS" ":" "$build"
time_it "prose-only edit" "$RUNS" "prose_edit" "$build"
time_it "one-cell edit (chapter 1)" "$RUNS" "cell_edit" "$build"
[ "${QUICK:-0}" = 1 ] || time_it "rlbook test" "${HEAVY_RUNS:-2}" ":" "$RLBOOK test --root $WORK --library-path $LIB || true"

# Where a one-cell rebuild spends its time: swiftc's frontend, the link, the run (the
# compile flags are rlbook's, from Sources/BookCompiler/Plan/Toolchain.swift).
base=$(basename "$FIRST" .md)
main=$(find "$WORK/.rlbook-cache/work" -path "*/$base-run/main.swift" | head -1)
flags=(-swift-version 5 -Onone -gline-tables-only -module-cache-path "$WORK/.rlbook-cache/module-cache"
  -I "$LIB/Modules")
time_it "  $base: swiftc frontend" 3 ":" "swiftc ${flags[*]} -c $main -o $WORK/main.o"
time_it "  $base: link" 3 ":" "swiftc $WORK/main.o -L $LIB -lRL -Xlinker -rpath -Xlinker $LIB -o $WORK/chapter"
# The program takes its cells' output folder and the process to watch (0: none), as rlbook
# passes them (HarnessArguments in Sources/CellHarness).
mkdir -p "$WORK/cells"
time_it "  $base: run" 3 ":" "(cd $WORK && ./chapter $WORK/cells 0)"

# Each chapter's own run time, from a forced build's per-chapter report.
[ "${QUICK:-0}" = 1 ] && exit 0
echo
echo "per-chapter compile and run times (forced build, $(nproc) jobs):"
$RLBOOK build --root "$WORK" --library-path "$LIB" --force --timings 2>&1 | sed -n '/^timings/,$p'
