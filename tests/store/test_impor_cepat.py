"""Instant at ministry scale (issue 11): the import does each piece of work once and only when it is needed,
and what the user sees is what it was. Each test pins one of the shortcuts to the behaviour it stands for."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.masuk import importing, loading
from kinerja.masuk.importing import rencanakan, tabel_pratinjau, terapkan
from kinerja.masuk.loading import baca_berkas
from kinerja.store import KOLOM, ImporDitolak, Storage
from kinerja_core.akses import Pelaku

KEDUA_MESIN = True

KEPALA_REALISASI = "tahun;triwulan;kode_unit;kode_iku;realisasi;kendala"
KEPALA_IKU = ("tahun;kode_unit;kode_iku;nama_iku;perspektif;polaritas;konsolidasi;bobot;target_tw1;target_tw2;"
              "target_tw3;target_tw4")


def berkas(kepala: str, *baris: str) -> bytes:
    return "\n".join([kepala, *baris, ""]).encode()


# --- the preview's table is written when it is read, never for an import that does not show it ---------------

def test_impor_tanpa_pratinjau_tidak_menulis_rincian(storage, monkeypatch):
    """`python -m kinerja import` stores without ever wording 'realisasi: 48,2 → 10' for each row."""
    def dilarang(*_: object) -> None:
        raise AssertionError("rincian ditulis padahal tidak dibaca")

    monkeypatch.setattr(importing, "_teks_rincian", dilarang)
    monkeypatch.setattr(importing._StatusPratinjau, "untuk", dilarang)
    rencana = rencanakan([("r.csv", berkas(KEPALA_REALISASI, "2019;3;KPPBCBOGOR;BGR-01;10;",
                                           "2019;4;KPPBCBOGOR;BGR-01;12;"))], storage)
    (p,) = rencana.perubahan
    assert (p.baru, p.berubah, p.sama) == (1, 1, 0)  # the counts are exact at once
    assert terapkan(rencana, storage, Pelaku.sistem("uji")).berubah == 1


def test_rincian_ditulis_sekali_dan_hanya_untuk_nilai_yang_berbeda(storage, monkeypatch):
    dipanggil: list[object] = []
    asli = importing.angka

    def angka(nilai: object, *args: object, **kwargs: object) -> str:
        dipanggil.append(nilai)
        return asli(nilai, *args, **kwargs)

    monkeypatch.setattr(importing, "angka", angka)
    rencana = rencanakan([("r.csv", berkas(KEPALA_REALISASI, "2019;3;KPPBCBOGOR;BGR-01;10;",
                                           "2019;3;KPPBCBOGOR;BGR-02;10;",
                                           "2019;4;KPPBCBOGOR;BGR-03;7;"))], storage)
    (p,) = rencana.perubahan
    assert not dipanggil
    rincian = p.rincian
    assert p.rincian is rincian  # written once
    assert rincian["rincian"].tolist()[:2] == ["realisasi: 48,2 → 10", "realisasi: 14,1 → 10"]
    assert rincian["rincian"].tolist()[2] == ""  # a new row has nothing to compare
    assert sorted(map(str, dipanggil)) == ["10.0", "14.1", "48.2"]  # each distinct value written once


def test_angka_nol_negatif_tetap_ditulis_apa_adanya():
    assert importing._per_nilai(pd.Series([0.0, -0.0, 0.0]), importing.angka).tolist() == ["0", "-0", "0"]


def test_status_pratinjau_dari_saat_diperiksa(storage):
    """The light a row turns is scored when the preview is read, from what was stored when the upload was checked:
    a commit in between does not change it."""
    rencana = rencanakan([("r.csv", berkas(KEPALA_REALISASI, "2019;3;KPPBCBOGOR;BGR-01;10;"))], storage)
    lain = rencanakan([("r.csv", berkas(KEPALA_REALISASI, "2019;3;KPPBCBOGOR;BGR-01;9;"))], storage)
    terapkan(lain, storage, Pelaku.sistem("orang lain"))
    (b,), (p,) = rencana.berkas, rencana.perubahan
    assert p.rincian[["status_lama", "status_baru"]].values.tolist() == [["hijau", "merah"]]
    assert p.rincian["rincian"].tolist() == ["realisasi: 48,2 → 10"]
    assert tabel_pratinjau(b, p)["Status"].tolist() == ["● Hijau → ■ Merah"]


def test_status_mengikuti_urutan_baris_unggahan(storage, monkeypatch):
    """Only the first rows of the upload (file by file, row by row) get a light, whatever order the store
    answers in."""
    monkeypatch.setattr(importing, "BATAS_STATUS_PRATINJAU", 2)
    rencana = rencanakan([("r.csv", berkas(KEPALA_REALISASI, *(f"2019;4;KPPBCBOGOR;BGR-{i:02d};1;"
                                                                for i in range(1, 9))))], storage)
    (p,) = rencana.perubahan
    ada = p.rincian[p.rincian["status_baru"] != ""]
    assert ada["baris"].tolist() == [2, 3]


def test_status_memakai_baris_berkas_lain_dari_iku_yang_sama(storage, monkeypatch):
    """The light of the first changed row counts every uploaded row of its IKU, in any file, even past the rows
    that get a light: BGR-01 sums its quarters, so TW II at 10 (second file) turns TW III merah, not kuning."""
    monkeypatch.setattr(importing, "BATAS_STATUS_PRATINJAU", 1)
    rencana = rencanakan([("a.csv", berkas(KEPALA_REALISASI, "2019;3;KPPBCBOGOR;BGR-01;40;")),
                          ("b.csv", berkas(KEPALA_REALISASI, "2019;2;KPPBCBOGOR;BGR-01;10;"))], storage)
    a, b = rencana.perubahan
    assert a.rincian[["status_lama", "status_baru"]].values.tolist() == [["hijau", "merah"]]
    assert b.rincian["status_baru"].tolist() == [""]  # past the limit: no light of its own


def test_unggahan_baru_tidak_disalin_untuk_dibandingkan(storage):
    """An upload of new rows gets nothing back from the store to compare (no second copy of a ministry's first
    upload); its preview still lists every row as new."""
    rencana = rencanakan([
        ("iku.csv", berkas(KEPALA_IKU, "2031;KPPBCBOGOR;BGR-01;Penerimaan;Stakeholder;maximize;sum;5;1;2;3;4")),
        ("r.csv", berkas(KEPALA_REALISASI, "2031;1;KPPBCBOGOR;BGR-01;1;", "2031;2;KPPBCBOGOR;BGR-01;2;Hujan")),
    ], storage)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    iku, realisasi = rencana.perubahan
    assert (len(iku.beda.kembar), len(realisasi.beda.kembar)) == (0, 0)
    # the file's own rows, not a copy
    assert np.shares_memory(realisasi.beda.data["realisasi"].to_numpy(), rencana.berkas[1].data["realisasi"].to_numpy())
    assert realisasi.rincian[["baris", "perubahan", "realisasi"]].values.tolist() == [[2, "baru", 1.0], [3, "baru", 2.0]]


@pytest.mark.hanya_duckdb  # watches what DuckDB's connection is handed
def test_tahun_baru_tidak_dikirim_untuk_dibandingkan(storage, monkeypatch):
    """A file whose years and quarters hold no stored row (TW IV of 2019) cannot have a stored twin: its rows are
    not handed to the database to be compared (on PostgreSQL a COPY); a file that may have one is compared whole."""
    from kinerja.store.mesin_duckdb import KoneksiDuckdb

    dikirim: list[int] = []
    asli = KoneksiDuckdb.register
    monkeypatch.setattr(KoneksiDuckdb, "register", lambda self, nama, data: (
        dikirim.append(data.num_rows) if nama == "masuk" else None, asli(self, nama, data))[1])
    rencana = rencanakan([("baru.csv", berkas(KEPALA_REALISASI, "2019;4;KPPBCBOGOR;BGR-01;1;")),
                          ("lama.csv", berkas(KEPALA_REALISASI, "2019;3;KPPBCBOGOR;BGR-01;9;",
                                              "2019;3;KPPBCBOGOR;BGR-02;8;"))], storage)
    assert dikirim == [0, 2]
    baru, lama = rencana.perubahan
    assert (baru.baru, lama.baru, lama.berubah) == (1, 0, 2)


def test_simpan_per_berkas_sama_dengan_satu_tabel(storage):
    """A table's rows handed over per file store, count and log exactly as the same rows in one frame."""
    kolom = ["tahun", "triwulan", "kode_unit", "kode_iku", "realisasi", "kendala"]
    satu = pd.DataFrame([[2019, 3, "KPPBCBOGOR", "BGR-01", 10.0, None], [2019, 4, "KPPBCBOGOR", "BGR-01", 12.0, "Hujan"]],
                        columns=kolom)
    dua = pd.DataFrame([[2019, 2, "KPPBCBOGOR", "BGR-02", 3.5, None]], columns=kolom)
    pelaku = Pelaku.sistem("uji")

    def tersimpan(revisi: int) -> tuple[list, list]:
        with storage._transaksi() as con:
            kolom = ", ".join(KOLOM["realisasi"])
            tabel = con.execute(f"SELECT {kolom} FROM realisasi ORDER BY {kolom}").fetchall()
            log = con.execute(f"SELECT {kolom} FROM revisi_realisasi WHERE revisi = $r ORDER BY {kolom}",
                              {"r": revisi}).fetchall()
        return tabel, log

    per_berkas = storage.simpan({"realisasi": [satu, dua]}, pelaku=pelaku, berkas="a.csv, b.csv", sha256="x")
    hasil = tersimpan(per_berkas.id), (per_berkas.baru, per_berkas.berubah, per_berkas.sama)
    storage.batalkan(per_berkas.id, pelaku=pelaku)
    sekaligus = storage.simpan({"realisasi": pd.concat([satu, dua], ignore_index=True)}, pelaku=pelaku,
                               berkas="a.csv, b.csv", sha256="x")
    assert (tersimpan(sekaligus.id), (sekaligus.baru, sekaligus.berubah, sekaligus.sama)) == hasil
    assert hasil[1] == (1, 2, 0) and len(hasil[0][1]) == 3


# --- reading: the fast reader reads what the careful one reads ----------------------------------------------

sel = st.one_of(st.sampled_from(["", " ", "2019", "TW III", "KPPBCBOGOR", "bgr-01", "1.234,5", "10,5", "'=1",
                                 "  pad ", "é", "Ω", "\u00a0", "\u2028", "\u3000", "a b", "\t"]),
                st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters='"\r\n'),
                        max_size=6))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(baris=st.lists(st.one_of(st.lists(sel, min_size=1, max_size=7), st.just([])), max_size=8),
       pemisah=st.sampled_from([";", ",", "\t"]), crlf=st.booleans(),
       akhir=st.sampled_from(["", "\n", "\n\n"]), kodek=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_pembaca_cepat_sama_dengan_pembaca_pandas(baris, pemisah, crlf, akhir, kodek):
    kepala = pemisah.join(["tahun", "triwulan", "kode_unit", "kode_iku", "realisasi", "kendala"])
    isi = [pemisah.join(s.replace(pemisah, "") for s in b) for b in baris]
    teks = ("\r\n" if crlf else "\n").join([kepala, *isi]) + akhir
    data = teks.encode(kodek)
    cepat = baca_berkas("r.csv", data)
    asli = loading._baca_arrow
    try:
        loading._baca_arrow = lambda *_: None  # the pandas reader alone
        lambat = baca_berkas("r.csv", data)
    finally:
        loading._baca_arrow = asli
    assert (cepat.jenis, cepat.kesalahan, cepat.catatan, cepat.kesalahan_lain) == (
        lambat.jenis, lambat.kesalahan, lambat.catatan, lambat.kesalahan_lain)
    pd.testing.assert_frame_equal(cepat.data, lambat.data)


def test_pembaca_cepat_dipakai_untuk_berkas_biasa(monkeypatch):
    dipakai = []
    asli = loading._baca_arrow
    monkeypatch.setattr(loading, "_baca_arrow", lambda *a: dipakai.append(1) or asli(*a))
    b = baca_berkas("r.csv", berkas(KEPALA_REALISASI, "2019;3;KPPBCBOGOR;BGR-01;10;"))
    assert dipakai and b.sah and b.data["realisasi"].tolist() == [10.0]


@pytest.mark.parametrize("isi", [
    'tahun;triwulan;kode_unit;kode_iku;realisasi;kendala\n2019;3;KPPBCBOGOR;BGR-01;10;"a;b"\n',  # quoted
    "tahun;triwulan;kode_unit;kode_iku;realisasi;kendala\r2019;3;KPPBCBOGOR;BGR-01;10;x\r",  # old Mac lines
    "tahun;triwulan;kode_unit;kode_iku;realisasi;kendala\n2019;3;KPPBCBOGOR;BGR-01;10;a\x0bb\n",  # Word break
])
def test_berkas_tidak_biasa_dibaca_pembaca_pandas(isi, monkeypatch):
    dipakai = []
    monkeypatch.setattr(loading, "_baca_arrow", lambda *a: dipakai.append(1))
    b = baca_berkas("r.csv", isi.encode())
    assert not dipakai and b.sah and b.data["kode_iku"].tolist() == ["BGR-01"]


def test_kendali_di_judul_saja_tetap_diperiksa_per_sel():
    """The file-wide shortcut (no control character anywhere) does not hold when the header has one:
    the cells are then looked at one by one, and a clean cell is not refused."""
    b = baca_berkas("r.csv", (b"tahun;triwulan;kode_unit;kode_iku;realisasi;kendala\x01\n"
                              b"2019;3;KPPBCBOGOR;BGR-01;10;bersih\n"))
    assert b.sah, b.kesalahan


def test_panjang_dihitung_dalam_huruf_bukan_byte():
    """A code of 30 letters that take 2 bytes each is within the 50-character limit (checked in characters,
    the byte count only says when a column need be measured)."""
    b = baca_berkas("r.csv", berkas(KEPALA_REALISASI, f"2019;3;KPPBCBOGOR;BGR-01;10;{'é' * 2000}"))
    assert b.sah
    b = baca_berkas("r.csv", berkas(KEPALA_REALISASI, f"2019;3;KPPBCBOGOR;BGR-01;10;{'é' * 2001}"))
    assert [(k.baris, k.kolom) for k in b.kesalahan] == [(2, "kendala")] and "2.001" in b.kesalahan[0].teks


def test_berkas_besar_dibaca_bersamaan_sama_hasilnya(storage, monkeypatch):
    unggahan = [
        ("iku.csv", berkas(KEPALA_IKU, "2019;KPPBCBOGOR;BGR-90;Baru;Customer;maximize;sum;1;1;1;1;1")),
        ("r1.csv", berkas(KEPALA_REALISASI, "2019;3;KPPBCBOGOR;BGR-90;2;", "2019;3;kppbcbogor;BGR-01;bukan")),
        ("r2.csv", berkas(KEPALA_REALISASI, "2019;4;KPPBCBOGOR;bgr-90;3;")),
    ]

    def ringkas(r: importing.RencanaImpor) -> tuple[object, ...]:
        return ([str(k) for k in r.kesalahan],
                [(b.nama, b.catatan, b.data.astype(object).where(b.data.notna(), None).to_dict("list"))
                 for b in r.berkas])

    urut = ringkas(rencanakan(unggahan, storage))
    monkeypatch.setattr(importing, "BATAS_BACA_BERSAMA", 0)
    assert ringkas(rencanakan(unggahan, storage)) == urut


# --- codes: each distinct code looked at once, rules as row by row -------------------------------------------

@pytest.mark.hanya_duckdb  # writes the look-alikes straight into the DuckDB file
def test_kode_mirip_dibandingkan_dengan_ejaan_terakhir_yang_tersimpan(storage):
    """Two stored look-alike IKU codes of one unit (from before the check existed): a new third look-alike is
    refused naming the one a row-by-row walk of the stored rows (ordered by year, unit, code) sees last."""
    with duckdb.connect(str(storage.path)) as con:
        for tahun, kode in ((2018, "X10"), (2018, "XI0"), (2019, "X10")):
            con.execute("INSERT INTO iku SELECT * REPLACE ($tahun AS tahun, $kode AS kode_iku) FROM iku "
                        "WHERE tahun = 2019 AND kode_iku = 'BGR-01'", {"tahun": tahun, "kode": kode})
    rencana = rencanakan([("iku.csv", berkas(KEPALA_IKU, "2019;KPPBCBOGOR;XIO;x;Customer;maximize;sum;1;1;1;1;1"))],
                         storage)
    (k,) = rencana.kesalahan
    assert (k.baris, k.kolom) == (2, "kode_iku") and "ada X10" in k.teks and "XI0" not in k.teks, k.teks


def test_kode_beda_huruf_dipertahankan_tipenya(storage):
    """A rewritten code column keeps its text type (no column of Python objects for a million rows)."""
    rencana = rencanakan([("r.csv", berkas(KEPALA_REALISASI, "2019;3;kppbcbogor;bgr-01;50;"))], storage)
    (b,) = rencana.berkas
    assert b.data["kode_unit"].tolist() == ["KPPBCBOGOR"] and b.data["kode_iku"].tolist() == ["BGR-01"]
    assert b.data["kode_unit"].dtype == b.data["kendala"].dtype


# --- the store: Arrow in, a plain insert for new rows, the same checks ---------------------------------------

def test_iku_beda_huruf_dijaga_saat_menyimpan(storage):
    """Two uploads planned at once bring IKU `BGR-90` and `bgr-90`: the second must not land as a second IKU."""
    a = rencanakan([("a.csv", berkas(KEPALA_IKU, "2019;KPPBCBOGOR;BGR-90;a;Customer;maximize;sum;1;1;1;1;1"))],
                   storage)
    b = rencanakan([("b.csv", berkas(KEPALA_IKU, "2019;KPPBCBOGOR;bgr-90;b;Customer;maximize;sum;1;1;1;1;1"))],
                   storage)
    terapkan(a, storage, Pelaku.sistem("uji"))
    with pytest.raises(ImporDitolak, match="BGR-90"):
        terapkan(b, storage, Pelaku.sistem("uji"))


def test_unggahan_serba_baru_dan_campuran_tersimpan_sama(tmp_path):
    """An upload of only new rows takes a plain insert; its revision and rows are as an upsert makes them."""
    s = Storage(tmp_path / "k.duckdb")
    importing.muat_contoh(s)
    r = rencanakan([("r.csv", berkas(KEPALA_REALISASI, "2019;4;KPPBCBOGOR;BGR-01;1;x"))], s)
    rev = terapkan(r, s, Pelaku.sistem("uji"))
    assert (rev.baru, rev.berubah, rev.sama) == (1, 0, 0)
    r = rencanakan([("r.csv", berkas(KEPALA_REALISASI, "2019;4;KPPBCBOGOR;BGR-01;2;", "2019;4;KPPBCBOGOR;BGR-02;3;"))],
                   s)
    rev = terapkan(r, s, Pelaku.sistem("uji"))
    assert (rev.baru, rev.berubah, rev.sama) == (1, 1, 0)
    tw4 = s.baca(2019).realisasi.query("triwulan == 4").set_index("kode_iku")
    assert tw4.loc["BGR-01", ["realisasi", "kendala"]].tolist() == [2.0, "x"]  # a blank kendala keeps the stored


def test_simpan_menerima_kolom_campuran(storage):
    """Rows Arrow cannot hold as one type (a note typed as a number in one row) are stored as pandas hands them."""
    baris = pd.DataFrame({"tahun": [2019, 2019], "triwulan": [4, 4], "kode_unit": ["KPPBCBOGOR"] * 2,
                          "kode_iku": ["BGR-01", "BGR-02"], "realisasi": [1.0, 2.0], "kendala": [None, None],
                          "rencana_aksi": pd.Series(["a", 7], dtype=object), "pic": ["a", "b"],
                          "tenggat": [pd.NaT, pd.NaT]})
    assert storage.simpan({"realisasi": baris}, pelaku=Pelaku.sistem("uji"), berkas="x", sha256="").baru == 2
    tw4 = storage.baca(2019).realisasi.query("triwulan == 4")
    assert tw4["rencana_aksi"].tolist() == ["a", "7"]


def test_iku_dan_realisasi_hanya_yang_diminta(storage):
    iku, realisasi = storage.iku_dan_realisasi(pd.DataFrame({"tahun": [2019], "kode_unit": ["KPPBCBOGOR"],
                                                             "kode_iku": ["BGR-01"]}))
    assert iku["kode_iku"].tolist() == ["BGR-01"] and set(realisasi["kode_iku"]) == {"BGR-01"}
    assert realisasi["triwulan"].tolist() == sorted(realisasi["triwulan"])


def test_bandingkan_sama_dengan_satu_kueri_penuh(storage):
    """Only the rows with a stored twin come back from the store (``kembar``); the preview's table completes the new
    rows as the full query would give them (values, types, the missing old values)."""
    from kinerja.store.gudang import _ke_pandas, _sebagai_arrow, _sql_beda

    rencana = rencanakan([
        ("iku.csv", berkas(KEPALA_IKU, "2019;KPPBCBOGOR;BGR-90;Baru;Customer;maximize;sum;1;1;1;1;1",
                           "2019;KPPBCBOGOR;BGR-01;Penerimaan;Stakeholder;maximize;sum;5;1;2;3;4")),
        ("r.csv", berkas(KEPALA_REALISASI + ";pic;tenggat", "2019;3;KPPBCBOGOR;BGR-01;10;;Budi;31/12/2019",
                         "2019;4;KPPBCBOGOR;BGR-90;;Hujan;;", "2019;2;KPPBCBOGOR;BGR-02;;;;")),
    ], storage)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    diuji = 0
    for p in rencana.perubahan:
        data = p.beda.data
        with storage._transaksi() as con:
            con.register("masuk", _sebagai_arrow(data))
            penuh = _ke_pandas(con.sql(_sql_beda(p.jenis.value, list(data.columns))).to_arrow_table())
            con.unregister("masuk")
        assert len(p.beda.kembar) == (~penuh["baru"]).sum()  # the new rows are not copied back
        pd.testing.assert_frame_equal(p.beda.lengkap().sort_values("baris").reset_index(drop=True),
                                      penuh.sort_values("baris").reset_index(drop=True))
        diuji += 1
    assert diuji == 2
