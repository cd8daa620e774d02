#!/usr/bin/env bash
# Policy-gradient benchmark: CartPole steps/s and PPO updates/s in Swift (release build,
# one core), next to Gymnasium's CartPole-v1 steps/s in Python on the same machine (Gymnasium
# from PyPI, in the virtual environment .build/bench-venv that every benchmark's peers share).
# Usage: bench/policy-gradient.sh   (BENCH_PREBUILT and BENCH_VENV as in bench/common.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

bench_build
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
swiftc -O -I "$LIB/Modules" -L "$LIB" -lRL -Xlinker -rpath -Xlinker "$LIB" \
  bench/PolicyGradientBench.swift -o "$OUT/pg-bench"

bench_header "Policy gradients: CartPole and PPO in Swift beside Gymnasium (one core)"
taskset -c 0 "$OUT/pg-bench"

# The peer: Gymnasium from PyPI, in the benchmarks' virtual environment under .build/.
bench_venv gymnasium gymnasium
echo "pip: $("$BENCH_VENV/bin/pip" show gymnasium 2>/dev/null | grep -E '^(Name|Version)' | tr '\n' ' ')"
taskset -c 0 "$BENCH_VENV/bin/python" bench/gymnasium/cartpole_speed.py
