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
MAX_SPLITS = 400  # ways to cut one message among adjacent placeholders
# Separators of joined messages and lists, and how English writes them.
SEPARATORS = (("\n", "\n"), ("；", "; "), ("，", ", "), ("、", ", "))

Token = str | int  # literal text, or the number of a placeholder


def translate(text: str) -> str:
    """text in the interface language (unchanged in Chinese mode or when nothing matches)."""
    if not text or current_language().startswith("zh") or not CJK.search(text):
        return text
    return _translate(text, 0, current_language())


def translate_all(texts: Sequence[str]) -> list[str]:
    return [translate(text) for text in texts]


def translate_errors(errors: dict[str, str]) -> dict[str, str]:
    """ValidationError.errors with each message translated (keys stay the field names)."""
    return {key: translate(message) for key, message in errors.items()}


@lru_cache(maxsize=4096)
def _translate(text: str, depth: int, _lang: str) -> str:
    exact = QCoreApplication.translate(CONTEXT, text)
    if exact != text or depth >= MAX_DEPTH or not CJK.search(text):
        return exact
    found = _by_template(text, depth, _lang)
    if found is not None and not CJK.search(found):
        return found
    joined = _by_parts(text, depth, _lang)
    candidates = [c for c in (found, joined) if c is not None]
    return min(candidates, key=_residue, default=text)


def _residue(text: str) -> int:
    return len(CJK.findall(text))


def _by_template(text: str, depth: int, lang: str) -> str | None:
    """The best filling of a matching template: the first (most specific) one that leaves no
    Chinese, else the one leaving the least."""
    best: str | None = None
    for template, tokens, pattern in _templates():
        if not pattern.fullmatch(text):
            continue
        english = QCoreApplication.translate(CONTEXT, template)
        for values in _splits(tokens, text):
            filled = _fill(english, [_translate(v, depth + 1, lang) for v in values])
            if not CJK.search(filled):
                return filled
            if best is None or _residue(filled) < _residue(best):
                best = filled
    return best


def _by_parts(text: str, depth: int, lang: str) -> str | None:
    for separator, english in SEPARATORS:
        if separator in text:
            parts = text.split(separator)
            return english.join(_translate(p.strip(), depth + 1, lang) for p in parts)
    return None


def _fill(template: str, values: list[str]) -> str:
    def value(match: re.Match[str]) -> str:
        index = int(match.group(1))
        return values[index] if index < len(values) else match.group(0)

    return PLACEHOLDER.sub(value, template)


def _splits(tokens: Sequence[Token], text: str) -> Iterator[list[str]]:
    """Every way the template's placeholders can cover text (at most MAX_SPLITS)."""
    for count, found in enumerate(_cover(tokens, text, 0), start=1):
        yield [found[i] for i in sorted(found)]
        if count >= MAX_SPLITS:
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
    for end in range(pos + 1, len(text) + 1):
        for tail in _cover(rest, text, end):
            yield {head: text[pos:end], **tail}


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
    path = resource_path("translations", "service_templates.json")
    templates = [t for t in json.loads(path.read_text(encoding="utf-8")) if PLACEHOLDER.search(t)]
    templates.sort(key=lambda t: -len(PLACEHOLDER.sub("", t)))
    return [(t, _tokens(t), _pattern(_tokens(t))) for t in templates]
