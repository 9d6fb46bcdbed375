"""YAML that remembers line numbers, so content errors can name the line of the field."""

import yaml


class LineDict(dict):
    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader, node, deep=False):
    loader.flatten_mapping(node)
    mapping = LineDict(loader.construct_pairs(node, deep=True))
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {key.value: key.start_mark.line + 1 for key, _ in node.value}
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load(text: str, *, first_line: int = 1):
    """Parse YAML; lines are reported relative to the file (front matter starts at line 2)."""
    data = yaml.load(text, Loader=_LineLoader)  # noqa: S506  (a SafeLoader subclass)
    if first_line != 1:
        _shift(data, first_line - 1)
    return data


def _shift(value, offset: int) -> None:
    if isinstance(value, LineDict):
        value.line += offset
        value.key_lines = {k: v + offset for k, v in value.key_lines.items()}
        for item in value.values():
            _shift(item, offset)
    elif isinstance(value, list):
        for item in value:
            _shift(item, offset)
