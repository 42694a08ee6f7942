"""A JupyterLab server for browser tests: a free localhost port, a token, and fresh settings,
workspace and runtime folders in a temporary folder. It is stopped whatever happens."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Lab:
    url: str
    token: str
    log: Path

    def open_url(self, notebook: str) -> str:
        return f"{self.url}lab/tree/{notebook}?token={self.token}"


def run_all_cells(page: Any, timeout_ms: int = 120_000) -> None:
    """Run every cell of the open notebook once its kernel is ready, and wait until each code
    cell has an execution count. JupyterLab may start a second kernel for a notebook opened
    from its URL and drop the first: cells sent to the dropped one never run, so they are sent
    again (running a cell twice is harmless in these notebooks: they only build widgets)."""
    idle = ".jp-Notebook-ExecutionIndicator[data-status='idle']"
    done = (
        "[...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]"
        ".every(p => /\\[[0-9]+\\]/.test(p.textContent))"
    )
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        page.wait_for_selector(idle, timeout=timeout_ms)
        page.wait_for_timeout(1000)  # the kernel stays idle: it is the one the page keeps
        page.wait_for_selector(idle, timeout=timeout_ms)
        page.click('.lm-MenuBar-item:has-text("Run")')
        page.click('.lm-Menu-item:has-text("Run All Cells")')
        try:
            page.wait_for_function(done, timeout=30_000)
            return
        except Exception:
            if time.monotonic() > deadline:
                raise


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def jupyter_lab(notebooks: Path, work: Path, env: dict[str, str]) -> Iterator[Lab]:
    port, token = free_port(), secrets.token_hex(16)
    for folder in ("settings", "workspaces", "runtime", "config"):
        (work / folder).mkdir(parents=True, exist_ok=True)
    # No news or update pop-up over the page (and no request for them: tests are offline).
    notification = work / "settings" / "@jupyterlab" / "apputils-extension"
    notification.mkdir(parents=True, exist_ok=True)
    (notification / "notification.jupyterlab-settings").write_text(
        '{"fetchNews": "false", "checkForUpdates": false}', encoding="utf-8"
    )
    log = work / "jupyterlab.log"
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={notebooks}",
        f"--LabApp.user_settings_dir={work / 'settings'}",
        f"--LabApp.workspaces_dir={work / 'workspaces'}",
        "--ServerApp.open_browser=False",
        "--LabApp.news_url=",
        "--LabServerApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if hasattr(os, "getuid") and os.getuid() == 0:
        command.append("--allow-root")
    environment = {
        **os.environ,
        **env,
        "JUPYTER_RUNTIME_DIR": str(work / "runtime"),
        "JUPYTER_CONFIG_DIR": str(work / "config"),
    }
    with open(log, "wb") as output:
        server = subprocess.Popen(
            command,
            cwd=notebooks,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_until_up(url, token, server, log)
        yield Lab(url, token, log)
    finally:
        _stop(server)


def _wait_until_up(url: str, token: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"JupyterLab stopped at start:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}api/status?token={token}", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"JupyterLab did not start in 90 s:\n{log.read_text(errors='replace')}")


def _stop(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)  # the server and the kernels it started
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=15)
