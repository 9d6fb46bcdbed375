"""Production refuses insecure defaults; production settings pass Django's deploy checks;
every page carries the security headers."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[3]


def manage(*args, **env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "TEND_", "SECRET_KEY", "ALLOWED_HOSTS", "DEBUG"))}
    clean.pop("DATABASE_URL", None)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=120)


PRODUCTION = {
    "TEND_ENV": "production",
    "SECRET_KEY": "p" * 30 + "-production-secret-for-deploy-checks-0123456789",
    "ALLOWED_HOSTS": "tend.example.org",
    "TEND_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test",
    "EMAIL_HOST": "smtp.tend.example.org",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def test_production_refuses_to_start_with_insecure_defaults_and_names_them():
    result = manage("check", TEND_ENV="production", DEBUG="1")
    assert result.returncode != 0
    for problem in ["SECRET_KEY is missing", "DEBUG is on", "ALLOWED_HOSTS is empty", "TEND_ENCRYPTION_KEYS is missing", "DATABASE_URL is missing", "EMAIL_HOST is missing"]:
        assert problem in result.stderr


def test_production_settings_pass_the_deploy_checks():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout


def test_production_without_a_shared_cache_is_flagged():
    settings_without_redis = {k: v for k, v in PRODUCTION.items() if k != "REDIS_URL"}
    result = manage("check", "--deploy", "--fail-level", "WARNING", **settings_without_redis)
    assert result.returncode != 0 and "tend.W001" in result.stderr


def test_demo_data_is_refused_in_production():
    result = manage("load_demo", **PRODUCTION)
    assert result.returncode != 0 and "refused under TEND_ENV=production" in result.stderr


@pytest.mark.parametrize("url_name", ["home", "journal:list", "cohorts:list", "accounts:profile"])
def test_signed_in_pages_carry_security_headers_and_are_not_cached(client, trainee, url_name):
    client.force_login(trainee)
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    for directive in ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "style-src 'self'"]:
        assert directive in csp
    assert "unsafe-inline" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]


def test_no_template_contains_inline_script_or_style():
    offenders = []
    for template in (ROOT / "tend").rglob("templates/**/*.html"):
        if template.name.endswith("_pdf.html"):
            continue  # rendered to PDF by WeasyPrint, never served to a browser
        text = template.read_text()
        if "<style" in text or " style=" in text or "onclick=" in text:
            offenders.append(str(template))
        for line in text.splitlines():
            if "<script" in line and "src=" not in line and 'type="application/json"' not in line:
                offenders.append(f"{template}: {line.strip()}")
    assert offenders == []
