"""Read YAML while remembering the line of every value, so errors can point at the line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

Path = tuple[str | int, ...]


@dataclass
class LocatedDocument:
    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    duplicate_keys: list[tuple[Path, int]] = field(default_factory=list)

    def line_of(self, path: Path) -> int:
        """The line of ``path``, or of its nearest ancestor that exists (a missing field)."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return line
        return 1


def load_with_lines(text: str) -> LocatedDocument:
    """Parse one YAML document (safe loader) and map every key path to its 1-based line.

    Raises ``yaml.YAMLError`` (with its own line mark) for text that is not YAML.
    """
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    document = LocatedDocument(data=data)
    if node is not None:
        _walk(node, (), document)
    return document


def _walk(node: yaml.Node, path: Path, document: LocatedDocument) -> None:
    document.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            child = (*path, key)
            if key in seen:
                document.duplicate_keys.append((child, key_node.start_mark.line + 1))
            seen.add(key)
            # Point at the key's line: that is where a reader looks for the field.
            document.lines[child] = key_node.start_mark.line + 1
            _walk(value_node, child, document)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), document)
