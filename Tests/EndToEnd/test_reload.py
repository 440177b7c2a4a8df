"""RELOAD under load: several connections query continuously while the index is rebuilt
(`creators build` into the same folder) and RELOADed several times; no query fails."""
import json
import subprocess
import threading

import redis

from conftest import RunningServer, build_index


def test_reload_under_load(tmp_path, binary):
    dumps = []
    for seed, count in [(1, 1500), (2, 2000), (3, 2500), (4, 3000)]:
        dump = tmp_path / f"dump-{seed}.jsonl"
        result = subprocess.run([binary, "generate", "--count", str(count), "--seed", str(seed), "--out", str(dump)],
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        dumps.append((dump, count))
    index_dir = tmp_path / "index"
    build_index([dumps[0][0]], index_dir, binary)
    running = RunningServer(index_dir, binary=binary)
    stop = threading.Event()
    failures, served = [], [0] * 6

    def query(worker):
        connection = redis.Redis(host=running.host, port=running.port, protocol=3 if worker % 2 else 2, socket_timeout=30)
        queries = ["sort:-followers limit:5", "tier:micro..mid limit:10", "country:US", "risk:high limit:3", ""]
        while not stop.is_set():
            try:
                document = json.loads(connection.execute_command("SEARCH", queries[served[worker] % len(queries)]))
                if "total" not in document:
                    failures.append(document)
                served[worker] += 1
            except Exception as error:  # every failure counts
                failures.append(repr(error))
        connection.close()

    workers = [threading.Thread(target=query, args=(n,)) for n in range(6)]
    for worker in workers:
        worker.start()
    try:
        control = redis.Redis(host=running.host, port=running.port, protocol=3)
        generations = []
        for dump, count in dumps[1:] + dumps[:1]:
            build_index([dump], index_dir, binary)
            reply = json.loads(control.execute_command("RELOAD"))
            assert reply["swapped"] is True and reply["documents"] == count
            generations.append(reply["generation"])
        assert generations == sorted(generations) and len(set(generations)) == 4
        # A broken CURRENT: RELOAD answers an error and the old index keeps serving.
        current = index_dir / "CURRENT"
        saved = current.read_text()
        current.write_text("gen-999999.cidx\n")
        try:
            control.execute_command("RELOAD")
            raise AssertionError("RELOAD of a missing generation succeeded")
        except redis.ResponseError as error:
            assert "RELOAD failed, still serving" in str(error)
        current.write_text(saved)
        assert json.loads(control.execute_command("SEARCH", ""))["total"] == dumps[0][1]
    finally:
        stop.set()
        for worker in workers:
            worker.join()
        assert running.stop() == 0
    assert failures == []
    assert sum(served) > 100
