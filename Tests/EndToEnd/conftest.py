"""Shared fixtures of the end-to-end suites: the `creators` binary, a small index built
once from corpora/sample, and a running `creators serve` on a free port.

Environment:
  CREATORS_BINARY      the `creators` executable (default: .build/debug/creators)
  CREATORS_TEST_INDEX  an index folder to reuse instead of building one (must hold the sample)
"""
import os
import pathlib
import select
import signal
import subprocess
import time

import pytest

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = REPOSITORY / "corpora" / "sample"


def creators_binary() -> str:
    binary = os.environ.get("CREATORS_BINARY") or str(REPOSITORY / ".build" / "debug" / "creators")
    if not os.access(binary, os.X_OK):
        pytest.fail(f"no creators binary at {binary}: build it (swift build --product creators) or set CREATORS_BINARY")
    return binary


def build_index(dumps, index_dir, binary=None):
    """Runs `creators build DUMPS --index INDEX_DIR` and fails the test when it fails."""
    result = subprocess.run([binary or creators_binary(), "build", *map(str, dumps), "--index", str(index_dir)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return index_dir


def rss_kib(pid: int) -> int:
    """Resident memory of a process, in KiB (VmRSS of /proc/PID/status)."""
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for {pid}")


class RunningServer:
    """A `creators serve --port 0` child process; `host`/`port` come from its
    `listening on HOST:PORT` line."""

    def __init__(self, index_dir, extra_args=(), binary=None, startup_timeout=120):
        self.args = [binary or creators_binary(), "serve", "--port", "0", "--index", str(index_dir), *extra_args]
        self.process = subprocess.Popen(self.args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.host, self.port = self._wait_for_listening(startup_timeout)

    @property
    def pid(self) -> int:
        return self.process.pid

    def _wait_for_listening(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.process.stdout], [], [], 0.5)
            if ready:
                line = self.process.stdout.readline()
                if not line:
                    break
                if line.startswith("listening on "):
                    host, _, port = line[len("listening on "):].strip().rpartition(":")
                    return host, int(port)
            if self.process.poll() is not None:
                break
        self.process.kill()
        raise RuntimeError(f"server did not start: {' '.join(self.args)}\n{self.process.stderr.read()}")

    def rss_kib(self) -> int:
        return rss_kib(self.pid)

    def stop(self, timeout=30) -> int:
        """SIGTERM, then waits; returns the exit status (0 for a clean stop)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process.stdout.close()
        self.process.stderr.close()
        return self.process.returncode


@pytest.fixture(scope="session")
def binary():
    return creators_binary()


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory, binary):
    """An index of the bundled sample (5,000 creators): CREATORS_TEST_INDEX, or built once per session."""
    reused = os.environ.get("CREATORS_TEST_INDEX")
    if reused:
        return pathlib.Path(reused)
    return build_index([SAMPLE], tmp_path_factory.mktemp("sample") / "index", binary)


@pytest.fixture(scope="module")
def server(sample_index, binary):
    """`creators serve` over the sample index, shared by a module's tests; stopped cleanly after."""
    running = RunningServer(sample_index, binary=binary)
    yield running
    assert running.stop() == 0, "the server did not stop cleanly on SIGTERM"
