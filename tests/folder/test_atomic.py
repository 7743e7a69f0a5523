"""Files replaced whole: permissions kept, nothing left behind when a write fails."""

import os

import pytest

from factcheck.folder.atomic import replace_file


def test_a_replaced_file_keeps_its_permissions(tmp_path):
    path = tmp_path / "claims.toml"
    path.write_bytes(b"old")
    path.chmod(0o640)
    for durable in (True, False):
        replace_file(path, b"new", durable=durable)
        assert path.read_bytes() == b"new"
        assert path.stat().st_mode & 0o777 == 0o640
    assert os.listdir(tmp_path) == ["claims.toml"]


def test_a_failed_write_leaves_the_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "claims.toml"
    path.write_bytes(b"old")

    def full_disk(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError):
        replace_file(path, b"new")
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["claims.toml"]


def test_a_link_is_written_through_not_replaced(tmp_path):
    (tmp_path / "real.toml").write_bytes(b"old\n")
    (tmp_path / "link.toml").symlink_to("real.toml")
    replace_file(tmp_path / "link.toml", b"new\n")
    assert (tmp_path / "link.toml").is_symlink()
    assert (tmp_path / "real.toml").read_bytes() == b"new\n"


def test_a_new_claims_file_is_readable_by_others_and_a_cache_entry_is_not(tmp_path):
    old = os.umask(0o022)
    try:
        replace_file(tmp_path / "claims.toml", b"x")
        replace_file(tmp_path / "entry", b"x", durable=False)
    finally:
        os.umask(old)
    assert (tmp_path / "claims.toml").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "entry").stat().st_mode & 0o777 == 0o600


KILLED_WRITER = """
import sys, time
from pathlib import Path
from factcheck.folder.atomic import replace_file

def pieces():
    yield b"[[claims]]\\n"
    print("writing", flush=True)
    time.sleep(60)  # killed here, between its temporary file and the rename
    yield b"id = 'never'\\n"

replace_file(Path(sys.argv[1]), pieces())
"""


def test_a_killed_writes_temporary_file_is_said_and_removed_by_the_next_write(tmp_path):
    import shutil
    import signal
    import subprocess
    import sys

    from conftest import SEED_CLAIMS, run

    folder = tmp_path / "claims"
    shutil.copytree(SEED_CLAIMS, folder)
    (folder / ".#draft.toml").write_text("a reader's own hidden file", encoding="utf-8")
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(folder / "x.toml")],
                              stdout=subprocess.PIPE)  # fmt: skip
    assert writer.stdout is not None and writer.stdout.readline() == b"writing\n"
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    (leftover,) = [p.name for p in folder.iterdir() if p.name.endswith(".factcheck-tmp")]
    checked = run("validate", "--claims", folder)
    assert checked.exit_code == 0
    assert (
        f"left by a write that was killed (not read; the next write removes it): {leftover}"
        in checked.stderr
        and "skipped as hidden (not read): .#draft.toml" in checked.stderr
    )
    added = run("new", "source", "--no-input", "--id", "desk", "--outlet", "Desk",
                "--claims", folder)  # fmt: skip
    assert added.exit_code == 0, added.stderr
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == [".#draft.toml"]
