#!/usr/bin/env bash
# Policy-gradient benchmark: CartPole steps/s and PPO updates/s in Swift (release build,
# one core), next to Gymnasium's CartPole-v1 steps/s in Python on the same machine.
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

if ! python3 -c "import gymnasium" 2>/dev/null; then
  echo "installing gymnasium with pip…"
  python3 -m pip install --quiet gymnasium
fi
echo "pip: $(python3 -m pip show gymnasium 2>/dev/null | grep -E '^(Name|Version)' | tr '\n' ' ')"
taskset -c 0 python3 bench/gymnasium/cartpole_speed.py
