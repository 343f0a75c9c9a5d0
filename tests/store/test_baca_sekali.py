"""The upload reads once (issue 29, item 5): checking and previewing an upload of IKU, realisasi and komponen opens
the store once, in one read transaction (``Storage.membaca``), and the read view answers as the one-off calls do."""

from __future__ import annotations

from contextlib import contextmanager

import pandas as pd
import pytest

from kinerja.masuk.importing import rencanakan
from kinerja.store import Storage
from kinerja.store.inti import Inti
from kinerja_core.akses import Cara, Pelaku

IKU = ("tahun;kode_unit;kode_iku;nama_iku;perspektif;satuan;polaritas;konsolidasi;bobot;target_tw1;target_tw2;"
       "target_tw3;target_tw4;rumus_komponen\n"
       "2019;KPPBCBOGOR;BGR-01;Penerimaan bea masuk;Stakeholder;Rp miliar;maximize;sum;10;38,5;41,2;43,8;46,5;\n"
       "2019;KPPBCBOGOR;BGR-90;Layanan tepat waktu;Customer;%;maximize;average;5;95;95;95;95;"
       '"rasio(tepat_waktu; layanan)"\n')
REALISASI = "tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;4;KPPBCBOGOR;BGR-01;47\n2019;3;KPPBCBOGOR;BGR-03;0,95\n"
KOMPONEN = ("tahun;triwulan;kode_unit;kode_iku;komponen;nilai\n2019;TW II;KPPBCBOGOR;BGR-11;rekomendasi_selesai;13\n"
            "2019;1;KPPBCBOGOR;BGR-90;tepat_waktu;481\n2019;1;KPPBCBOGOR;BGR-90;layanan;500\n")
KEDUA_MESIN = True  # one transaction on DuckDB and on PostgreSQL alike

UNGGAHAN = [("iku.csv", IKU.encode()), ("realisasi.csv", REALISASI.encode()), ("komponen.csv", KOMPONEN.encode())]


@pytest.fixture
def hitung(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every connection or transaction the store opens from now on, by the engine-neutral door of ``Inti``."""
    dibuka: list[str] = []
    for nama in ("_buka", "_transaksi"):
        asli = getattr(Inti, nama)

        def dicatat(self: Inti, *args: object, _asli=asli, _nama=nama, **kwargs: object):
            @contextmanager
            def cm():
                dibuka.append(_nama)
                with _asli(self, *args, **kwargs) as con:
                    yield con
            return cm()

        monkeypatch.setattr(Inti, nama, dicatat)
    return dibuka


@pytest.mark.parametrize("pelaku", [None, Pelaku("tamu", Cara.DEMO, "Unggah")], ids=["tanpa_pelaku", "demo"])
def test_rencanakan_membuka_basis_data_sekali(storage: Storage, hitung: list[str], pelaku: Pelaku | None):
    rencana = rencanakan(UNGGAHAN, storage, pelaku)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    assert [p.jenis.value for p in rencana.perubahan] == ["iku", "realisasi", "komponen"]
    assert rencana.peringatan  # 0,95 against a target of 95 % reads the store for the percent warning
    assert rencana.perubahan[2].rincian["realisasi_dihitung"].str.len().gt(0).all()  # read the stored komponen
    assert hitung == ["_transaksi"]


def test_bacaan_menjawab_seperti_panggilan_sendiri(storage: Storage):
    kunci = pd.DataFrame({"tahun": [2019, 2019], "kode_unit": ["KPPBCBOGOR"] * 2, "kode_iku": ["BGR-01", "BGR-11"]})
    with storage.membaca() as baca:
        kode, (iku, realisasi), komponen = baca.kode(), baca.iku_dan_realisasi(kunci), baca.komponen_iku(kunci)
        hak = baca.hak(Pelaku("tamu", Cara.DEMO, "Unggah")), baca.hak(Pelaku.sistem("operator"))
    pd.testing.assert_frame_equal(kode.iku, storage.kode().iku)
    for a, b in zip((iku, realisasi, komponen), (*storage.iku_dan_realisasi(kunci), storage.komponen_iku(kunci))):
        pd.testing.assert_frame_equal(a, b)
    assert len(iku) == 2 and not komponen.empty
    assert hak == (None, None)  # the open demo of an unlocked store, the operator: no limit
