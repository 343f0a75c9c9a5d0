"""Uploads that cost far more than they hold are refused by what is actually read, before the work (issue 27,
finding 7): a small .xlsx of 100 MiB of empty XML elements (rows, cells, shared strings, styles), a zip that
declares or inflates to more than its size allows, a CSV of 1.3 million short rows.

The hostile files are built here. Speed belongs to the benchmark (``python bench/run.py --tolak``); these tests
assert on the message, on how much was parsed (a counter around expat) and on the memory a refusal takes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any
from xml.parsers import expat

import pytest

from kinerja import cli
from kinerja.masuk import lembar, loading
from kinerja.masuk.importing import rencanakan
from kinerja.store import Storage
from tests.masuk.test_lembar import (
    _sheet_baris_banyak,
    _ubah_ukuran_tercatat,
    baris_realisasi,
    judul_realisasi,
    pesan,
    puncak_mb,
    sheet,
    zip_xlsx,
)

MIB = 1 << 20
JUDUL_CSV = b"tahun;triwulan;kode_unit;kode_iku;realisasi\n"


class _Expat:
    """Stands in for ``lembar.expat``: counts the start tags and the bytes every parser is given."""

    ExpatError = expat.ExpatError

    def __init__(self) -> None:
        self.elemen = 0
        self.byte = 0
        self.parser = 0

    def ParserCreate(self, *argumen: Any, **opsi: Any) -> Any:
        self.parser += 1
        asli = expat.ParserCreate(*argumen, **opsi)
        hitung = self

        class Parser:
            def __setattr__(self, nama: str, nilai: Any) -> None:
                if nama == "StartElementHandler":
                    def mulai(el: str, a: dict[str, str], f: Callable[..., None] = nilai) -> None:
                        hitung.elemen += 1
                        f(el, a)
                    nilai = mulai
                setattr(asli, nama, nilai)

            def Parse(self, data: bytes, akhir: bool = False) -> int:
                hitung.byte += len(data)
                return asli.Parse(data, akhir)

        return Parser()


@pytest.fixture
def hitung(monkeypatch: pytest.MonkeyPatch) -> _Expat:
    h = _Expat()
    monkeypatch.setattr(lembar, "expat", h)
    return h


def _bagian(path: str, awal: bytes, unsur: bytes, mib: int, akhir: bytes) -> Callable[[zipfile.ZipFile, str], None]:
    """A writer of one part: ``awal``, then ``mib`` MiB of ``unsur`` repeated, then ``akhir``."""
    def tulis(z: zipfile.ZipFile, ns: str) -> None:
        blok = unsur * (MIB // len(unsur))
        with z.open(path, "w", force_zip64=True) as f:
            f.write(awal.replace(b"NS", ns.encode()))
            for _ in range(mib):
                f.write(blok)
            f.write(akhir)
    return tulis


def _sheet_isi(unsur: bytes, mib: int, *, dalam_baris: bool = False) -> Callable[[zipfile.ZipFile, str], None]:
    """A realisasi sheet: the header, one data row, then ``mib`` MiB of ``unsur`` (in a row of its own)."""
    data = baris_realisasi(2, "BGR-01", '<c r="E2"><v>5</v></c>')
    awal = f'<?xml version="1.0"?><worksheet NS><sheetData>{judul_realisasi()}{data}'
    if dalam_baris:
        return _bagian("xl/worksheets/sheet1.xml", (awal + '<row r="3">').encode(), unsur, mib,
                       b"</row></sheetData></worksheet>")
    return _bagian("xl/worksheets/sheet1.xml", awal.encode(), unsur, mib, b"</sheetData></worksheet>")


def _sheet_kecil() -> str:
    return sheet(judul_realisasi() + baris_realisasi(2, "BGR-01", '<c r="E2"><v>5</v></c>'))


def _buku(*bagian: Callable[[zipfile.ZipFile, str], None], teks: bool = False, gaya: bool = False) -> bytes:
    """A minimal .xlsx (as ``zip_xlsx`` writes it) with a small sheet, whose shared strings or styles, when
    named, are written by ``bagian``."""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    relasi = [f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>']
    if teks:
        relasi.append(f'<Relationship Id="rId9" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>')
    if gaya:
        relasi.append(f'<Relationship Id="rId8" Type="{rel}/styles" Target="styles.xml"/>')
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("_rels/.rels", f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   f'package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" '
                   f'Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook {ns} xmlns:r="{rel}"><sheets><sheet '
                   f'name="realisasi" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/relationships">' + "".join(relasi) + "</Relationships>")
        z.writestr("xl/worksheets/sheet1.xml", _sheet_kecil())
        for tulis in bagian:
            tulis(z, ns)
    return keluaran.getvalue()


# --- .xlsx: elements that hold nothing ---------------------------------------------------------------------------

@pytest.mark.parametrize(("unsur", "dalam_baris"), [(b"<row/>", False), (b"<c/>", True), (b"<row/>\n  ", False)],
                         ids=["baris_kosong", "sel_kosong", "baris_dan_spasi"])
def test_seratus_mib_elemen_kosong_ditolak_setelah_sedikit_elemen(storage, hitung, unsur, dalam_baris):
    isi = zip_xlsx(_sheet_isi(unsur, 100, dalam_baris=dalam_baris))
    assert len(isi) < 1_000_000  # 100 MiB of XML in a few hundred KB
    rencana, mb = puncak_mb(lambda: rencanakan([("kosong.xlsx", isi)], storage))
    (teks,) = pesan(rencana)
    assert teks.startswith("kosong.xlsx: sheet realisasi berisi terlalu banyak baris atau sel kosong: pembacaan "
                           "dihentikan setelah "), teks
    assert "(1 berisi data)" in teks
    assert hitung.elemen < 1_000_000  # of 17–26 million
    assert hitung.byte < 16 * MIB
    assert mb < 50


def test_baris_kosong_dihitung_sebagai_baris_yang_dibaca(hitung):
    b = loading.baca_berkas("kosong.xlsx", zip_xlsx(_sheet_isi(b'<row r="9"/>', 60)))
    (teks,) = pesan(b)
    # every <row/> read counts, though none is a data row
    baris = int(teks.split("setelah ")[1].split(" baris")[0].replace(".", ""))
    assert 100_000 < baris < 1_000_000
    assert "(1 berisi data)" in teks


def test_teks_bersama_raksasa_ditolak(storage, hitung):
    teks_bersama = _bagian("xl/sharedStrings.xml", b'<?xml version="1.0"?><sst NS><si><t>BGR-01</t></si>',
                           b"<si/>", 100, b"</sst>")
    isi = _buku(teks_bersama, teks=True)
    assert len(isi) < 1_000_000
    rencana, mb = puncak_mb(lambda: rencanakan([("teks.xlsx", isi)], storage))
    (teks,) = pesan(rencana)
    assert teks.startswith("teks.xlsx: berkas Excel tidak dapat dibuka (bagian xl/sharedStrings.xml berisi lebih "
                           "dari "), teks
    assert hitung.elemen < 1_000_000
    assert mb < 50


def test_gaya_raksasa_ditolak(hitung):
    gaya = _bagian("xl/styles.xml", b'<?xml version="1.0"?><styleSheet NS><cellXfs>', b"<xf/>", 100,
                   b"</cellXfs></styleSheet>")
    isi = _buku(gaya, gaya=True)
    b = loading.baca_berkas("gaya.xlsx", isi)
    (teks,) = pesan(b)
    assert teks.startswith("gaya.xlsx: berkas Excel tidak dapat dibuka (bagian xl/styles.xml berisi lebih dari "), teks
    assert hitung.elemen < 1_000_000


def test_sampah_wajar_di_bawah_data_tetap_terbaca(monkeypatch):
    # a real sheet Excel saved after formatting a block: 5 000 empty styled rows of 12 cells below 300 data rows
    data = "".join(baris_realisasi(r, f"BGR-{r:03d}", f'<c r="E{r}"><v>5</v></c>') for r in range(2, 302))
    kosong = "".join(f'<row r="{r}" s="3" customFormat="1">' + "".join(f'<c r="{k}{r}" s="3"/>' for k in "ABCDEFGHIJKL")
                     + "</row>" for r in range(302, 5302))
    b = loading.baca_berkas("rapi.xlsx", zip_xlsx(sheet(judul_realisasi() + data + kosong)))
    assert b.sah, pesan(b)
    assert len(b.data) == 300


# --- .xlsx: sizes declared and inflated ---------------------------------------------------------------------------

def test_ukuran_tercatat_yang_berbohong_ditolak_sebelum_apa_pun_diurai(storage, hitung):
    # a 1 KB sheet declaring 600 MB: under the 1 GB limit, but 600 000 times its compressed size
    isi = _ubah_ukuran_tercatat(zip_xlsx(_sheet_kecil()), "xl/worksheets/sheet1.xml", 600 * 10**6)
    rencana = rencanakan([("bohong.xlsx", isi)], storage)
    (teks,) = pesan(rencana)
    assert teks.startswith("bohong.xlsx: isi berkas Excel tidak wajar: bagian xl/worksheets/sheet1.xml yang "), teks
    assert "mengembang menjadi lebih dari 256." in teks and "batas 100 kali ukurannya" in teks
    assert hitung.parser == 0  # refused from the zip directory: nothing parsed, not even the workbook


def test_bagian_yang_tidak_dibaca_pun_dihitung_ukurannya(hitung):
    # an image part that says it inflates to 2 GB: the workbook is refused before anything is read
    isi = zip_xlsx(_sheet_kecil(), tambahan={"xl/media/image1.png": b"\x89PNG" + bytes(100)})
    isi = _ubah_ukuran_tercatat(isi, "xl/media/image1.png", 2_000_000_000)
    (teks,) = map(str, lembar.baca_buku(isi, batas_baris=1000).kesalahan)
    assert teks.startswith("isi berkas Excel terlalu besar setelah diekstrak: bagian xl/media/image1.png"), teks
    assert hitung.parser == 0


def test_isi_yang_mengembang_melebihi_rasio_ditolak_saat_diekstrak(hitung):
    # 200 MB of spaces between rows, honestly declared: under what the directory check allows, refused once
    # what really comes out of the zip passes 8 MiB + 100 × its compressed size
    isi = zip_xlsx(_sheet_isi(b"<row/>" + b" " * 4090, 200))  # few tags: the element limit is not reached
    assert len(isi) < 1_000_000
    (teks,) = map(str, lembar.baca_buku(isi, batas_baris=1000).kesalahan)
    assert teks.startswith("isi berkas Excel tidak wajar: bagian xl/worksheets/sheet1.xml yang "), teks
    assert hitung.byte < 40 * MIB


def test_baris_data_kembar_ditolak_oleh_rasio_sebelum_habis_dibaca(hitung):
    # 600 000 identical data rows (58 MB) compress some 300 times: refused by what the zip really inflates,
    # at 8 MiB + 100 × the compressed size, not read to the end (the duplicates would be refused after that)
    isi = zip_xlsx(_sheet_baris_banyak(600_000, False), teks=["KPPBCBOGOR", "BGR-01"])
    assert len(isi) < 500_000
    (teks,) = pesan(loading.baca_berkas("kembar.xlsx", isi))
    assert teks.startswith("kembar.xlsx: isi berkas Excel tidak wajar: bagian xl/worksheets/sheet1.xml yang "), teks
    assert hitung.byte <= 8 * MIB + 100 * len(isi) + (1 << 16) < 40 * MIB


# --- CSV: the row limit before the file is read -------------------------------------------------------------------

def test_csv_sejuta_tiga_ratus_ribu_baris_ditolak_sebelum_dibaca(storage, monkeypatch):
    isi = JUDUL_CSV + b"2019;3;KPPBC;BGR-01;4,5\n" * 1_300_000
    assert 28 * 10**6 < len(isi) < 50 * MIB

    def jangan(*_: object, **__: object) -> None:
        raise AssertionError("the file was decoded or parsed before its rows were counted")

    monkeypatch.setattr(loading, "dekode", jangan)
    monkeypatch.setattr(loading, "_baca_arrow", jangan)
    rencana, mb = puncak_mb(lambda: rencanakan([("besar.csv", isi)], storage))
    assert pesan(rencana) == [
        "besar.csv: berkas berisi 1300000 baris, melebihi batas 1000000 baris; bagi menjadi beberapa berkas"]
    assert mb < 16  # the file itself is 28 MB; reading it took 300 MB and more


@pytest.mark.parametrize("akhir_baris", [b"\n", b"\r\n", b"\r"], ids=["lf", "crlf", "cr"])
def test_csv_baris_dihitung_dengan_akhir_baris_apa_pun(monkeypatch, akhir_baris):
    monkeypatch.setattr(loading, "BATAS_BARIS", 1000)
    monkeypatch.setattr(loading, "dekode", lambda _: pytest.fail("decoded"))
    isi = JUDUL_CSV.replace(b"\n", akhir_baris) + (b"2019;3;A;B;1" + akhir_baris) * 1001
    assert pesan(loading.baca_berkas("r.csv", isi)) == [
        "r.csv: berkas berisi 1001 baris, melebihi batas 1000 baris; bagi menjadi beberapa berkas"]


def test_csv_utf16_dihitung_sebelum_didekode(monkeypatch):
    monkeypatch.setattr(loading, "BATAS_BARIS", 1000)
    monkeypatch.setattr(loading, "dekode", lambda _: pytest.fail("decoded"))
    isi = (JUDUL_CSV.decode() + "2019;3;Ċ;BGR-01;1\n" * 1500).encode("utf-16")  # Ċ is 0x010A: not a line end
    assert pesan(loading.baca_berkas("r.csv", isi)) == [
        "r.csv: berkas berisi 1500 baris, melebihi batas 1000 baris; bagi menjadi beberapa berkas"]


@pytest.mark.parametrize("akhir_baris", [b"\n", b"\r\n"], ids=["lf", "crlf"])
def test_csv_dengan_tanda_kutip_dihitung_tanpa_membaca(monkeypatch, akhir_baris):
    # each row has a cell over two lines: 2 400 lines, 1 200 rows
    monkeypatch.setattr(loading, "BATAS_BARIS", 1000)
    monkeypatch.setattr(loading, "dekode", lambda _: pytest.fail("decoded"))
    isi = (JUDUL_CSV.replace(b"realisasi", b"realisasi;kendala")
           + b'2019;3;A;B;1;"satu\ndua; ""tiga"""\n' * 1200).replace(b"\n", akhir_baris)
    assert pesan(loading.baca_berkas("r.csv", isi)) == [
        "r.csv: berkas berisi 1200 baris, melebihi batas 1000 baris; bagi menjadi beberapa berkas"]


def test_csv_sah_di_bawah_batas_tidak_pernah_ditolak_oleh_hitungan(monkeypatch):
    # more lines than the limit, fewer rows: cells over several lines, blank lines, lines of separators only,
    # a stray quote inside a cell, a row whose only content is quoted
    monkeypatch.setattr(loading, "BATAS_BARIS", 1000)
    kepala = JUDUL_CSV.replace(b"realisasi", b"realisasi;kendala")
    baris = b"".join(b'2019;3;A;BGR-%03d;1;"baris satu\nbaris dua\n\nbaris ""empat"""\n' % i for i in range(990))
    isi = kepala + b'2019;3;A;X-1;1;5" disk\n' + baris + b";;;;;\n" * 3000 + b"\n\n" * 2000 + b' ; ;"" ;\n' * 500
    b = loading.baca_berkas("r.csv", isi)
    assert b.sah, pesan(b)[:3]
    assert len(b.data) == 991


# --- the bounds come first -----------------------------------------------------------------------------------------

def test_batas_semua_berkas_diperiksa_sebelum_berkas_mana_pun_dibaca(storage, monkeypatch):
    bohong = _ubah_ukuran_tercatat(zip_xlsx(_sheet_kecil()), "xl/worksheets/sheet1.xml", 600 * 10**6)
    baik = JUDUL_CSV + b"2019;3;KPPBCBOGOR;BGR-01;4,5\n"
    monkeypatch.setattr(loading, "_periksa_berkas", lambda *_: pytest.fail("a file was read"))
    monkeypatch.setattr(Storage, "kode", lambda *_: pytest.fail("the store was read"))
    rencana = rencanakan([("baik.csv", baik), ("bohong.xlsx", bohong)], storage)
    (teks,) = pesan(rencana)
    assert teks.startswith("bohong.xlsx: isi berkas Excel tidak wajar"), teks


def test_cli_menolak_tanpa_menyimpan_apa_pun(db_contoh, tmp_path, capsys):
    f = tmp_path / "kosong.xlsx"
    f.write_bytes(zip_xlsx(_sheet_isi(b"<row/>", 100)))
    sebelum = len(Storage(db_contoh).daftar_revisi())
    assert cli.main(["import", str(f), "--db", str(db_contoh), "--user", "uji"]) == 1
    err = capsys.readouterr().err
    assert "kosong.xlsx: sheet realisasi berisi terlalu banyak baris atau sel kosong" in err, err
    assert len(Storage(db_contoh).daftar_revisi()) == sebelum
