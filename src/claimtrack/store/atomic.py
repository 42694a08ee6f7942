"""Atomic writes: a temporary file in the same folder, fsync, then rename over the target.

Writers of many files (the published site) pass durable=False and sync once at the end: one
fsync per file would cost more than the writing. (An import's new files skip even the
temporary name's randomness and the chmod: see store.edit.create_documents.)"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, content: bytes, durable: bool = True) -> None:
    """Replace `path` with `content`, so that readers see the old file or the new, never half;
    with `durable`, the content and the rename are on disk when it returns."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if not durable:
        return
    with contextlib.suppress(OSError):  # make the rename itself durable
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
