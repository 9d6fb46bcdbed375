"""Shared steps for the browser tests: signing in, watching for CSP violations, running axe."""

import re
import time
from functools import cache
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, expect

REPO_ROOT = Path(__file__).resolve().parents[4]
AXE_PATH = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
SAVED = re.compile(r"^Saved at \d")
DEMO_TRAINEE = ("trainee@example.com", "compassion")  # made by `manage.py load_demo`

# Reports every CSP violation to the console too, so one listener sees all of them (the
# init script is added through the DevTools protocol, which the page's CSP does not govern).
_REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error("securitypolicyviolation: " + event.violatedDirective + " blocked "
    + (event.blockedURI || "inline") + " at " + event.sourceFile + ":" + event.lineNumber
    + " sample=" + JSON.stringify(event.sample));
});
"""


class PageWatcher:
    def __init__(self, context: BrowserContext):
        self.csp: list[str] = []
        self.errors: list[str] = []
        context.add_init_script(_REPORT_VIOLATIONS)
        context.on("console", self._console)
        context.on("page", self._watch_page)
        for page in context.pages:
            self._watch_page(page)

    def _watch_page(self, page: Page) -> None:
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))

    def _console(self, message) -> None:
        text = message.text
        if "Content Security Policy" in text or text.startswith("securitypolicyviolation"):
            self.csp.append(f"{message.page.url if message.page else '?'}: {text}")

    def assert_clean(self) -> None:
        assert not self.csp, "Content Security Policy violations:\n" + "\n".join(self.csp)
        assert not self.errors, "Uncaught script errors:\n" + "\n".join(self.errors)


def sign_in(page: Page, email: str, password: str, *, totp_secret: str | None = None) -> None:
    """Signs in through the real allauth form (and its two-factor step when the account has one)."""
    page.goto("/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("input[name=password]").press("Enter")
    if totp_secret:
        expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
        page.locator("input[name=code]").fill(current_totp(totp_secret))
        page.locator("input[name=code]").press("Enter")
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.locator("details.account-menu summary")).to_be_visible()


def current_totp(secret: str) -> str:
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    period = app_settings.TOTP_PERIOD
    left = period - time.time() % period
    if left < 3:  # too close to the next code (TOTP_TOLERANCE is 0): wait for it
        time.sleep(left + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))


@cache
def axe_source() -> str:
    return AXE_PATH.read_text()


def axe_violations(page: Page, *, impacts=("serious", "critical")) -> list[str]:
    """Runs axe-core on the current page; returns one readable line per serious/critical problem.

    page.evaluate goes through the DevTools protocol, so the strict CSP need not be relaxed."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    violations = page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ["violations"]});
            return result.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map((n) => n.target.join(" ") + " — " + (n.failureSummary || "").replace(/\\s+/g, " ")),
            }));
        }"""
    )
    lines = []
    for v in violations:
        if v["impact"] in impacts:
            nodes = "; ".join(v["nodes"][:5])
            lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} node(s): {nodes})")
    return lines


def watch_status(page: Page) -> None:
    """Records every text the autosave status shows, in order, in window.__statusLog."""
    page.evaluate(
        """() => {
            const status = document.getElementById("autosave-status");
            window.__statusLog = [status.textContent];
            new MutationObserver(() => window.__statusLog.push(status.textContent))
                .observe(status, {childList: true, characterData: true, subtree: true});
        }"""
    )


def status_log(page: Page) -> list[str]:
    return page.evaluate("() => window.__statusLog")


class AxeReport:
    """Collects axe's serious/critical findings page by page, to fail once with all of them."""

    def __init__(self, page):
        self.page = page
        self.problems: dict[str, list[str]] = {}

    def check(self, name: str) -> None:
        expect(self.page.locator("main#main")).to_be_visible()
        found = axe_violations(self.page)
        if found:
            self.problems[f"{name} ({self.page.url})"] = found

    def assert_clean(self) -> None:
        assert not self.problems, "axe found serious/critical accessibility problems:\n" + "\n".join(
            f"- {page}:\n    " + "\n    ".join(lines) for page, lines in self.problems.items()
        )
