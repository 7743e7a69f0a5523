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
