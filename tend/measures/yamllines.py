"""YAML that remembers where each mapping and key is, so a definition error can name its line.

Our own small loader (a SafeLoader subclass): mappings come back as `Located` dicts carrying the
line of the mapping and of each key, and a key written twice is an error instead of silently
keeping the last value.
"""

import yaml


class Located(dict):
    """A mapping from a YAML file with the 1-based line of itself and of each of its keys."""

    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class DuplicateKey(yaml.YAMLError):
    def __init__(self, key, line: int):
        super().__init__(f"the field {key!r} is written twice")
        self.key, self.line = key, line


class _Loader(yaml.SafeLoader):
    pass


def _mapping(loader: _Loader, node, deep=False) -> Located:
    loader.flatten_mapping(node)
    result = Located()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise DuplicateKey(key, key_node.start_mark.line + 1)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load(text: str):
    """Parse YAML text; raises yaml.YAMLError (DuplicateKey included) on malformed input."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 (a SafeLoader subclass)


def error_line(problem: yaml.YAMLError) -> int | None:
    """The 1-based line a YAML error points at, where PyYAML knows it."""
    if isinstance(problem, DuplicateKey):
        return problem.line
    mark = getattr(problem, "problem_mark", None) or getattr(problem, "context_mark", None)
    return mark.line + 1 if mark else None
