#!/usr/bin/env bash
# Language-model benchmark: training tokens per second through the tiny LM's forward and
# backward pass, the FLOP/s that achieves, and that figure against an estimate of one core's
# peak; the same model and batch in JAX (jit, float32 and float64, from PyPI in the shared
# virtual environment .build/bench-venv), all pinned to one core in the same run, with the ratios; the
# rollout sampling rate of GRPO (one sample at a time, and a group from the prompt's cached
# keys and values); then the wall time of the book's GRPO run.
#
# The peak estimate: clock × FMA pipes × doubles per vector × 2 FLOPs per fused multiply–add.
# The clock is `lscpu`'s maximum MHz, or BogoMIPS / 2 on virtual machines that hide it (on
# x86 BogoMIPS is twice the TSC frequency). Vector width comes from the flags: 256-bit with
# AVX2 + FMA (4 doubles), 128-bit otherwise. AVX-512 is counted as 256-bit, because AMD Zen 4
# executes 512-bit operations as two 256-bit halves, and our loops are not written for it.
# Two FMA pipes per core is true of recent Intel and AMD cores. It is an upper bound that
# code on tiny matrices cannot approach; the percentage says how far we are. Two things lower
# the real ceiling: AMD Zen 1 (CPU family 23, model 1, the development machine) splits every
# 256-bit operation into two 128-bit halves, and the library never fuses a multiply with an
# add (so that its kernels give the same bits on every x86-64 machine; see ARCHITECTURE.md),
# which halves what it can reach again.
#
# Usage: bench/language-model.sh   (BENCH_PREBUILT and BENCH_VENV as in bench/common.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
bench_build
BIN=$(mktemp -d)
trap 'rm -rf "$BIN"' EXIT
swiftc -O -I "$LIB/Modules" -L "$LIB" -lRL -Xlinker -rpath -Xlinker "$LIB" \
  bench/LanguageModelBenchmark.swift -o "$BIN/lm-bench"

mhz=$(lscpu | awk -F: '/CPU max MHz/ { gsub(/ /, "", $2); print $2 }')
source="lscpu max MHz"
if [ -z "$mhz" ]; then
  mhz=$(lscpu | awk -F: '/BogoMIPS/ { gsub(/ /, "", $2); print $2 / 2 }')
  source="BogoMIPS / 2"
fi
flags=$(lscpu | awk -F: '/Flags/ { print $2 }')
width=2
if [[ $flags == *" avx2"* && $flags == *" fma"* ]]; then width=4; fi
peak=$(awk -v f="$mhz" -v w="$width" 'BEGIN { printf "%.1f", f / 1000 * 2 * w * 2 }')
bench_header "Tiny LM: training throughput beside JAX, GRPO sampling, GRPO wall time (one core)"
echo "Estimated single-core FP64 peak: $peak GFLOP/s = ${mhz} MHz ($source) × 2 FMA pipes × $width doubles × 2 FLOPs"
echo
swift_out=$(taskset -c 0 "$BIN/lm-bench" "$peak")
echo "$swift_out"

# The peer: JAX on CPU, one core (XLA's thread pools pinned to one thread as well).
bench_venv jax "jax[cpu]"
export XLA_FLAGS="--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"
export OMP_NUM_THREADS=1
echo
for dtype in float32 float64; do
  jax_out=$(taskset -c 0 "$BENCH_VENV/bin/python" bench/jax/tiny_lm_speed.py "$dtype")
  echo "$jax_out"
  while IFS= read -r line; do
    # "NAME  TOKENS tokens/s" from JAX; "NAME  PARAMS TOKENS GFLOPS PERCENT" from ours.
    name=$(awk '{ NF -= 2; print }' <<<"$line")
    theirs=$(awk '{ print $(NF-1) }' <<<"$line")
    ours=$(awk -v n="$name" '{ t = $(NF-2); NF -= 4 } $0 == n { print t; exit }' <<<"$swift_out")
    if [ -n "$ours" ]; then
      awk -v n="$name" -v o="$ours" -v t="$theirs" -v d="$dtype" \
        'BEGIN { printf "  ratio %-24s ours / JAX %s = %.2f×\n", n, d, o / t }'
    fi
  done < <(echo "$jax_out" | grep "tokens/s")
done
