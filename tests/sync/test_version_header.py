"""Every request a station sends names the app's release (issue 6: the version in every sync
request): the push and pull of a sync, the enrolment, and the header of a sync file."""

from __future__ import annotations

import httpx

import desktop
from contract.protocol import VERSION_HEADER
from desktop.sync import filetransfer

from .harness import District


def test_sync_and_enrolment_requests_carry_the_app_version(district: District) -> None:
    seen: list[httpx.Request] = []
    real = httpx.HTTPTransport()

    class Recording(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            seen.append(request)
            return real.handle_request(request)

    station = district.station(1, transport=Recording())
    station.sync(transport=Recording())
    paths = {r.url.path for r in seen}
    assert {"/v1/enrol", "/v1/push", "/v1/pull"} <= paths
    for request in seen:
        assert request.headers[VERSION_HEADER] == desktop.__version__
        assert request.headers["User-Agent"].startswith(f"StationDesk/{desktop.__version__}")


def test_a_sync_file_names_the_release_that_wrote_it() -> None:
    data = filetransfer.seal(filetransfer.KIND_UP, "sid", "4401060001", "secret", {"a": 1})
    header = data.split(b"\n", 2)[1]
    assert f'"app_version":"{desktop.__version__}"'.encode() in header
