"""Real Redis clients against `creators serve`: redis-cli (RESP2) and redis-py 8 (HELLO 3,
RESP3) issue SEARCH, MATCH, GET, RISK and read the JSON documents."""
import json
import pathlib
import subprocess

import pytest
import redis

from conftest import RunningServer

BRIEF_FILE = pathlib.Path(__file__).resolve().parents[2] / "corpora" / "briefs" / "en-vitamin-c-serum.json"
BRIEF = json.loads(BRIEF_FILE.read_text())


def cli(server, *arguments, extra=()):
    result = subprocess.run(["redis-cli", "-h", server.host, "-p", str(server.port), *extra, *arguments],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.rstrip("\n")


@pytest.fixture()
def client(server):
    connection = redis.Redis(host=server.host, port=server.port, protocol=3)
    yield connection
    connection.close()


def first_hit(server):
    return json.loads(cli(server, "SEARCH", "sort:-followers", "limit:1"))["hits"][0]


# redis-cli -------------------------------------------------------------------------------

def test_redis_cli_ping_and_search(server):
    assert cli(server, "PING") == "PONG"
    document = json.loads(cli(server, "SEARCH", "tier:micro..mid", "limit:5"))
    assert document["total"] > 0 and len(document["hits"]) == 5
    for hit in document["hits"]:
        assert {"id", "handle", "platform", "country", "followers", "tier", "score", "risk", "flags"} <= hit.keys()
    # One argument holding the whole query, with a phrase, as a user types it in redis-cli.
    phrase = json.loads(cli(server, "SEARCH", 'category:fitness "morning routine" limit:3'))
    assert "hits" in phrase


def test_redis_cli_get_and_risk(server):
    hit = first_hit(server)
    profile = json.loads(cli(server, "GET", hit["id"]))
    assert profile["id"] == hit["id"] and profile["tier"] == hit["tier"]
    assert profile["risk"]["level"] == hit["risk"]
    risk = json.loads(cli(server, "RISK", "@" + hit["handle"]))
    report = risk[0] if isinstance(risk, list) else risk
    assert report["risk"]["level"] in {"low", "medium", "high"}
    assert cli(server, "GET", "nobody:0") == ""  # nil prints as an empty line when not on a terminal


def test_redis_cli_errors(server):
    result = subprocess.run(["redis-cli", "-p", str(server.port), "SEARCH", "contry:US"], capture_output=True, text=True)
    assert "ERR error at column 1: unknown qualifier 'contry'" in result.stdout
    result = subprocess.run(["redis-cli", "-p", str(server.port), "RISK", "nobody:0"], capture_output=True, text=True)
    assert "no creator with id or handle 'nobody:0'" in result.stdout


def test_redis_cli_match(server):
    shortlist = json.loads(cli(server, "MATCH", json.dumps(BRIEF)))
    assert shortlist["brief"]["count"] == BRIEF["count"]
    # The same document as the command line's `creators match --json`.
    local = subprocess.run([server.args[0], "match", str(BRIEF_FILE), "--json", "--index", server.args[server.args.index("--index") + 1]],
                           capture_output=True, text=True, timeout=120)
    assert local.returncode == 0, local.stderr
    expected = json.loads(local.stdout)
    assert [entry.get("id") for entry in shortlist.get("shortlist", [])] == [entry.get("id") for entry in expected.get("shortlist", [])]
    assert shortlist.keys() == expected.keys()
    result = subprocess.run(["redis-cli", "-p", str(server.port), "MATCH", '{"product": "x", "count": "ten"}'],
                            capture_output=True, text=True)
    assert "brief field 'count'" in result.stdout


def test_redis_cli_overlap(server):
    ids = [hit["id"] for hit in json.loads(cli(server, "SEARCH", "sort:-followers", "limit:3"))["hits"]]
    document = json.loads(cli(server, "OVERLAP", *ids))
    assert document["creators"] == 3 and len(document["matrix"]) == 3
    assert [member["id"] for member in document["members"]] == ids
    assert document["unique_reach"] <= document["total_reach"]


def test_redis_cli_stats_and_interactive_connect(server):
    stats = json.loads(cli(server, "STATS"))
    assert stats["index"]["documents"] == 5000
    assert stats["server"]["commands_served"] > 0
    # Interactive redis-cli sends COMMAND DOCS on connect; it must not be disconnected.
    result = subprocess.run(["redis-cli", "-p", str(server.port)], input="PING\nGET nobody:0\n",
                            capture_output=True, text=True, timeout=30)
    assert "PONG" in result.stdout


def test_redis_cli_pipe_mode(server):
    commands = "".join(f"SEARCH limit:1 offset:{n}\r\n" for n in range(50)) + "PING\r\n"
    result = subprocess.run(["redis-cli", "-p", str(server.port), "--pipe"], input=commands,
                            capture_output=True, text=True, timeout=60)
    assert "errors: 0, replies: 51" in result.stdout


# redis-py 8 (RESP3) ----------------------------------------------------------------------

def test_redis_py_hello3_and_ping(client):
    assert client.ping() is True
    facts = client.execute_command("HELLO", "3")
    assert facts[b"server"] == b"creators" and facts[b"proto"] == 3
    assert client.connection_pool.get_connection().protocol in (3, "3")


def test_redis_py_search_get_risk(client, server):
    document = json.loads(client.execute_command("SEARCH", "country:US", "sort:-followers", "limit:3"))
    assert len(document["hits"]) == 3
    followers = [hit["followers"] for hit in document["hits"]]
    assert followers == sorted(followers, reverse=True)
    identifier = document["hits"][0]["id"]
    profile = json.loads(client.get(identifier))
    assert profile["id"] == identifier and "risk" in profile
    assert client.get("nobody:0") is None
    risk = json.loads(client.execute_command("RISK", identifier))
    assert risk["id"] == identifier and "flags" in risk["risk"]


def test_redis_py_errors(client):
    with pytest.raises(redis.ResponseError, match="unknown qualifier 'contry'"):
        client.execute_command("SEARCH", "contry:US")
    with pytest.raises(redis.ResponseError, match="unknown command"):
        client.execute_command("NOSUCHCOMMAND")
    assert client.ping() is True


def test_redis_py_pipeline(client):
    pipe = client.pipeline(transaction=False)
    for offset in range(20):
        pipe.execute_command("SEARCH", f"sort:-followers limit:1 offset:{offset}")
        pipe.ping()
    replies = pipe.execute()
    ids = [json.loads(reply)["hits"][0]["id"] for reply in replies[0::2]]
    assert len(set(ids)) == 20
    assert all(reply is True for reply in replies[1::2])


def test_redis_py_match(client):
    shortlist = json.loads(client.execute_command("MATCH", json.dumps(BRIEF)))
    assert shortlist["brief"]["product"] == BRIEF["product"]
    with pytest.raises(redis.ResponseError, match="brief field 'budget.total'"):
        client.execute_command("MATCH", json.dumps({"product": "x", "budget": {"total": "lots"}}))


def test_redis_py_resp2_too(server):
    connection = redis.Redis(host=server.host, port=server.port, protocol=2)
    assert connection.get("nobody:0") is None
    assert json.loads(connection.execute_command("SEARCH", "limit:1"))["total"] == 5000
    connection.close()


# AUTH ------------------------------------------------------------------------------------

@pytest.mark.parametrize("source", ["file", "environment"])
def test_password_kept_off_the_command_line(sample_index, binary, tmp_path, monkeypatch, source):
    """--password-file and CREATORS_PASSWORD gate the server like --password, and the
    password is not in the process's arguments."""
    extra = []
    if source == "file":
        secret = tmp_path / "password"
        secret.write_text("from-a-file\n")
        extra = ["--password-file", str(secret)]
        password = "from-a-file"
    else:
        monkeypatch.setenv("CREATORS_PASSWORD", "from-the-environment")
        password = "from-the-environment"
    running = RunningServer(sample_index, extra, binary=binary)
    try:
        with open(f"/proc/{running.pid}/cmdline", "rb") as cmdline:
            assert password.encode() not in cmdline.read()
        anonymous = redis.Redis(host=running.host, port=running.port, protocol=2)
        with pytest.raises(redis.AuthenticationError):
            anonymous.execute_command("SEARCH", "limit:1")
        right = redis.Redis(host=running.host, port=running.port, protocol=3, password=password)
        assert json.loads(right.execute_command("SEARCH", "limit:1"))["total"] == 5000
    finally:
        assert running.stop() == 0


def test_password_file_errors(sample_index, binary, tmp_path):
    """A missing or empty password file stops `serve` with a clear error, before it listens."""
    empty = tmp_path / "empty"
    empty.write_text("\n")
    for path, message in [(tmp_path / "missing", "cannot read --password-file"), (empty, "holds no password")]:
        result = subprocess.run([binary, "serve", "--port", "0", "--index", str(sample_index), "--password-file", str(path)],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode != 0
        assert message in result.stderr

def test_password(sample_index, binary):
    running = RunningServer(sample_index, ["--password", "opensesame"], binary=binary)
    try:
        anonymous = redis.Redis(host=running.host, port=running.port, protocol=2)
        with pytest.raises(redis.AuthenticationError):
            anonymous.execute_command("SEARCH", "limit:1")
        # redis-py sends HELLO 3 AUTH default <password>.
        wrong = redis.Redis(host=running.host, port=running.port, protocol=3, password="nope")
        with pytest.raises(redis.AuthenticationError):
            wrong.ping()
        right = redis.Redis(host=running.host, port=running.port, protocol=3, password="opensesame")
        assert json.loads(right.execute_command("SEARCH", "limit:1"))["total"] == 5000
        result = subprocess.run(["redis-cli", "-p", str(running.port), "-a", "opensesame", "--no-auth-warning", "PING"],
                                capture_output=True, text=True)
        assert result.stdout.strip() == "PONG"
    finally:
        assert running.stop() == 0
