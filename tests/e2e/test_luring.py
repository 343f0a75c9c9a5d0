"""An offline intranet: every page loads with nothing fetched from outside the server (icons, fonts, scripts)."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.e2e.conftest import buka

pytestmark = pytest.mark.e2e

HALAMAN = ["/?unit=KPPBCBOGOR&tahun=2019&triwulan=TW+III", "/progres", "/dialog", "/unggah", "/riwayat"]


def test_tidak_ada_yang_diambil_dari_luar_server(server, halaman):
    asal = urlparse(server).netloc
    luar: list[str] = []
    halaman.on("request", lambda r: luar.append(r.url)
               if urlparse(r.url).scheme not in ("data", "blob") and urlparse(r.url).netloc != asal else None)
    for h in HALAMAN:
        buka(halaman, server + h)
        halaman.wait_for_timeout(1500)  # icons and fonts load after the first paint
    assert luar == []
