"""Fixtures for the browser tests: one JupyterLab server per session, Voilà on demand,
headless Chromium, screenshots, and the skip policy.

Skip policy: without Chromium at ``/usr/bin/chromium`` (or ``$OKRSIM_CHROMIUM``) the browser
tests are skipped with one reason, repeated in the terminal summary. With
``OKRSIM_REQUIRE_BROWSER=1`` (set by CI) they fail instead, so CI can never pass with them
silently skipped.

Screenshots go to a pytest temporary folder; ``OKRSIM_SCREENSHOTS=docs/img`` writes them into
``docs/img`` to refresh the README's pictures.
"""

from __future__ import annotations

import json
import os
import shutil
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, sync_playwright

from tests.browser import servers
from tests.browser.servers import Server

REPO = Path(__file__).resolve().parents[2]
# Debian's Chromium (Playwright's own browser download is not used). OKRSIM_CHROMIUM points
# elsewhere, e.g. on a laptop with Chromium installed in another place.
CHROMIUM = Path(os.environ.get("OKRSIM_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SKIP_REASON = f"Chromium not found at {CHROMIUM}"
VIEWPORT = {"width": 1200, "height": 800}
# Folders of the repository copied next to each other into the server's root, so relative
# paths between notebooks and exercise files keep working and runs never touch the repo.
COPIED_FOLDERS = ("notebooks", "exercises")
LOCAL_ORIGINS = ("http://127.0.0.1:", "https://127.0.0.1:")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "browser: end-to-end test in headless Chromium against JupyterLab or Voila",
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    """On a failed browser test, save the page as it was, before any fixture tears down."""
    outcome = yield
    report = outcome.get_result()
    tab = getattr(item, "funcargs", {}).get("page")
    if report.when != "call" or not report.failed or tab is None:
        return
    folder = item.funcargs.get("artifact_dir")
    if folder is None:
        return
    path = Path(folder) / f"FAILED-{item.name}.png"
    try:
        tab.screenshot(path=path)
    except Exception as error:  # the page may be gone; the test failure matters more
        report.sections.append(("failure screenshot", f"could not save {path}: {error}"))
    else:
        report.sections.append(("failure screenshot", str(path)))

_SCREENSHOTS_WRITTEN = pytest.StashKey[list]()


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    skipped = terminalreporter.stats.get("skipped", [])
    if any(SKIP_REASON in str(report.longrepr) for report in skipped):
        terminalreporter.write_line(f"browser tests skipped: {SKIP_REASON}")
    written = config.stash.get(_SCREENSHOTS_WRITTEN, [])
    if written:
        folders = sorted({str(Path(path).parent) for path in written})
        terminalreporter.write_line(f"browser screenshots ({len(written)}): {', '.join(folders)}")


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Path of the Chromium binary; skips (or fails when it is required) if it is missing."""
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    if os.environ.get("OKRSIM_REQUIRE_BROWSER") == "1":
        pytest.fail(
            f"OKRSIM_REQUIRE_BROWSER=1 but {SKIP_REASON}; install it (apt-get install chromium) "
            "or unset OKRSIM_REQUIRE_BROWSER to skip the browser tests",
            pytrace=False,
        )
    pytest.skip(SKIP_REASON)


@pytest.fixture(scope="session")
def browser(chromium: Path) -> Iterator[Browser]:
    """Headless Chromium for the whole session, closed even when tests fail."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(chromium), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def dialogs() -> list[str]:
    """Messages of every alert/confirm/prompt the page tried to open (each is dismissed)."""
    return []


@pytest.fixture
def blocked_requests() -> list[str]:
    """URLs the page tried to fetch outside 127.0.0.1 (each is aborted)."""
    return []


@pytest.fixture
def page(
    browser: Browser,
    dialogs: list[str],
    blocked_requests: list[str],
    artifact_dir: Path,
) -> Iterator[Page]:
    """A fresh browser context and page; on failure a screenshot lands in the artifact folder."""
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(30_000)

    def block(route) -> None:
        blocked_requests.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith(LOCAL_ORIGINS), block)
    tab = context.new_page()

    def record_dialog(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", record_dialog)
    try:
        yield tab
    finally:
        context.close()


@pytest.fixture(scope="session")
def artifact_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Pytest temporary folder for screenshots and failure pictures of this session."""
    return tmp_path_factory.mktemp("browser-artifacts", numbered=False)


@pytest.fixture(scope="session")
def screenshot_dir(artifact_dir: Path) -> Path:
    """Where named screenshots go: ``$OKRSIM_SCREENSHOTS`` if set, else the artifact folder."""
    chosen = os.environ.get("OKRSIM_SCREENSHOTS")
    if not chosen:
        return artifact_dir
    folder = Path(chosen)
    if not folder.is_absolute():
        folder = REPO / folder
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def screenshot(
    page: Page, screenshot_dir: Path, artifact_dir: Path, request: pytest.FixtureRequest
) -> Callable[..., Path]:
    """Save the page as ``<name>.png`` (palette PNG, a few tens of kB) and return its path.

    ``show`` (a locator) is scrolled into view first, to the top of the viewport. Pictures
    with ``for_docs=False`` always stay in the artifact folder, never in ``docs/img``.
    """

    def take(name: str, show: Locator | None = None, for_docs: bool = True) -> Path:
        if show is not None:
            show.evaluate("element => element.scrollIntoView({block: 'start'})")
        path = (screenshot_dir if for_docs else artifact_dir) / f"{name}.png"
        page.screenshot(path=path)
        _shrink_png(path)
        request.config.stash.setdefault(_SCREENSHOTS_WRITTEN, []).append(str(path))
        return path

    return take


def _shrink_png(path: Path) -> None:
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=128)
    small.save(path, optimize=True)


@pytest.fixture(scope="session")
def lab_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Server root holding copies of the repository's notebooks and exercise files."""
    root = tmp_path_factory.mktemp("lab-root")
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    for name in COPIED_FOLDERS:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name, ignore=ignore)
    return root


@pytest.fixture(scope="session")
def lab_server(
    chromium: Path, lab_root: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """One JupyterLab server for the whole session, stopped even when tests fail."""
    server = servers.start_lab(lab_root, tmp_path_factory.mktemp("lab-home"))
    try:
        yield server
    finally:
        servers.stop(server)


@pytest.fixture
def lab(lab_server: Server) -> Iterator[Server]:
    """The session's JupyterLab server; kernels a test started are shut down after it."""
    yield lab_server
    if lab_server.process.poll() is None:
        for session in _api(lab_server, "api/sessions"):
            _api(lab_server, f"api/sessions/{session['id']}", method="DELETE")


@pytest.fixture(scope="session")
def voila(
    chromium: Path, lab_root: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[..., Server]]:
    """Start Voilà on a notebook (path relative to the server root), once per session.

    ``plain=True`` starts it as a participant types it, ``voila NOTEBOOK`` with no
    ``--template``; otherwise with ``--template=okrsim``.
    """
    started: dict[tuple[str, bool], Server] = {}

    def serve(relative_path: str, plain: bool = False) -> Server:
        key = (relative_path, plain)
        if key not in started:
            home = tmp_path_factory.mktemp("voila-home")
            template = None if plain else servers.VOILA_TEMPLATE
            started[key] = servers.start_voila(lab_root / relative_path, home, template)
        return started[key]

    try:
        yield serve
    finally:
        for server in started.values():
            servers.stop(server)


def _api(server: Server, path: str, method: str = "GET"):
    request = urllib.request.Request(server.url(path), method=method)
    with urllib.request.urlopen(request, timeout=10) as response:
        body = response.read()
    return json.loads(body) if body else None
