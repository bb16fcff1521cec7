"""Per-call cost of the generated client against a raw httpx request to the same loopback server.

Both sides use one keep-alive httpx.Client and fetch the same JSON body; the raw side calls
`response.json()`, the generated side also validates parameters, applies the credential and
decodes the body into a TrainingResult. Rounds alternate between the two so that machine noise
hits both alike; the report is the median of the per-round ratios.

    python bench/client_overhead.py [--calls 300] [--rounds 15]

`bench/run client` runs it as part of the suite (through bench/client_bench.py).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "generated" / "face_client"))

from face_client import ApiKeyCredential, Client

BODY = json.dumps(
    {
        "status": "succeeded",
        "createdDateTime": "2024-03-05T11:07:58.371Z",
        "lastActionDateTime": "2024-03-05T11:07:58.371Z",
        "lastSuccessfulTrainingDateTime": "2024-03-05T11:07:58.371Z",
        "message": None,
    }
).encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # One write per response and no Nagle delay, or every call waits for a delayed ACK.
    disable_nagle_algorithm = True
    wbufsize = 1 << 16

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, *args: object) -> None:
        pass


def measure(calls: int = 300, rounds: int = 15) -> dict[str, float]:
    """Per-call medians (seconds) of both sides and the median of the per-round ratios."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    endpoint = f"http://127.0.0.1:{server.server_address[1]}"
    url = endpoint + "/face/v1.1-preview.1/persongroups/group-1/training"
    raw = httpx.Client()
    client = Client(endpoint, ApiKeyCredential("bench-key"))

    def run_raw() -> float:
        started = time.perf_counter()
        for _ in range(calls):
            response = raw.get(url, headers={"Ocp-Apim-Subscription-Key": "bench-key"})
            response.raise_for_status()
            response.json()
        return time.perf_counter() - started

    def run_generated() -> float:
        started = time.perf_counter()
        for _ in range(calls):
            client.get_person_group_training_status("group-1")
        return time.perf_counter() - started

    try:
        run_raw(), run_generated()  # warm up connections and caches
        ratios, raw_times, gen_times = [], [], []
        for round_index in range(rounds):
            order = (run_raw, run_generated) if round_index % 2 == 0 else (run_generated, run_raw)
            times = {fn.__name__: fn() for fn in order}
            raw_times.append(times["run_raw"] / calls)
            gen_times.append(times["run_generated"] / calls)
            ratios.append(times["run_generated"] / times["run_raw"])
    finally:
        client.close()
        raw.close()
        server.shutdown()
        server.server_close()
    return {
        "raw": statistics.median(raw_times),
        "generated": statistics.median(gen_times),
        "ratio": statistics.median(ratios),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    result = measure(args.calls, args.rounds)
    print(f"calls per round: {args.calls}, rounds: {args.rounds}")
    print(f"raw httpx      median {result['raw'] * 1e6:8.1f} us/call")
    print(f"generated      median {result['generated'] * 1e6:8.1f} us/call")
    print(f"ratio (generated / raw httpx), median of rounds: {result['ratio']:.3f}")


if __name__ == "__main__":
    main()
