import sys
import types
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from tend.learn.models import Module, ModuleProgress


@pytest.fixture(autouse=True)
def local_key_dir(settings, tmp_path):
    """Each test signs with a key generated into its own VAR_DIR (as a fresh machine would)."""
    settings.VAR_DIR = tmp_path
    settings.TEND_BADGE_SIGNING_KEY = ""


def make_module(slug: str, number: int = 1, cpd_hours: str = "4") -> Module:
    return Module.objects.create(slug=slug, number=number, title=f"Module {slug}", summary="s",
                                 estimated_hours=Decimal("2"), cpd_hours=Decimal(cpd_hours), source_path=slug)


def complete(user, module: Module, when: datetime | None = None) -> ModuleProgress:
    return ModuleProgress.objects.create(user=user, module=module, completed_at=when or timezone.now() - timedelta(days=1))


@pytest.fixture
def fake_hook(monkeypatch):
    """Installs `tend.<app>.<module>` with the given functions, as another app's hook module would be."""

    def install(qualified: str, **functions):
        monkeypatch.setitem(sys.modules, qualified, types.SimpleNamespace(**functions))

    return install


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """The verification limit counts in the cache: each test starts, and leaves, with none used."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
