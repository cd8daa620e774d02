"""The book's tiny language model in JAX, timed the way bench/LanguageModelBenchmark.swift
times ours: masked cross-entropy, forward and backward, on 128 sequences of 7 tokens.

Same shapes and the same computation as RL's TinyLM: token plus position embeddings; per
block, causal multi-head self-attention with a residual, then a ReLU MLP with a residual;
no layer norm; a linear LM head. The loss averages -log p(next token) over the response
positions. The step is jit-compiled; the timed calls reuse the compiled function.

Usage: python tiny_lm_speed.py {float32|float64}   (run pinned to one core by the script)
"""

import sys
import time

import numpy as np

DTYPE = sys.argv[1] if len(sys.argv) > 1 else "float32"
if DTYPE == "float64":
    import jax

    jax.config.update("jax_enable_x64", True)
import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402

CONFIGS = [
    ("book (d 32, 1 layer)", dict(vocab=14, context=8, width=32, heads=2, layers=1, mlp=64)),
    ("d 64, 2 layers", dict(vocab=14, context=8, width=64, heads=4, layers=2, mlp=128)),
]
BATCH, LENGTH, RESPONSE_START, CALLS, RUNS = 128, 7, 4, 20, 7


def init(config, key):
    d, m, v = config["width"], config["mlp"], config["vocab"]
    keys = iter(jax.random.split(key, 64))
    normal = lambda shape, scale: scale * jax.random.normal(next(keys), shape, dtype=DTYPE)
    params = {
        "tokens": normal((v, d), 0.5),
        "positions": normal((config["context"], d), 0.5),
        "head": normal((d, v), d**-0.5),
        "head_bias": jnp.zeros((v,), DTYPE),
        "blocks": [],
    }
    for _ in range(config["layers"]):
        params["blocks"].append(
            {
                "q": normal((d, d), d**-0.5),
                "k": normal((d, d), d**-0.5),
                "v": normal((d, d), d**-0.5),
                "o": normal((d, d), 0.5 * d**-0.5),
                "w1": normal((d, m), d**-0.5),
                "b1": jnp.zeros((m,), DTYPE),
                "w2": normal((m, d), 0.5 * m**-0.5),
                "b2": jnp.zeros((d,), DTYPE),
            }
        )
    return params


def loss(params, tokens, heads):
    batch, length = tokens.shape
    x = params["tokens"][tokens] + params["positions"][:length]
    d = x.shape[-1]
    width = d // heads
    causal = jnp.tril(jnp.ones((length, length), bool))
    for block in params["blocks"]:
        split = lambda y: y.reshape(batch, length, heads, width).transpose(0, 2, 1, 3)
        q, k, v = split(x @ block["q"]), split(x @ block["k"]), split(x @ block["v"])
        scores = jnp.where(causal, q @ k.transpose(0, 1, 3, 2) / width**0.5, -jnp.inf)
        mixed = jax.nn.softmax(scores, axis=-1) @ v
        x = x + mixed.transpose(0, 2, 1, 3).reshape(batch, length, d) @ block["o"]
        x = x + jax.nn.relu(x @ block["w1"] + block["b1"]) @ block["w2"] + block["b2"]
    logits = x @ params["head"] + params["head_bias"]
    logp = jax.nn.log_softmax(logits[:, :-1], axis=-1)
    targets = tokens[:, 1:]
    picked = jnp.take_along_axis(logp, targets[..., None], axis=-1)[..., 0]
    mask = (jnp.arange(1, length) >= RESPONSE_START).astype(DTYPE)
    return -(picked * mask).sum() / (mask.sum() * batch)


def main():
    print(f"JAX {jax.__version__}, {DTYPE}, devices {jax.devices()}")
    rng = np.random.default_rng(1)
    tokens = jnp.asarray(rng.integers(0, 14, size=(BATCH, LENGTH)), dtype=jnp.int32)
    for name, config in CONFIGS:
        params = init(config, jax.random.PRNGKey(1))
        step = jax.jit(jax.value_and_grad(loss), static_argnums=2)
        jax.block_until_ready(step(params, tokens, config["heads"]))  # compile and warm up
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            for _ in range(CALLS):
                result = step(params, tokens, config["heads"])
            jax.block_until_ready(result)
            times.append(time.perf_counter() - start)
        median = sorted(times)[RUNS // 2]
        print(f"{name:<26} {CALLS * BATCH * LENGTH / median:10.0f} tokens/s")


if __name__ == "__main__":
    main()
