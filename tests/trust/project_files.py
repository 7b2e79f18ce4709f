"""The project's own files, for the tests that read the code itself."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_NOT_OURS = {"tests", "static", "staticfiles", "media", "node_modules"}


def project_python_files():
    """Every .py file of the apps, config and the root; not the tests, the venv or dot-dirs."""
    for path in sorted(ROOT.rglob("*.py")):
        top = path.relative_to(ROOT).parts[0]
        if top in _NOT_OURS or top.startswith(".") or top.endswith(".egg-info"):
            continue
        yield path
