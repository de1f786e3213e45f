"""Regenerate the README's terminal screenshots: docs/show.png and docs/deals.png.

    python docs/screenshots.py GRAPH   # e.g. a graph built from ../shared/corpus/{seeds,dev,dev2}

Runs the real commands, puts their output (escaped) in a terminal-styled page and has headless Chromium
take the picture, so what the README shows is what the commands print.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
SHOTS = {
    "show.png": (["show", "huN901-DM1"], 60),
    "deals.png": (["deals", "--company", "ImmunoGen"], 40),
}
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; background: #1e1e1e; }}
pre {{ margin: 0; padding: 14px 18px; color: #e6e6e6; font: 13px/1.35 "DejaVu Sans Mono", monospace; }}
.prompt {{ color: #7ec699; }}
</style></head><body><pre><span class="prompt">$ pharmakg {command}</span>
{output}</pre></body></html>"""


def main() -> None:
    graph = Path(sys.argv[1])
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        sys.exit("needs chromium (apt-get install chromium)")
    for name, (args, lines) in SHOTS.items():
        done = subprocess.run(
            [sys.executable, "-m", "pharmakg", *args, "--graph", str(graph)],
            capture_output=True,
            text=True,
            check=True,
        )
        shown = (done.stderr + done.stdout).splitlines()[:lines]
        output = "\n".join(shown)
        width = max(len(line) for line in shown) * 8 + 60
        with tempfile.TemporaryDirectory() as tmp:
            page = Path(tmp) / "page.html"
            command = " ".join([*args, "--graph", graph.name])
            page.write_text(PAGE.format(command=html.escape(command), output=html.escape(output)), "utf-8")
            subprocess.run(
                [
                    browser,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--hide-scrollbars",
                    "--disable-background-networking",
                    f"--user-data-dir={tmp}/profile",
                    f"--window-size={min(width, 2400)},{(len(shown) + 1) * 18 + 40}",
                    f"--screenshot={DOCS / name}",
                    page.as_uri(),
                ],
                capture_output=True,
                check=True,
            )
        print(DOCS / name)


if __name__ == "__main__":
    main()
