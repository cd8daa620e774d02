#!/usr/bin/env bash
# Tabular throughput: Q-learning steps/s on CliffWalking and value-iteration sweeps/s on a
# 100 × 100 grid, in the release-built Swift library (rl-bench) and in plain Python
# (bench/tabular.py) on this machine.
#
# Rates are per CPU second (not wall time), so load from other processes does not skew them.
# Each program reports the median of 5 repetitions; the script alternates the two programs
# ROUNDS times (default 3) so that background load hits both alike, and prints the median of
# the rounds and the ratio.
# Usage: bench/tabular.sh [ROUNDS]   (BENCH_PREBUILT as in bench/common.sh; it must hold rl-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
rounds=${1:-3}

bench_build rl-bench
bench=$LIB/rl-bench
swift_all=""
python_all=""
for _ in $(seq "$rounds"); do
  swift_all+="$("$bench")"$'\n'
  python_all+="$(python3 bench/tabular.py)"$'\n'
done

# The median of the values printed for measurement $1 in text $2.
median_of() { median "$(awk -v n="$1" '$1 == n { print $2 }' <<<"$2")"; }

bench_header "Tabular: Q-learning and value iteration in Swift beside plain Python"
printf '%-44s %14s %14s %7s\n' "measurement (median of $rounds rounds × 5 runs)" "Swift" "Python" "ratio"
for name in qlearning_cliffwalking_steps_per_second value_iteration_100x100_sweeps_per_second; do
  s=$(median_of "$name" "$swift_all")
  p=$(median_of "$name" "$python_all")
  printf '%-44s %14s %14s %7s\n' "$name" "$s" "$p" "$(awk -v s="$s" -v p="$p" 'BEGIN { printf "%.0fx", s / p }')"
done
