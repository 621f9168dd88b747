"""The domain's messages in the interface language.

Services, sync and contract are Qt-free and write their messages in Chinese (the command line
and receipts use them as they are). scripts/make_translations.py collects every Chinese string
and f-string of that code as a template ("{0} 今年已领取“{1}”{2} 次…") into the .ts context
"service" and into resources/translations/service_templates.json. Here a message is matched
against those templates and the English template is filled with the captured values, each
translated in turn (a value can itself be a message fragment, a field name or a joined list).
Data (a member's or a program's name) has no translation and stays as it is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache

from PySide6.QtCore import QCoreApplication

from desktop.paths import resource_path

from .theme import current_language

CONTEXT = "service"
# Chinese characters, CJK punctuation (、。「」) and full-width forms (：；，（）).
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
PLACEHOLDER = re.compile(r"\{(\d+)\}")
MAX_DEPTH = 4
MAX_SPLITS = 50  # ways to cut one message by one template
MAX_WORK = 200  # template searches and fillings for one message (its pieces included)
# Separators of joined messages and lists, and how English writes them.
SEPARATORS = (("\n", "\n"), ("；", "; "), ("，", ", "), ("、", ", "))

EDGES = frozenset("\n；，、：。 ")  # never the first or last character of a value
Token = str | int  # literal text, or the number of a placeholder


def translate(text: str) -> str:
    """text in the interface language (unchanged in Chinese mode or when nothing matches)."""
    if not text or current_language().startswith("zh") or not CJK.search(text):
        return text
    return _translated(text, current_language())


@lru_cache(maxsize=2048)
def _translated(text: str, _lang: str) -> str:
    return _Search().translate(text, 0)


class _Search:
    """One message's translation: pieces already done (memo) and a bound on the work, so that
    a long message no template covers (data, say) costs milliseconds, not a search of every
    way to cut it."""

    def __init__(self) -> None:
        self.memo: dict[tuple[str, int], str] = {}
        self.work = MAX_WORK

    def translate(self, text: str, depth: int) -> str:
        key = (text, depth)
        if key not in self.memo:
            self.memo[key] = self._translate(text, depth)
        return self.memo[key]

    def _translate(self, text: str, depth: int) -> str:
        exact = QCoreApplication.translate(CONTEXT, text)
        if exact != text or depth >= MAX_DEPTH or not CJK.search(text):
            return exact
        found = self._by_template(text, depth)
        if found is not None and not CJK.search(found):
            return found
        candidates = [c for c in (found, self._by_parts(text, depth)) if c is not None]
        return min([*candidates, text], key=_residue)

    def _by_template(self, text: str, depth: int) -> str | None:
        """The best filling of a matching template: the first (most specific) one that leaves
        no Chinese, else the one leaving the least."""
        best: str | None = None
        self.work -= 1  # a search of the templates, even when none matches
        for template, tokens, pattern in _templates():
            if self.work <= 0:
                break
            literals = (t for t in tokens if isinstance(t, str))
            if not all(literal in text for literal in literals) or not pattern.fullmatch(text):
                continue
            english = QCoreApplication.translate(CONTEXT, template)
            for values in _splits(tokens, text):
                self.work -= 1
                filled = _fill(english, [self.translate(v, depth + 1) for v in values])
                if not CJK.search(filled):
                    return filled
                if best is None or _residue(filled) < _residue(best):
                    best = filled
        return best

    def _by_parts(self, text: str, depth: int) -> str | None:
        for separator, english in SEPARATORS:
            if separator in text:
                parts = text.split(separator)
                return english.join(self.translate(p.strip(), depth + 1) for p in parts)
        return None


def _residue(text: str) -> int:
    return len(CJK.findall(text))


def _ragged(value: str) -> bool:
    """A value cut at a separator ("…；" or "，…"): the wrong cut, the right one leaves it out."""
    return value[0] in EDGES or value[-1] in EDGES


@cache
def _fragments() -> frozenset[str]:
    """The domain's fixed texts (templates with no placeholder)."""
    return frozenset(t for t in _load() if not PLACEHOLDER.search(t))


def _fill(template: str, values: list[str]) -> str:
    def value(match: re.Match[str]) -> str:
        index = int(match.group(1))
        return values[index] if index < len(values) else match.group(0)

    return PLACEHOLDER.sub(value, template)


def _splits(tokens: Sequence[Token], text: str) -> Iterator[list[str]]:
    """The ways the template's placeholders can cover text (at most MAX_SPLITS). Where two
    placeholders meet ("{0}{1}：{2}": a field name, then its problem) the second must be one
    of the domain's fixed texts: otherwise any cut would do."""
    adjacent = [
        b
        for a, b in zip(tokens, tokens[1:], strict=False)
        if isinstance(a, int) and isinstance(b, int)
    ]
    accepted = 0
    for found in _cover(tokens, text, 0):
        values = found.values()
        if all(found[i] in _fragments() for i in adjacent) and not any(map(_ragged, values)):
            yield [found[i] for i in sorted(found)]
            accepted += 1
            if accepted >= MAX_SPLITS:
                return


def _cover(tokens: Sequence[Token], text: str, pos: int) -> Iterator[dict[int, str]]:
    if not tokens:
        if pos == len(text):
            yield {}
        return
    head, rest = tokens[0], tokens[1:]
    if isinstance(head, str):
        if text.startswith(head, pos):
            yield from _cover(rest, text, pos + len(head))
        return
    for end in _ends(rest, text, pos):
        for tail in _cover(rest, text, end):
            yield {head: text[pos:end], **tail}


def _ends(rest: Sequence[Token], text: str, pos: int) -> Iterator[int]:
    """Where a value starting at pos can end: the end of the text for the last one, before
    each place the next literal occurs, else (two values side by side) anywhere."""
    if not rest:
        if len(text) > pos:
            yield len(text)
        return
    following = rest[0]
    if isinstance(following, int):
        yield from range(pos + 1, len(text))
        return
    at = text.find(following, pos + 1)
    while at != -1:
        yield at
        at = text.find(following, at + 1)


def _tokens(template: str) -> list[Token]:
    tokens: list[Token] = []
    for index, piece in enumerate(PLACEHOLDER.split(template)):
        if index % 2:
            tokens.append(int(piece))
        elif piece:
            tokens.append(piece)
    return tokens


def _pattern(tokens: Sequence[Token]) -> re.Pattern[str]:
    return re.compile(
        "".join("(.+)" if isinstance(t, int) else re.escape(t) for t in tokens), re.DOTALL
    )


@cache
def _templates() -> list[tuple[str, list[Token], re.Pattern[str]]]:
    """Templates with placeholders, the most literal text first (the most specific wins)."""
    templates = [t for t in _load() if PLACEHOLDER.search(t)]
    templates.sort(key=lambda t: -len(PLACEHOLDER.sub("", t)))
    return [(t, _tokens(t), _pattern(_tokens(t))) for t in templates]


@cache
def _load() -> list[str]:
    path = resource_path("translations", "service_templates.json")
    return list(json.loads(path.read_text(encoding="utf-8")))
