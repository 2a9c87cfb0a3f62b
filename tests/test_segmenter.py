"""Search segments the site's Chinese with a dictionary trimmed to the words its text
contains (site_tools/segmenter.py), and must cut it exactly as jieba's whole dictionary."""

from __future__ import annotations

import json
import re

import jieba

from helpers import ROOT
from site_tools import segmenter
from site_tools.site import load_site

# A run of Chinese as Material's search writes it into the index: jieba's words, each
# between zero-width spaces.
_SEGMENTED = re.compile(r"[\u3400-\u9fff\u200b]+")


def _tokenizer(dictionary) -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer(str(dictionary)) if dictionary else jieba.Tokenizer()
    tokenizer.tmp_dir = str(dictionary.parent) if dictionary else None
    return tokenizer


def test_the_built_search_index_is_cut_as_the_whole_dictionary_cuts_it(built_site):
    whole = jieba.Tokenizer()  # jieba's own 349,000 words
    forms = [form for term in load_site(ROOT).glossary for form in term.forms("zh")]
    segmenter.prepare(whole, None, forms)
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    runs = [m for doc in index["docs"] for m in _SEGMENTED.findall(doc["title"] + " " + doc["text"])]
    words = [[w for w in run.split("\u200b") if w] for run in runs]
    words = [w for w in words if w]
    assert len(words) > 1000  # the whole Chinese site, not an empty index
    differ = [(ws, whole.lcut("".join(ws))) for ws in words if ws != whole.lcut("".join(ws))]
    assert differ == [], f"{len(differ)} runs cut differently, e.g. {differ[:3]}"


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


# The whole dictionary's total (1,000,000) makes one rare three-character word likelier than
# two common words; a dictionary of only the three words would total 101 and cut in two.
WHOLE = "中华人 1 n\n中 50 n\n华人 50 n\n其它 999899 r\n"


def test_a_trimmed_dictionary_keeps_the_whole_total_and_so_cuts_the_same(tmp_path):
    whole = _write(tmp_path / "whole.txt", WHOLE)
    text = _write(tmp_path / "trimmed.txt", segmenter.trimmed({"中华人"}, whole))
    assert "其它" not in text.read_text(encoding="utf-8")
    assert _tokenizer(whole).lcut("中华人") == ["中华人"]
    assert _tokenizer(text).lcut("中华人") == ["中华人"]


def test_without_the_filler_for_the_words_left_out_the_cut_would_differ(tmp_path):
    whole = _write(tmp_path / "whole.txt", WHOLE)
    text = segmenter.trimmed({"中华人"}, whole)
    lines = [line for line in text.splitlines() if segmenter.FILLER not in line]
    bare = _write(tmp_path / "bare.txt", "\n".join(lines) + "\n")
    assert _tokenizer(bare).lcut("中华人") == ["中", "华人"]


def test_the_dictionary_is_made_once_per_text_and_again_when_the_chinese_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("H20_CACHE_DIR", str(tmp_path / "cache"))
    page = _write(tmp_path / "page.md", "美国允许英伟达向中国出售 H20 芯片。")
    first = segmenter.site_dictionary([page])
    made = first.stat().st_mtime_ns
    assert segmenter.site_dictionary([page]) == first and first.stat().st_mtime_ns == made
    _write(page, "美国允许英伟达向中国出售 H20 芯片。\n\n（）")  # no word more or less
    assert segmenter.site_dictionary([page]) == first
    _write(page, "美国再次允许英伟达向中国出售 H20 芯片。")
    assert segmenter.site_dictionary([page]) != first


def test_where_no_cache_can_be_written_jieba_keeps_its_whole_dictionary(tmp_path, monkeypatch):
    blocker = _write(tmp_path / "not-a-folder", "")
    monkeypatch.setenv("H20_CACHE_DIR", str(blocker))
    page = _write(tmp_path / "page.md", "芯片")
    assert segmenter.site_dictionary([page]) is None


def test_without_a_trimmed_dictionary_a_tokenizer_trimmed_for_an_earlier_text_goes_back_to_the_whole(tmp_path):
    earlier = _write(tmp_path / "earlier.txt", "芯片 100 n\n")
    tokenizer = _tokenizer(earlier)
    segmenter.prepare(tokenizer, None, [])
    assert tokenizer.dictionary == str(segmenter.full_dictionary())
