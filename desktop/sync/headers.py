"""Headers every station request carries."""

from __future__ import annotations

from contract.protocol import PROTOCOL, VERSION_HEADER

from .. import __version__


def client_headers() -> dict[str, str]:
    """Which release is talking (for the district's support staff and its logs) and the
    protocol it speaks."""
    return {
        "User-Agent": f"StationDesk/{__version__} (protocol {PROTOCOL})",
        VERSION_HEADER: __version__,
    }
