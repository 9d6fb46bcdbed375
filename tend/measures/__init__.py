"""Measures: questionnaires as data, their scoring and reliable change.

Pure Python, no Django: definitions are YAML files under `content/measures/`; the Django side
(`tend/questionnaires`) administers them and stores the answers. See README.md.
"""
