"""Plain-Python versions of the two loops that rl-bench times (no NumPy), for comparison.

Prints the same lines as rl-bench: `name median_per_cpu_second` over several repetitions.
The Python loops are, if anything, lighter than the Swift ones: the environment is a bare
lookup table with no reset bookkeeping, time limit or step record.
"""
import random
import statistics
import time


def median_rate(repetitions, body):
    """Median of work per CPU second (process time, as rl-bench measures)."""
    rates = []
    for _ in range(repetitions):
        start = time.process_time()
        work = body()
        rates.append(work / (time.process_time() - start))
    return statistics.median(rates)


def grid_model(rows, columns, terminals, cliffs=(), start=0):
    """Deterministic grid: actions up, right, down, left; -1 a step; cliffs cost -100 and
    send you to start. Returns next_state[s][a], reward[s][a], terminal[s]."""
    moves = [(-1, 0), (0, 1), (1, 0), (0, -1)]
    n = rows * columns
    nxt = [[0] * 4 for _ in range(n)]
    rew = [[0.0] * 4 for _ in range(n)]
    for s in range(n):
        r, c = divmod(s, columns)
        for a, (dr, dc) in enumerate(moves):
            rr, cc = r + dr, c + dc
            t = rr * columns + cc if 0 <= rr < rows and 0 <= cc < columns else s
            if t in cliffs:
                nxt[s][a], rew[s][a] = start, -100.0
            else:
                nxt[s][a], rew[s][a] = t, -1.0
    terminal = [s in terminals for s in range(n)]
    return nxt, rew, terminal


def q_learning_cliff():
    rng = random.Random(1)
    nxt, rew, terminal = grid_model(4, 12, {47}, cliffs=set(range(37, 47)), start=36)
    q = [[0.0] * 4 for _ in range(48)]
    alpha, epsilon, gamma = 0.5, 0.1, 1.0
    steps = 0

    def choose(s):
        if rng.random() < epsilon:
            return rng.randrange(4)
        row = q[s]
        best = max(row)
        ties = [a for a in range(4) if row[a] == best]
        return ties[rng.randrange(len(ties))] if len(ties) > 1 else ties[0]

    for _ in range(20000):
        s = 36
        while True:
            a = choose(s)
            s2, r = nxt[s][a], rew[s][a]
            steps += 1
            target = r if terminal[s2] else r + gamma * max(q[s2])
            q[s][a] += alpha * (target - q[s][a])
            if terminal[s2]:
                break
            s = s2
    return steps


# The same model layout as the Swift library: a list of (probability, next, reward) outcomes
# for every state-action pair. Built once, outside the timing, as in rl-bench.
_nxt, _rew, _terminal = grid_model(100, 100, {100 * 100 - 1})
OUTCOMES = [[[(1.0, _nxt[s][a], _rew[s][a])] for a in range(4)] for s in range(len(_nxt))]


def value_iteration_sweeps():
    outcomes, terminal = OUTCOMES, _terminal
    values = [0.0] * len(outcomes)
    sweeps = 10
    for _ in range(sweeps):
        change = 0.0
        for s in range(len(values)):
            if terminal[s]:
                continue
            best = float("-inf")
            for a in range(4):
                q = 0.0
                for p, t, r in outcomes[s][a]:
                    q += p * (r + (0.0 if terminal[t] else values[t]))
                if q > best:
                    best = q
            change = max(change, abs(best - values[s]))
            values[s] = best
    return sweeps


print("qlearning_cliffwalking_steps_per_second", int(median_rate(5, q_learning_cliff)))
print("value_iteration_100x100_sweeps_per_second", f"{median_rate(5, value_iteration_sweeps):.1f}")
