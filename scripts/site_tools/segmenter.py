"""The dictionary jieba segments the site's Chinese with for search: the words of jieba's
dictionary that the site's own text contains, and nothing else.

Material's search plugin cuts Chinese with jieba. Loading jieba's whole dictionary (349,000
words) takes about 2.5 s, a quarter of a build, and every build pays it. But jieba only ever
looks up substrings of the text it cuts, so a dictionary of the words that occur in the
site's text, with the same total frequency, cuts that text exactly as the whole one does
(tests/test_segmenter.py checks the built search index against the whole dictionary). The
trimmed dictionary is kept in the cache, keyed by the text it was made for."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

import jieba

from .cache import cache_root

# What jieba cuts at once (jieba.re_han_default): everything else splits its input.
BLOCK = jieba.re_han_default
TEXT_SUFFIXES = {".md", ".yml", ".yaml", ".csv", ".json", ".py", ".html", ".txt", ".js"}
# Stands for the words left out, so that the total frequency (which weighs every cut) stays
# the whole dictionary's. A private-use character: no text jieba cuts can contain it.
FILLER = "\ue000"


def full_dictionary() -> Path:
    return Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME


def text_blocks(paths: Iterable[Path]) -> set[str]:
    """Every run jieba would look at in the text files at `paths` (files or folders)."""
    blocks: set[str] = set()
    for path in paths:
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for f in files:
            if f.suffix in TEXT_SUFFIXES and f.is_file():
                blocks.update(BLOCK.findall(f.read_text(encoding="utf-8", errors="replace")))
    return blocks


def trimmed(blocks: set[str], full: Path) -> str:
    """jieba's dictionary file, restricted to the words that occur in `blocks`."""
    freq: dict[str, int] = {}
    lines: dict[str, str] = {}
    total = 0
    with open(full, encoding="utf-8") as f:
        for line in f:
            word, count = line.split(" ", 2)[:2]
            freq[word] = int(count)
            lines[word] = line.rstrip("\n")
            total += int(count)
    longest = max(map(len, freq))
    kept: dict[str, None] = {}
    for block in blocks:
        for i in range(len(block)):
            for j in range(i + 1, min(len(block), i + longest) + 1):
                if block[i:j] in freq:
                    kept[block[i:j]] = None
    words = sorted(kept)
    rest = total - sum(freq[w] for w in words)
    return "".join(f"{lines[w]}\n" for w in words) + f"{FILLER} {rest}\n"


def site_dictionary(paths: Iterable[Path]) -> Path | None:
    """The trimmed dictionary for the text at `paths`, from the cache or made now; None
    where the cache cannot be written (jieba then loads its whole dictionary: only slower)."""
    full = full_dictionary()
    blocks = text_blocks(paths)
    digest = hashlib.sha256(f"{full.stat().st_size}:{full.stat().st_mtime_ns}".encode())
    for block in sorted(blocks):
        digest.update(block.encode() + b"\n")
    path = cache_root() / "jieba" / f"{digest.hexdigest()[:24]}.txt"
    if path.is_file():
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(trimmed(blocks, full), encoding="utf-8")
        partial.replace(path)  # whole or not at all: another build may read it at once
    except OSError:
        return None
    return path


def prepare(tokenizer: jieba.Tokenizer, dictionary: Path | None, words: Iterable[str]) -> None:
    """Load `dictionary` (None: jieba's own) into `tokenizer`, then add `words`, each kept one
    word when cut (the glossary's terms)."""
    if dictionary is not None:
        tokenizer.tmp_dir = str(dictionary.parent)  # jieba's own cache of it goes beside it
        tokenizer.set_dictionary(str(dictionary))
    elif tokenizer.dictionary != jieba.DEFAULT_DICT:  # trimmed for an earlier text (mkdocs serve)
        tokenizer.set_dictionary(str(full_dictionary()))
    for word in words:
        tokenizer.add_word(word)
