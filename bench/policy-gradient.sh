#!/usr/bin/env bash
# Policy-gradient benchmark: CartPole steps/s and PPO updates/s in Swift (release build,
# one core), next to Gymnasium's CartPole-v1 steps/s in Python on the same machine (Gymnasium
# from PyPI, in the virtual environment .build/bench-venv that every benchmark's peers share).
# Usage: bench/policy-gradient.sh   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -c release --product RL >/dev/null
BIN=$(swift build -c release --show-bin-path)
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
swiftc -O -I "$BIN/Modules" -L "$BIN" -lRL -Xlinker -rpath -Xlinker "$BIN" \
  bench/PolicyGradientBench.swift -o "$OUT/pg-bench"

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), pinned to one core"
echo "toolchain: $(swift --version 2>&1 | head -1)"
taskset -c 0 "$OUT/pg-bench"

# The peer: Gymnasium from PyPI, in the benchmarks' virtual environment under .build/.
VENV=.build/bench-venv
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import gymnasium" 2>/dev/null; then
  echo "installing gymnasium from PyPI into $VENV…"
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet gymnasium
fi
echo "pip: $("$VENV/bin/pip" show gymnasium 2>/dev/null | grep -E '^(Name|Version)' | tr '\n' ' ')"
taskset -c 0 "$VENV/bin/python" bench/gymnasium/cartpole_speed.py
