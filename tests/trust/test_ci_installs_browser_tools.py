"""`.ci/run` on a fresh Debian machine installs what the browser tests need, only what is
missing (NodeSource's nodejs carries npm, and asking apt for Debian's npm beside it fails the
whole install), and README agrees."""

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def stub(directory: Path, name: str, body: str):
    path = directory / name
    path.write_text(f"#!/bin/bash\n{body}\n")
    path.chmod(0o755)


def run_ci(tmp_path, present: list[str], uid: int) -> list[str]:
    """Runs .ci/run with only stubs on the PATH, up to `make test` (which stops it); returns
    what was called: sudo, apt-get and make, in order."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "log"
    for tool in ("dirname", "env"):
        (bin_dir / tool).symlink_to(f"/usr/bin/{tool}")
    stub(bin_dir, "id", f"echo {uid}")
    stub(bin_dir, "sudo", f'echo "sudo $*" >> {log}; exec "$@"')
    stub(bin_dir, "apt-get", f'echo "apt-get $*" >> {log}')
    stub(
        bin_dir, "make", f'echo "make $* PM_BROWSER_REQUIRED=$PM_BROWSER_REQUIRED" >> {log}; exit 1'
    )
    for tool in present:
        stub(bin_dir, tool, "exit 0")

    result = subprocess.run(
        ["/bin/bash", str(ROOT / ".ci" / "run")],
        env={"PATH": str(bin_dir), "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
    )

    assert result.returncode == 1, result.stderr  # stopped by the stub of make
    return log.read_text().splitlines()


INSTALL = "apt-get install -y -qq"


@pytest.mark.parametrize(
    ("present", "missing"),
    [([], "chromium nodejs npm"), (["chromium"], "nodejs npm"), (["npm"], "chromium")],
    ids=["niets", "zonder-npm", "zonder-chromium"],
)
def test_a_machine_without_chromium_or_npm_gets_what_is_missing_from_debian(
    tmp_path, present, missing
):
    calls = run_ci(tmp_path, present, uid=1000)

    assert calls[0] == "sudo apt-get update -qq"
    assert calls[1] == "apt-get update -qq"
    assert calls[2] == f"sudo env DEBIAN_FRONTEND=noninteractive {INSTALL} {missing}"
    assert calls[3] == f"{INSTALL} {missing}"
    assert calls[4:] == ["make test PM_BROWSER_REQUIRED=1"]


def test_as_root_no_sudo_is_used(tmp_path):
    calls = run_ci(tmp_path, ["chromium"], uid=0)

    assert calls == [
        "apt-get update -qq",
        f"{INSTALL} nodejs npm",
        "make test PM_BROWSER_REQUIRED=1",
    ]


def test_with_both_present_nothing_is_installed(tmp_path):
    calls = run_ci(tmp_path, ["chromium", "npm"], uid=1000)

    assert calls == ["make test PM_BROWSER_REQUIRED=1"]


def test_readme_says_once_what_happens_without_chromium_or_npm():
    text = (ROOT / "README.md").read_text()
    readme = " ".join(text.split())
    makefile = (ROOT / "Makefile").read_text()

    # The Makefile: skipped when either is missing, unless PM_BROWSER_REQUIRED=1.
    assert "command -v chromium" in makefile and "command -v npm" in makefile
    assert "ifneq ($(PM_BROWSER_REQUIRED),1)" in makefile
    assert readme.count("slaat `make test` de browsertests over") == 1
    assert "Zonder chromium falen ze" not in readme
    assert "installeert Debians `chromium`, `nodejs` en `npm`" in readme
    assert readme.count("PM_BROWSER_OPTIONAL") == 0
    assert "\nmake run    #" in text and "\nmake test   #" in text
