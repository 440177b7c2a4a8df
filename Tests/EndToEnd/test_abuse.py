"""Abuse of `creators serve`: garbage, huge lines and headers, thousands of idle
connections, and a client that never reads its replies. Each time the server answers an
error or closes that connection, keeps its resident memory within a bound, and goes on
answering a well-behaved client."""
import errno
import json
import os
import random
import socket
import time

import pytest
import redis

from conftest import RunningServer

# Growth of the server's resident memory allowed during one abuse, over its size before.
MEMORY_BOUND_KIB = 96 * 1024


@pytest.fixture(scope="module")
def abused(sample_index, binary):
    running = RunningServer(sample_index, ["--idle-timeout", "60", "--max-connections", "4096"], binary=binary)
    well_behaved = redis.Redis(host=running.host, port=running.port, protocol=3, socket_timeout=10)
    # Warm up: every code path the abuse touches has run once before the baseline is taken.
    json.loads(well_behaved.execute_command("SEARCH", "limit:5"))
    running.baseline_kib = running.rss_kib()
    running.client = well_behaved
    yield running
    well_behaved.close()
    assert running.stop() == 0


def still_serving(server):
    """The well-behaved client is answered at once, and memory stayed within the bound."""
    start = time.monotonic()
    assert server.client.ping() is True
    assert json.loads(server.client.execute_command("SEARCH", "limit:1"))["total"] == 5000
    assert time.monotonic() - start < 2
    growth = server.rss_kib() - server.baseline_kib
    assert growth < MEMORY_BOUND_KIB, f"resident memory grew by {growth} KiB"


def connect(server, timeout=10):
    sock = socket.create_connection((server.host, server.port), timeout=timeout)
    return sock


def read_until_closed(sock, limit=1 << 20):
    """Everything the server sends until it closes (or resets) the connection."""
    received = b""
    while len(received) < limit:
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            break
        if not chunk:
            break
        received += chunk
    return received


def half_close(sock):
    """Ends our side of the stream (the server may have closed it already)."""
    try:
        sock.shutdown(socket.SHUT_WR)
    except OSError:
        pass


def send_all_tolerating_close(sock, data):
    """Sends as much as the server accepts before closing; returns the bytes sent."""
    sent = 0
    view = memoryview(data)
    try:
        while sent < len(data):
            sent += sock.send(view[sent:sent + (1 << 20)])
    except (BrokenPipeError, ConnectionResetError):
        pass
    return sent


def test_random_bytes(abused):
    generator = random.Random(1)
    for round in range(20):
        sock = connect(abused)
        garbage = bytes(generator.getrandbits(8) for _ in range(generator.randrange(1, 200_000)))
        send_all_tolerating_close(sock, garbage)
        half_close(sock)
        reply = read_until_closed(sock)
        # Whatever came back is RESP: errors for unknown commands or a protocol error.
        assert reply == b"" or reply[:1] in b"+-:$*_%", reply[:80]
        sock.close()
        if round % 5 == 0:
            still_serving(abused)
    still_serving(abused)


def test_hundred_megabyte_line(abused):
    sock = connect(abused, timeout=30)
    sent = send_all_tolerating_close(sock, b"a" * (100 << 20))
    assert sent < (100 << 20), "the server read a 100 MB line to its end"
    reply = read_until_closed(sock)
    assert reply in (b"", b"-ERR Protocol error: too big inline request\r\n")
    sock.close()
    still_serving(abused)


def test_huge_bulk_and_array_headers(abused):
    for request, expected in [(b"*1000000\r\n", b"-ERR Protocol error: too many arguments"),
                              (b"*1\r\n$2000000000\r\n", b"-ERR Protocol error: invalid bulk length"),
                              (b"*3\r\n" + b"$1000000\r\n" + b"x" * 1000000 + b"\r\n" * 1 + b"$1000000\r\n" + b"y" * 1000000 + b"\r\n"
                               + b"$1000000\r\n" + b"z" * 1000000 + b"\r\n", None)]:
        sock = connect(abused)
        send_all_tolerating_close(sock, request)
        half_close(sock)
        reply = read_until_closed(sock)
        if expected:
            assert reply.startswith(expected), reply[:100]
        else:
            assert reply.startswith(b"-ERR"), reply[:100]  # an unknown command of 3 MB: answered, not crashed
        sock.close()
    still_serving(abused)


def test_two_thousand_idle_connections(abused):
    sockets = []
    try:
        for _ in range(2000):
            sockets.append(connect(abused))
        # Every one of them is alive: a PING on a few of them is answered.
        for sock in sockets[::400]:
            sock.sendall(b"PING\r\n")
            assert sock.recv(64) == b"+PONG\r\n"
        # The server accepts from its backlog as fast as it can: wait until all are counted.
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and open_connections(abused) < 2001:
            time.sleep(0.1)
        assert open_connections(abused) >= 2001
        still_serving(abused)
    finally:
        for sock in sockets:
            sock.close()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if open_connections(abused) <= 2:
            break
        time.sleep(0.1)
    assert open_connections(abused) <= 2


def open_connections(server):
    return json.loads(server.client.execute_command("STATS"))["server"]["connections"]["open"]


def test_client_that_never_reads(abused):
    """Pipelines GETs (about 4 KB of reply each) for seconds without reading a byte: the
    server stops reading that client once its replies pile up, so our sends block."""
    identifier = json.loads(abused.client.execute_command("SEARCH", "limit:1"))["hits"][0]["id"].encode()
    request = b"*2\r\n$3\r\nGET\r\n$%d\r\n%s\r\n" % (len(identifier), identifier)
    batch = request * 2000
    readers = []
    for _ in range(3):
        sock = connect(abused)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.setblocking(False)
        readers.append(sock)
    sent = [0] * len(readers)
    deadline = time.monotonic() + 4
    while time.monotonic() < deadline:
        for position, sock in enumerate(readers):
            try:
                sent[position] += sock.send(batch)
            except BlockingIOError:
                pass
        time.sleep(0.01)
    # The server stopped reading: far fewer requests went out than four seconds allow.
    for total in sent:
        assert total < 64 << 20, f"the server kept reading a client that does not read ({total} bytes)"
    still_serving(abused)
    for sock in readers:
        sock.close()
    still_serving(abused)
