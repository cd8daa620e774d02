// Chapter 19: Coda: From the Toy to Real Frameworks
// The cells of chapters/19-coda-frameworks.md, from "Reinforcement Learning for Language Models, in Swift", as one program.
//
// Run it from the book's folder (a clone of its repository): rlbook run 19-coda-frameworks.swift
// rlbook compiles it against the book's release-built RL library and runs it.

import CellHarness
import RL
#if canImport(Glibc)
import Glibc
#endif

// Each line appears as soon as it is printed, even into a file or a pipe.
setvbuf(stdout, nil, _IOLBF, 0)

print("── cell 1 · chapters/19-coda-frameworks.md:44 ──")
let grpo = GRPOConfiguration()
let rlhf = RLHFConfiguration()
var map = Table(["idea (chapter)", "our setting", "TRL", "verl", "OpenRLHF"], rightAligned: [])
map.append(["samples per prompt G (17)", "groupSize = \(grpo.groupSize)", "GRPOConfig num_generations", "actor_rollout_ref.rollout.n", "--n_samples_per_prompt"])
map.append(["group advantage (17)", "groupAdvantages", "GRPOTrainer (default)", "algorithm.adv_estimator=grpo", "--advantage_estimator group_norm"])
map.append(["std scaling on/off (17)", "scaleRewardsByStandardDeviation = \(grpo.scaleRewardsByStandardDeviation)", "scale_rewards", "algorithm.norm_adv_by_std_in_grpo", "--advantage_estimator dr_grpo (off)"])
map.append(["loss aggregation (17)", ".sequenceMeanThenBatchMean", "loss_type: grpo · bnpo/dapo · dr_grpo", "actor.loss_agg_mode: seq-mean-token-mean · token-mean · seq-mean-token-sum-norm", "(token mean)"])
map.append(["KL in the loss, k3 (16, 17)", "klCoefficient = \(grpo.klCoefficient)", "GRPOConfig beta", "actor.use_kl_loss, kl_loss_coef, kl_loss_type=low_var_kl", "--use_kl_loss, --kl_estimator k3"])
map.append(["KL in the reward, k1 (15)", "klCoefficient = \(rlhf.klCoefficient)", "PPOConfig kl_coef", "algorithm.use_kl_in_reward, algorithm.kl_ctrl.kl_coef", "--init_kl_coef"])
map.append(["clip range ε (15, 17)", "clipRange = \(grpo.clipRange)", "epsilon (GRPO), cliprange (PPO)", "actor.clip_ratio", "--eps_clip"])
map.append(["epochs per batch μ (15, 17)", "GRPO epochs = \(grpo.epochs), RLHF epochs = \(rlhf.epochs)", "num_iterations (GRPO), num_ppo_epochs (PPO)", "actor.ppo_epochs", "--max_epochs"])
map.append(["GAE over tokens γ, λ (15)", "discount = \(rlhf.discount), gaeLambda = \(rlhf.gaeLambda)", "PPOConfig gamma, lam", "algorithm.gamma, algorithm.lam, adv_estimator=gae", "--gamma, --lambd"])
map.append(["generation budget (13)", "maxNewTokens = \(grpo.maxNewTokens)", "max_completion_length", "data.max_response_length", "--generate_max_len"])
map.append(["sampling temperature (13)", "temperature = \(grpo.temperature)", "temperature", "actor_rollout_ref.rollout.temperature", "--temperature"])
map.append(["reward normalisation (14)", "normalizeScores(on:)", "(reward model trained separately)", "(reward model worker)", "--normalize_reward"])
map.append(["missing end-of-sequence", "(not used)", "missing_eos_penalty", "(reward function)", "(reward function)"])
map.append(["DPO β (18)", "beta = \(DPOConfiguration().beta)", "DPOConfig beta", "(separate recipes)", "train_dpo --beta"])
map.append(["rollout engine (13)", "TinyLM.generate", "use_vllm", "actor_rollout_ref.rollout.name=vllm | sglang", "--vllm_num_engines"])
map.append(["colocating models", "four values in one process", "(one process per GPU)", "hybrid engine (actor and rollout share GPUs)", "--colocate_all_models"])
print(map)

print("── cell 2 · chapters/19-coda-frameworks.md:80 ──")
let generation = 1.0
let oldLogProbs = 1.0
let reference = 1.0
let training = 3.0 * Double(grpo.epochs)
let total = generation + oldLogProbs + reference + training
var split = Table(["stage", "forward-pass equivalents per token", "share of compute"])
for (stage, cost) in [("sampling", generation), ("old log-probs", oldLogProbs), ("reference log-probs", reference), ("training (forward + backward)", training)] {
  split.append([stage, fixed(cost, 0), percent(cost / total)])
}
print(split)
export("samplingShare", split.rows[0][2])
