"""CartPole-v1 steps per second in Gymnasium, with random actions (resets included)."""
import statistics
import time

import gymnasium as gym
import numpy as np

STEPS = 200_000
RUNS = 5


def rate(env, actions):
    env.reset(seed=0)
    start = time.perf_counter()
    for a in actions:
        _, _, term, trunc, _ = env.step(a)
        if term or trunc:
            env.reset()
    return STEPS / (time.perf_counter() - start)


actions = [int(a) for a in np.random.default_rng(0).integers(0, 2, STEPS)]
wrapped = [rate(gym.make("CartPole-v1"), actions) for _ in range(RUNS)]
raw = [rate(gym.make("CartPole-v1").unwrapped, actions) for _ in range(RUNS)]
print(f"Python CartPole-v1 steps/s, gym.make (with wrappers): {int(statistics.median(wrapped))} (median of {RUNS})")
print(f"Python CartPole-v1 steps/s, env.unwrapped (no wrappers): {int(statistics.median(raw))} (median of {RUNS})")
print(f"Python gymnasium {gym.__version__}, numpy {np.__version__}, Python {'.'.join(map(str, __import__('sys').version_info[:3]))}")
