"""Headless Chromium helpers shared by the map and timeline tests (no mocks: the real browser draws)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def browser() -> str:
    """The path of a Chromium-like browser, or a skip saying how to get one."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no headless browser found: install Debian's chromium (apt-get install chromium) to run it")


def run_browser(
    html_path: Path,
    tmp_path: Path,
    *mode: str,
    fragment: str = "",
    size: tuple[int, int] = (1200, 900),
    budget_ms: int = 8000,
) -> subprocess.CompletedProcess[str]:
    """Open ``html_path`` (plus ``#fragment``) headless; ``mode`` is e.g. ``--dump-dom`` or
    ``--screenshot=PATH``. Virtual time lets the page's scripts and layout finish before the dump."""
    url = html_path.resolve().as_uri() + (f"#{fragment}" if fragment else "")
    return open_url(url, tmp_path, *mode, size=size, budget_ms=budget_ms)


def open_url(
    url: str, tmp_path: Path, *mode: str, size: tuple[int, int] = (1200, 900), budget_ms: int = 8000
) -> subprocess.CompletedProcess[str]:
    """Open ``url`` (a file or a server the test started on 127.0.0.1) headless, as :func:`run_browser`."""
    cmd = [
        browser(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'profile'}",
        f"--window-size={size[0]},{size[1]}",
        f"--virtual-time-budget={budget_ms}",
        *mode,
        url,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


def screenshot(html_path: Path, png: Path, tmp_path: Path, **kw: object):
    """Take a screenshot and return it as a Pillow RGB image (skips when Pillow is missing)."""
    Image = pytest.importorskip("PIL.Image", reason="Pillow is needed to read the screenshot")
    proc = run_browser(html_path, tmp_path, f"--screenshot={png}", **kw)  # type: ignore[arg-type]
    assert png.exists(), proc.stderr[-2000:]
    return Image.open(png).convert("RGB")


def hex_rgb(color: str) -> tuple[int, int, int]:
    return (int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16))


def non_white_share(img) -> float:
    """Share of pixels that are not pure white."""
    counts = {colour: n for n, colour in img.getcolors(maxcolors=1 << 24)}
    return 1 - counts.get((255, 255, 255), 0) / (img.width * img.height)
