#!/usr/bin/env python3
"""Builds tiny random Hugging Face T5 checkpoints and a tiny SentencePiece Unigram tokenizer, and
writes reference outputs that the Java tests of dev.ovid.model.t5 must reproduce.

Run once from the repository root (CI never runs it; its outputs are committed):
  .ovid/venvs/fixtures/bin/python model/scripts/make_t5_fixtures.py
Needs torch (CPU), transformers, sentencepiece, safetensors (model/scripts/requirements-fixtures.txt).

Writes under model/src/test/resources/fixtures/t5/:
  tokenizer/            tokenizer.json (+ spiece.model, configs) of a Unigram model trained here
  tokenizer_cases.json  [{"text", "ids", "legacy_ids"}] encoded by HF's fast tokenizer (with </s>
                        appended) and by the legacy variant below
  tokenizer-legacy/     the same model with the pipeline of older published T5 tokenizer.json
                        files: Replace(" {2,}", " ") normalizer, WhitespaceSplit + Metaspace
  flan/                 config.json + model.safetensors (f32): Flan-T5 layout (gated-gelu, untied)
  flan-bf16/, flan-f16/ the same weights stored as bf16 and f16 (all weights are representable in
                        both, so the three files give the same numbers and share one reference)
  flan_reference.safetensors
  relu-tied/            original T5 layout (ReLU FFN, tied embeddings, lm_head rescale)
  relu-tied_reference.safetensors
A reference holds: input_ids [B, M] and attention_mask [B, M] of the prompt template filled with
two labels, prefix [B, 1, D], inputs_embeds [B, 1+M, D] (= prefix ++ embed(ids)), mask
[B, 1+M], encoder_hidden [B, 1+M, D], greedy_tokens [B, S] and greedy_hidden [B, S, D] for
S = 8 greedy steps (decoder final hidden state after the final norm, one per step; no stop at
EOS).
"""
import io
import json
import os
import shutil
import sys

import base64

import sentencepiece as spm
from tokenizers import Regex, Tokenizer, normalizers, pre_tokenizers
import torch
from safetensors.torch import save_file
from transformers.modeling_outputs import BaseModelOutput
from transformers import T5Config, T5ForConditionalGeneration, T5Tokenizer, T5TokenizerFast

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources",
                    "fixtures", "t5")
STEPS = 8
TEMPLATE = "what are useful features for distinguishing a {} in a video?"
LABELS = ["dog", "playing the guitar"]

CORPUS = [
    "what are useful features for distinguishing a dog in a video?",
    "what are useful features for distinguishing a cat in a photo?",
    "a video of a person playing the guitar on a stage.",
    "a photo of a red car driving down the road.",
    "people dancing at a wedding party with music.",
    "a dog catching a frisbee in the park.",
    "the chef is cooking pasta in the kitchen.",
    "a man riding a horse across the field.",
    "children playing football after school.",
    "a woman playing the piano and singing.",
    "snow falling on the mountains in winter.",
    "a bird flying over the sea at sunset.",
    "distinguishing features: fur, tail, ears, four legs.",
    "useful visual attributes of an object in a video clip.",
    "Video games, sports, music, food, vehicles, animals.",
    "12 people, 3 dogs and 100 balloons!",
    "Café naïve résumé — déjà vu.",
]

TOKENIZER_CASES = [
    "a video of a dog.",
    "what are useful features for distinguishing a playing the guitar in a video?",
    "  leading and   multiple   spaces  ",
    "Café naïve résumé",
    "ＦＵＬＬ－ＷＩＤＴＨ ｌｅｔｔｅｒｓ and the ﬁ ligature",
    "unknown: 犬 🐕 ☃",
    "tab\tand\nnewline",
    "12 dogs, 3 cats & 100 balloons!",
    "",
    "<extra_id_0> sentinel and </s> special",
]


def train_tokenizer(folder):
    os.makedirs(folder, exist_ok=True)
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(CORPUS * 4),
        model_writer=model,
        vocab_size=160,
        model_type="unigram",
        normalization_rule_name="nmt_nfkc",
        character_coverage=1.0,
        pad_id=0, eos_id=1, unk_id=2, bos_id=-1,
        hard_vocab_limit=False,
        num_threads=1,
        seed_sentencepiece_size=10000,
    )
    vocab_file = os.path.join(folder, "spiece.model")
    with open(vocab_file, "wb") as f:
        f.write(model.getvalue())
    # legacy=True gives the Metaspace pre-tokenizer of the published Flan-T5 tokenizer.json.
    slow = T5Tokenizer(vocab_file, extra_ids=3, legacy=True)
    fast = T5TokenizerFast(__slow_tokenizer=slow, vocab_file=vocab_file, extra_ids=3, legacy=True,
                           from_slow=True)
    fast.save_pretrained(folder)
    return fast


def legacy_variant(folder, target):
    """The pipeline older T5 tokenizer.json files use, to test the Java reader on that form."""
    tk = Tokenizer.from_file(os.path.join(folder, "tokenizer.json"))
    spec = json.load(open(os.path.join(folder, "tokenizer.json"), encoding="utf-8"))
    charsmap = next(n["precompiled_charsmap"] for n in spec["normalizer"]["normalizers"]
                    if n["type"] == "Precompiled")
    tk.normalizer = normalizers.Sequence([
        normalizers.Precompiled(base64.b64decode(charsmap)),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    tk.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.WhitespaceSplit(),
        pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always"),
    ])
    os.makedirs(target, exist_ok=True)
    tk.save(os.path.join(target, "tokenizer.json"))
    return tk


def bf16_representable(model):
    """Rounds weights to bf16 and flushes those below f16's smallest normal to zero: the values
    are then exact in f32, bf16 and f16 files alike."""
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(p.to(torch.bfloat16).to(torch.float32))
            p[p.abs() < 2.0 ** -14] = 0.0


def save_checkpoint(model, folder, dtype):
    os.makedirs(folder, exist_ok=True)
    model.config.to_json_file(os.path.join(folder, "config.json"))
    state = {}
    for name, tensor in model.state_dict().items():
        if name in ("encoder.embed_tokens.weight", "decoder.embed_tokens.weight"):
            continue  # tied to shared.weight, as safetensors exports drop them
        if name == "lm_head.weight" and model.config.tie_word_embeddings:
            continue
        state[name] = tensor.detach().to(dtype).contiguous()
    save_file(state, os.path.join(folder, "model.safetensors"), metadata={"format": "pt"})


@torch.no_grad()
def greedy(model, encoder_hidden, mask, steps):
    """Decoder final hidden states and tokens for `steps` greedy steps, recomputing the whole
    decoder sequence each step (the definition, no cache)."""
    batch = encoder_hidden.shape[0]
    seq = torch.full((batch, 1), model.config.decoder_start_token_id, dtype=torch.long)
    hidden = []
    for _ in range(steps):
        out = model.decoder(input_ids=seq, encoder_hidden_states=encoder_hidden,
                            encoder_attention_mask=mask).last_hidden_state
        last = out[:, -1, :]
        scaled = last * model.model_dim ** -0.5 if model.config.tie_word_embeddings else last
        token = model.lm_head(scaled).argmax(-1)
        hidden.append(last)
        seq = torch.cat([seq, token[:, None]], dim=1)
    # Cross-check against HF generate where it does not stop early at EOS.
    gen = model.generate(encoder_outputs=BaseModelOutput(last_hidden_state=encoder_hidden), attention_mask=mask,
                         max_new_tokens=steps, min_new_tokens=steps, do_sample=False,
                         num_beams=1, output_hidden_states=True, return_dict_in_generate=True)
    if (seq[:, 1:] != model.config.eos_token_id).all():
        assert torch.equal(gen.sequences[:, 1:1 + steps], seq[:, 1:]), (gen.sequences, seq)
    return seq[:, 1:], torch.stack(hidden, dim=1)


@torch.no_grad()
def reference(model, tokenizer, generator):
    prompts = [TEMPLATE.format(label) for label in LABELS]
    enc = tokenizer(prompts, padding=True, return_tensors="pt")
    ids, ids_mask = enc["input_ids"], enc["attention_mask"]
    d = model.config.d_model
    prefix = torch.randn(len(LABELS), 1, d, generator=generator)
    embeds = torch.cat([prefix, model.shared(ids)], dim=1)
    mask = torch.cat([torch.ones(len(LABELS), 1, dtype=ids_mask.dtype), ids_mask], dim=1)
    encoder_hidden = model.encoder(inputs_embeds=embeds, attention_mask=mask).last_hidden_state
    tokens, hidden = greedy(model, encoder_hidden, mask, STEPS)
    return {
        "input_ids": ids.to(torch.int64),
        "attention_mask": ids_mask.to(torch.int64),
        "prefix": prefix.float(),
        "inputs_embeds": embeds.float(),
        "mask": mask.to(torch.int64),
        "encoder_hidden": encoder_hidden.float(),
        "greedy_tokens": tokens.to(torch.int64).contiguous(),
        "greedy_hidden": hidden.float().contiguous(),
    }


def build_model(vocab_size, seed, **overrides):
    config = T5Config(
        vocab_size=vocab_size, d_model=32, d_kv=8, d_ff=64, num_layers=2, num_decoder_layers=2,
        num_heads=4, relative_attention_num_buckets=8, relative_attention_max_distance=20,
        dropout_rate=0.0, layer_norm_epsilon=1e-6, decoder_start_token_id=0, pad_token_id=0,
        eos_token_id=1, **overrides)
    torch.manual_seed(seed)
    model = T5ForConditionalGeneration(config).eval()
    # HF's T5 init gives tiny LM-head logits; widen the weights so greedy tokens vary by step.
    with torch.no_grad():
        for name, p in model.named_parameters():
            if "layer_norm" not in name:
                p.mul_(2.0)
            else:
                p.add_(torch.randn(p.shape) * 0.1)
    bf16_representable(model)
    return model


def main():
    if os.path.exists(ROOT):
        shutil.rmtree(ROOT)
    os.makedirs(ROOT)
    tokenizer = train_tokenizer(os.path.join(ROOT, "tokenizer"))
    legacy = legacy_variant(os.path.join(ROOT, "tokenizer"), os.path.join(ROOT, "tokenizer-legacy"))
    cases = [{"text": t, "ids": tokenizer(t)["input_ids"], "legacy_ids": legacy.encode(t).ids}
             for t in TOKENIZER_CASES]
    with open(os.path.join(ROOT, "tokenizer_cases.json"), "w", encoding="utf-8") as f:
        json.dump(cases, f, ensure_ascii=False)
    vocab_size = len(tokenizer)

    generator = torch.Generator().manual_seed(7)
    flan = build_model(vocab_size, 1, feed_forward_proj="gated-gelu", tie_word_embeddings=False)
    save_checkpoint(flan, os.path.join(ROOT, "flan"), torch.float32)
    save_checkpoint(flan, os.path.join(ROOT, "flan-bf16"), torch.bfloat16)
    save_checkpoint(flan, os.path.join(ROOT, "flan-f16"), torch.float16)
    for p in flan.parameters():  # f16 holds these bf16 values exactly: one reference for all
        assert torch.equal(p.to(torch.float16).to(torch.float32), p)
    ref = reference(flan, tokenizer, generator)
    save_file(ref, os.path.join(ROOT, "flan_reference.safetensors"))
    print("flan tokens", ref["greedy_tokens"].tolist())

    relu = build_model(vocab_size, 2, feed_forward_proj="relu", tie_word_embeddings=True)
    save_checkpoint(relu, os.path.join(ROOT, "relu-tied"), torch.float32)
    ref = reference(relu, tokenizer, generator)
    save_file(ref, os.path.join(ROOT, "relu-tied_reference.safetensors"))
    print("relu tokens", ref["greedy_tokens"].tolist())
    print("vocab", vocab_size, "torch", torch.__version__, file=sys.stderr)


if __name__ == "__main__":
    main()
