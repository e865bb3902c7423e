"""Reading a JSON file from outside (`intake import`) within bounds, before any record is built from it.

A file is hostile until read: it may not be UTF-8, may nest 100,000 arrays deep (Python's parser then
raises RecursionError), may hold integers of any length (2**70; 5,000 digits make `int()` itself refuse),
NaN or infinities, repeated keys, or be of any size. `parse` refuses each of these with a Problem naming the
byte offset (for what is not JSON) or the field path (for what is JSON but outside the limits), and never
holds more than the file and its parsed form. The limits are documented in resources/schema/.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .problems import Problem, ValidationError

# A file of incidents: the largest export of a station (thousands of records) fits many times over.
MAX_FILE_BYTES = 256 * 1024 * 1024
# A record nests six levels at most (a list of records > record > agents > [i] > vehicle > plate); room
# to spare, far below where the parser would recurse too deep.
MAX_DEPTH = 16
# Every number a record holds (versions, districts, file sizes, coordinates) is far below 2**53: the range
# in which JSON numbers are exact in every language that reads them.
MAX_SAFE_INTEGER = 2**53 - 1
_MAX_DIGITS = 20

_TOKEN = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"(\s*:)?|[\[\]{},]', re.DOTALL)


class _Unsafe:
    """A number kept as its text: too large, or not finite. Reported with its path by _walk."""

    def __init__(self, text: str):
        self.text = text


def _int(text: str) -> int | _Unsafe:
    if len(text.lstrip("-")) > _MAX_DIGITS:
        return _Unsafe(text)
    value = int(text)
    return value if abs(value) <= MAX_SAFE_INTEGER else _Unsafe(text)


def _float(text: str) -> float | _Unsafe:
    value = float(text)
    return value if value == value and abs(value) != float("inf") else _Unsafe(text)


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            out.setdefault(_DUPLICATE, []).append(key)
        out[key] = value
    return out


_DUPLICATE = "\x00duplicate keys"  # a key no JSON text can make a record hold (NUL is refused in keys)


def parse(data: bytes, *, what: str = "(file)", max_bytes: int | None = None) -> Any:
    """The JSON value of `data`, or ValidationError naming where it goes wrong."""
    max_bytes = MAX_FILE_BYTES if max_bytes is None else max_bytes
    if len(data) > max_bytes:
        raise ValidationError([Problem(what, f"is larger than {max_bytes:,} bytes, the most a file may be; nothing of it was read")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValidationError([Problem(what, f"is not UTF-8 text: byte offset {exc.start} "
                                             f"(0x{data[exc.start]:02x}) is not valid UTF-8")]) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    _check_depth(data, what)
    try:
        value = json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_Unsafe, object_pairs_hook=_pairs)
    except json.JSONDecodeError as exc:
        offset = len(text[:exc.pos].encode("utf-8"))
        raise ValidationError([Problem(what, f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno} "
                                             f"(byte offset {offset})")]) from None
    except RecursionError:  # _check_depth makes this unreachable; kept so no input can crash the reader
        raise ValidationError([Problem(what, f"nests deeper than {MAX_DEPTH} levels")]) from None
    problems: list[Problem] = []
    _walk(value, "", problems)
    if problems:
        raise ValidationError(problems)
    return value


def _check_depth(data: bytes, what: str) -> None:
    """Finds the first place that nests deeper than MAX_DEPTH, by its field path, without parsing (the
    parser itself would recurse once per level)."""
    if data.count(b"[") + data.count(b"{") <= MAX_DEPTH:
        return
    stack: list[list[Any]] = []  # [kind, key or index]
    pending_key: str | None = None
    for match in _TOKEN.finditer(data):
        token = match.group(0)
        head = token[:1]
        if head == b'"':
            if match.group(1):
                try:
                    pending_key = json.loads(token[:token.rindex(b'"') + 1].decode("utf-8", "replace"))
                except ValueError:
                    pending_key = "?"
            continue
        if head == b",":
            if stack and stack[-1][0] == "[":
                stack[-1][1] += 1
            continue
        if head in (b"[", b"{"):
            if stack and stack[-1][0] == "{":
                stack[-1][2] = pending_key
            stack.append([head.decode(), 0, None])
            if len(stack) > MAX_DEPTH:
                raise ValidationError([Problem(_stack_path(stack[:-1]) or what,
                                               f"nests deeper than {MAX_DEPTH} levels (byte offset {match.start()})")])
            continue
        if stack:
            stack.pop()


def _stack_path(stack: list[list[Any]]) -> str:
    path = ""
    for kind, index, key in stack:
        if kind == "[":
            path += f"[{index}]"
        elif key is not None:
            path += f".{key}" if path else key
    return path


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _walk(value: Any, path: str, problems: list[Problem]) -> None:
    if isinstance(value, dict):
        for key in value.pop(_DUPLICATE, ()):
            problems.append(Problem(_join(path, key), "appears twice in the same object"))
        for key, item in value.items():
            _walk(item, _join(path, key), problems)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _walk(item, f"{path}[{i}]", problems)
    elif isinstance(value, _Unsafe):
        problems.append(Problem(path or "(file)", f"{value.text[:30]}{'…' if len(value.text) > 30 else ''} is outside "
                                                  f"the numbers a record may hold (whole numbers up to {MAX_SAFE_INTEGER:,}, "
                                                  "finite decimals)"))
