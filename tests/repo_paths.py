"""Where things are, relative to this checkout (tests never depend on a machine path).

``tests/`` is on ``sys.path`` while pytest runs (it holds the root conftest), so any test module, however deep
in the mirrored layout, can ``from repo_paths import FIXTURES``.
"""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "pharmakg"
FIXTURES = REPO / "tests" / "fixtures"
BUNDLED_CORPUS = PACKAGE / "data" / "corpus"  # the three seed releases shipped as package data
SHARED = REPO.parent / "shared"  # the shared corpus and tools beside the clone, where CI lays them
