"""Cross-app hooks without import cycles: an app contributes to a shared feature (CPD hours, the
cohort schedule, demo data) by defining a function in a named module of its own package, e.g.
`tend/live/cpd.py: def cpd_activities(user, start, end)`. gather() calls every app's function
in INSTALLED_APPS order and joins the lists they return."""

import importlib
from collections.abc import Iterable

from django.apps import apps


def hook_functions(module: str, function: str) -> list:
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("tend."):
            continue
        qualified = f"{config.name}.{module}"
        try:
            hook_module = importlib.import_module(qualified)
        except ModuleNotFoundError as error:
            if error.name == qualified:  # the app has no such hook module: fine
                continue
            raise
        hook = getattr(hook_module, function, None)
        if hook is not None:
            found.append(hook)
    return found


def gather(module: str, function: str, *args, **kwargs) -> list:
    """Every contributing app's results, concatenated."""
    results: list = []
    for hook in hook_functions(module, function):
        value = hook(*args, **kwargs)
        if isinstance(value, Iterable):
            results.extend(value)
    return results


def call_all(module: str, function: str, *args, **kwargs) -> None:
    """Call every contributing app's function for its side effects (e.g. loading demo data)."""
    for hook in hook_functions(module, function):
        hook(*args, **kwargs)
