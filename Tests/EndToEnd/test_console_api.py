"""The HTTP API answers the same documents as the RESP commands on the same server (one
`creators serve --port 0 --http-port 0`), compared after dropping per-run timings."""
import json
import urllib.parse

import pytest

from console_fixtures import console_index, console_server  # noqa: F401

QUERIES = [
    "category:beauty country:US",
    "tier:micro..mid er:>=2% sort:-followers limit:7",
    "护肤 OR skincare",
    "-flag:bought_followers risk:<=medium offset:5 limit:5",
]


def without_timings(value):
    if isinstance(value, dict):
        return {key: without_timings(item) for key, item in value.items() if key not in ("took_ms",)}
    if isinstance(value, list):
        return [without_timings(item) for item in value]
    return value


@pytest.fixture(scope="module")
def resp(console_server):
    redis = pytest.importorskip("redis")
    if console_server.resp is None:
        pytest.skip("this creators serve printed no RESP 'listening on HOST:PORT' line")
    host, port = console_server.resp
    client = redis.Redis(host=host, port=port, protocol=2, socket_timeout=30)
    yield client
    client.close()


def resp_document(resp, *command):
    reply = resp.execute_command(*command)
    return None if reply is None else json.loads(reply)


@pytest.mark.parametrize("query", QUERIES)
def test_search_and_explain_match_resp(console_server, resp, query):
    status, http = console_server.api("/api/search?q=" + urllib.parse.quote(query))
    assert status == 200
    assert without_timings(http) == without_timings(resp_document(resp, "SEARCH", query))
    status, http = console_server.api("/api/explain?q=" + urllib.parse.quote(query))
    assert status == 200
    assert without_timings(http) == without_timings(resp_document(resp, "EXPLAIN", query))


def test_creator_documents_match_resp(console_server, resp):
    hits = console_server.search("sort:-followers limit:3")["hits"]
    for reference in [hits[0]["id"], "@" + hits[1]["handle"], "tiktok:990000001"]:
        status, http = console_server.api("/api/creators/" + urllib.parse.quote(reference, safe="@"))
        assert status == 200
        assert http == resp_document(resp, "GET", reference)
        status, http = console_server.api("/api/creators/" + urllib.parse.quote(reference, safe="@") + "/risk")
        assert status == 200
        assert http == resp_document(resp, "RISK", reference)
    status, http = console_server.api("/api/creators/%40nobody_at_all")
    assert status == 404 and resp.execute_command("GET", "@nobody_at_all") is None


def test_overlap_and_match_match_resp(console_server, resp):
    ids = [hit["id"] for hit in console_server.search("sort:-followers limit:4")["hits"]]
    status, http = console_server.api("/api/overlap?ids=" + ",".join(urllib.parse.quote(i) for i in ids))
    try:
        expected = resp_document(resp, "OVERLAP", *ids)
    except Exception as error:  # noqa: BLE001 - a server without OVERLAP answers an error on both
        assert status == 400 and str(error) in http["error"]["message"]
    else:
        assert status == 200 and http == expected
    brief = json.dumps({"product": "vitamin C serum for sensitive skin", "categories": ["skincare"], "count": 5})
    status, http = console_server.api("/api/match", body=brief.encode())
    try:
        expected = resp_document(resp, "MATCH", brief)
    except Exception as error:  # noqa: BLE001
        assert status == 400 and str(error) in http["error"]["message"]
    else:
        assert status == 200 and without_timings(http) == without_timings(expected)


def test_stats_describe_the_same_index(console_server, resp):
    status, http = console_server.api("/api/stats")
    assert status == 200
    assert http["index"] == resp_document(resp, "STATS")["index"]


def test_a_reload_over_resp_is_what_http_serves_next(tmp_path, console_index):
    """One index for both transports: after RELOAD on RESP, the API answers from the new
    generation (and the console's figures with it)."""
    redis = pytest.importorskip("redis")
    from console_fixtures import ConsoleServer, creators_binary
    import shutil
    import subprocess

    index = tmp_path / "index"
    shutil.copytree(console_index, index)
    server = ConsoleServer(index)
    try:
        if server.resp is None:
            pytest.skip("this creators serve printed no RESP 'listening on HOST:PORT' line")
        status, before = server.api("/api/stats")
        assert status == 200
        dump = tmp_path / "more.jsonl"
        subprocess.run([creators_binary(), "generate", "--count", "400", "--seed", "5", "--posts", "2", "--out", str(dump)],
                       check=True, capture_output=True)
        subprocess.run([creators_binary(), "build", str(dump), "--index", str(index)], check=True, capture_output=True)
        assert server.api("/api/stats")[1]["index"]["documents"] == before["index"]["documents"]  # not until RELOAD
        client = redis.Redis(host=server.resp[0], port=server.resp[1], protocol=2)
        reply = json.loads(client.execute_command("RELOAD"))
        client.close()
        assert reply["swapped"] is True
        status, after = server.api("/api/stats")
        assert after["index"]["documents"] == reply["documents"] != before["index"]["documents"]
        assert after["serving"]["generation"] == reply["generation"]
        assert server.search("sort:-followers limit:1")["total"] == reply["documents"]
    finally:
        server.stop()
