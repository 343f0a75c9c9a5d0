"""Excel uploads (kinerja/lembar.py through loading and importing): what a user sees for good and hostile workbooks.

Workbooks are built in the test, with openpyxl or, for what Excel itself never
writes (formulas without a saved result, far-away cells, lying zip headers),
as hand-written zips. Hostile files must be refused (or read) with bounded
memory; the peak is measured with tracemalloc. Time is not asserted here:
such a test simply has to finish.
"""

from __future__ import annotations

import datetime
import io
import struct
import tracemalloc
import zipfile
from collections.abc import Callable, Iterable
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.masuk import lembar, loading
from kinerja.masuk.importing import rencanakan
from kinerja.masuk.loading import Jenis, baca_berkas

REALISASI = ["tahun", "triwulan", "kode_unit", "kode_iku", "realisasi", "kendala", "rencana_aksi"]
IKU = ["tahun", "kode_unit", "kode_iku", "nama_iku", "sasaran_strategis", "perspektif", "satuan", "polaritas",
       "konsolidasi", "bobot", "target_tw1", "target_tw2", "target_tw3", "target_tw4"]
BATAS_MB = 300


def xlsx(*sheet: tuple[str, list[list[Any]]], tersembunyi: Iterable[str] = (), sangat: Iterable[str] = (),
         format_sel: dict[str, str] | None = None, ubah: Callable[[openpyxl.Workbook], None] | None = None) -> bytes:
    """A workbook as openpyxl (and so, for values, Excel) writes it; ``format_sel`` maps 'E2' → number format."""
    buku = openpyxl.Workbook()
    buku.remove(buku.active)
    for nama, baris in sheet:
        ws = buku.create_sheet(nama)
        for b in baris:
            ws.append(b)
        if nama in tersembunyi:
            ws.sheet_state = "hidden"
        if nama in sangat:
            ws.sheet_state = "veryHidden"
        for sel, fmt in (format_sel or {}).items():
            ws[sel].number_format = fmt
    if ubah:
        ubah(buku)
    isi = io.BytesIO()
    buku.save(isi)
    return isi.getvalue()


def zip_xlsx(sheet_xml: str | bytes | Callable[[zipfile.ZipFile, str], None], *, workbook: str = "",
             sheets: str = '<sheet name="realisasi" sheetId="1" r:id="rId1"/>', styles: str | None = None,
             teks: list[str] | None = None, tambahan: dict[str, bytes] | None = None) -> bytes:
    """A minimal .xlsx written by hand: one sheet (rId1 → sheet1.xml), optional styles and shared strings.

    ``sheet_xml`` may be a function writing the sheet part itself (for big, streamed parts).
    """
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    nsr = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    relasi = [f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>']
    if styles is not None:
        relasi.append(f'<Relationship Id="rId8" Type="{rel}/styles" Target="styles.xml"/>')
    if teks is not None:
        relasi.append(f'<Relationship Id="rId9" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>')
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("_rels/.rels", f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   f'package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" '
                   f'Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook {ns} {nsr}>{workbook}<sheets>{sheets}</sheets>'
                   f'</workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/relationships">' + "".join(relasi) + "</Relationships>")
        if styles is not None:
            z.writestr("xl/styles.xml", f'<?xml version="1.0"?><styleSheet {ns}>{styles}</styleSheet>')
        if teks is not None:
            si = "".join(f"<si><t>{x}</t></si>" for x in teks)
            z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst {ns} count="{len(teks)}">{si}</sst>')
        if callable(sheet_xml):
            sheet_xml(z, ns)
        else:
            z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        for nama, data in (tambahan or {}).items():
            z.writestr(nama, data)
    return keluaran.getvalue()


def sheet(baris: str, *, ns: str = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
          awal: str = "", akhir: str = "") -> str:
    return f'<?xml version="1.0"?><worksheet {ns}>{awal}<sheetData>{baris}</sheetData>{akhir}</worksheet>'


def sel_teks(ref: str, teks: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{teks}</t></is></c>'


def judul_realisasi(kolom: list[str] = REALISASI[:5]) -> str:
    return '<row r="1">' + "".join(sel_teks(f"{chr(65 + i)}1", k) for i, k in enumerate(kolom)) + "</row>"


def baris_realisasi(r: int, iku: str, realisasi: str) -> str:
    return (f'<row r="{r}"><c r="A{r}"><v>2019</v></c>{sel_teks(f"B{r}", "TW III")}{sel_teks(f"C{r}", "KPPBCBOGOR")}'
            f'{sel_teks(f"D{r}", iku)}{realisasi}</row>')


def pesan(rencana_atau_berkas: Any) -> list[str]:
    return [str(k) for k in rencana_atau_berkas.kesalahan]


def puncak_mb(fungsi: Callable[[], Any]) -> tuple[Any, float]:
    """The result of ``fungsi`` and the peak of Python memory it allocated, in MB."""
    tracemalloc.start()
    try:
        hasil = fungsi()
        return hasil, tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


# --- 1. percent cells mean what they show ---------------------------------------------------------------


def test_sel_persen_berarti_yang_tampil_seperti_csv(storage):
    isi = xlsx(("realisasi", [REALISASI[:5], [2019, "TW III", "KPPBCBOGOR", "BGR-03", 0.955],
                              [2019, "TW III", "KPPBCBOGOR", "BGR-06", 1]]),
               format_sel={"E2": "0.0%", "E3": "0%"})
    rencana = rencanakan([("r.xlsx", isi)], storage)
    assert rencana.sah, pesan(rencana)
    assert rencana.data(Jenis.REALISASI)["realisasi"].tolist() == [95.5, 100.0]
    csv = b"tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;TW III;KPPBCBOGOR;BGR-03;95,5%\n"
    assert rencanakan([("r.csv", csv)], storage).data(Jenis.REALISASI)["realisasi"].tolist() == [95.5]


def test_persen_dalam_tanda_kutip_bukan_pengali():
    # 95.5 shown as "95.5 %" with a literal percent sign: the value is already 95.5
    isi = xlsx(("realisasi", [REALISASI[:5], [2019, 3, "KPPBCBOGOR", "BGR-03", 95.5],
                              [2019, 3, "KPPBCBOGOR", "BGR-04", 0.1234]]),
               format_sel={"E2": '0.0" %"', "E3": "0.00%"})
    b = baca_berkas("r.xlsx", isi)
    assert b.sah, pesan(b)
    assert b.data["realisasi"].tolist() == [95.5, 12.34]


def test_target_persen_di_iku():
    isi = xlsx(("iku", [IKU, [2019, "KPPBCBOGOR", "BGR-03", "Layanan tepat waktu", "", "Customer", "%", "maximize",
                              "average", 7, 0.95, 0.95, 0.955, 0.96]]),
               format_sel=dict.fromkeys(("K2", "L2", "M2", "N2"), "0.0%"))
    b = baca_berkas("iku.xlsx", isi)
    assert b.sah, pesan(b)
    assert b.data[["target_tw1", "target_tw2", "target_tw3", "target_tw4"]].values.tolist() == [[95, 95, 95.5, 96]]


# --- 2. formulas ---------------------------------------------------------------------------------------


def test_rumus_tanpa_nilai_tersimpan_ditolak_dengan_selnya(storage):
    # openpyxl (like any script) writes formulas without computing them
    isi = xlsx(("realisasi", [REALISASI[:5], [2019, "TW III", "KPPBCBOGOR", "BGR-01", "=40+8.2"],
                              [2019, "TW III", "KPPBCBOGOR", "BGR-02", "=SUM(1,2)"]]))
    rencana = rencanakan([("buku.xlsx", isi)], storage)
    assert not rencana.sah
    (k,) = rencana.kesalahan
    assert (k.baris, k.kolom) == (2, "realisasi")
    assert "rumus tanpa nilai tersimpan" in str(k) and "E2, E3" in str(k)
    assert str(k).startswith("buku.xlsx [realisasi], baris 2, kolom realisasi: ")


def test_rumus_tanpa_v_sama_sekali_ditolak():
    baris = judul_realisasi() + baris_realisasi(2, "BGR-01", '<c r="E2"><f>40+8.2</f></c>')
    b = baca_berkas("r.xlsx", zip_xlsx(sheet(baris)))
    assert [(k.baris, k.kolom) for k in b.kesalahan] == [(2, "realisasi")]
    assert "rumus tanpa nilai tersimpan di sel E2" in pesan(b)[0]


def test_rumus_dengan_nilai_tersimpan_memakai_nilainya():
    baris = (judul_realisasi(REALISASI[:6]) + baris_realisasi(2, "BGR-01", '<c r="E2"><f>40+8.2</f><v>48.2</v></c>'
                                                              '<c r="F2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>'))
    b = baca_berkas("r.xlsx", zip_xlsx(sheet(baris)))
    assert b.sah, pesan(b)
    assert b.data[["realisasi", "kendala"]].values.tolist() == [[48.2, "ab"]]


def test_rumus_di_buku_yang_minta_dihitung_ulang_ditolak():
    # xlsxwriter writes <v>0</v> as a placeholder and asks Excel to recalculate on load
    baris = judul_realisasi() + baris_realisasi(2, "BGR-01", '<c r="E2"><f>40+8.2</f><v>0</v></c>')
    b = baca_berkas("r.xlsx", zip_xlsx(sheet(baris), workbook='<calcPr fullCalcOnLoad="1"/>'))
    assert "rumus tanpa nilai tersimpan di sel E2" in pesan(b)[0]


def test_banyak_rumus_diringkas():
    baris = judul_realisasi() + "".join(
        baris_realisasi(r, f"BGR-{r:02d}", f'<c r="E{r}"><f>1+{r}</f><v></v></c>') for r in range(2, 17))
    b = baca_berkas("r.xlsx", zip_xlsx(sheet(baris)))
    (teks,) = pesan(b)
    assert "E2, E3, E4, E5, E6, E7, E8, E9, E10, E11 dan 5 sel lain" in teks


# --- 3. memory and time bombs ------------------------------------------------------------------------


def test_satu_sel_di_xfd1048576_tidak_membengkak(storage):
    def jauh(buku: openpyxl.Workbook) -> None:
        buku.active["XFD1048576"] = "x"

    isi = xlsx(("realisasi", [REALISASI[:5], [2019, "TW III", "KPPBCBOGOR", "BGR-01", 50]]), ubah=jauh)
    assert len(isi) < 10_000
    rencana, mb = puncak_mb(lambda: rencanakan([("jauh.xlsx", isi)], storage))
    assert rencana.sah, pesan(rencana)
    assert rencana.data(Jenis.REALISASI)["realisasi"].tolist() == [50.0]
    assert mb < BATAS_MB


def _sheet_baris_banyak(jumlah: int, dimensi: bool) -> Callable[[zipfile.ZipFile, str], None]:
    """A sheet of ``jumlah`` identical data rows, written as a script would (no row or cell references)."""
    def tulis(z: zipfile.ZipFile, ns: str) -> None:
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            dim = f'<dimension ref="A1:E{jumlah + 1}"/>' if dimensi else ""
            f.write(f'<?xml version="1.0"?><worksheet {ns}>{dim}<sheetData>{judul_realisasi()}'.encode())
            baris = (b'<row><c><v>2019</v></c><c><v>3</v></c><c t="s"><v>0</v></c><c t="s"><v>1</v></c>'
                     b'<c><v>1.5</v></c></row>')
            for _ in range(jumlah // 10_000):
                f.write(baris * 10_000)
            f.write(baris * (jumlah % 10_000))
            f.write(b"</sheetData></worksheet>")
    return tulis


@pytest.mark.parametrize("dimensi", [True, False], ids=["dimensi_diumumkan", "tanpa_dimensi"])
def test_sejuta_baris_berhenti_begitu_batas_terlewati(storage, monkeypatch, dimensi):
    isi = zip_xlsx(_sheet_baris_banyak(1_200_000, dimensi), teks=["KPPBCBOGOR", "BGR-01"])
    assert len(isi) < 1_000_000
    monkeypatch.setattr(loading, "BATAS_BARIS", 1000)
    rencana, mb = puncak_mb(lambda: rencanakan([("sejuta.xlsx", isi)], storage))
    assert pesan(rencana) == [("sejuta.xlsx [realisasi]: berkas berisi lebih dari 1000 baris, melebihi batas 1000 "
                               "baris; bagi menjadi beberapa berkas")]
    assert mb < 50


def test_dimensi_besar_tetapi_isi_sedikit_tetap_terbaca(monkeypatch):
    baris = judul_realisasi() + baris_realisasi(2, "BGR-01", '<c r="E2"><v>5</v></c>')
    monkeypatch.setattr(loading, "BATAS_BARIS", 10)
    b = baca_berkas("r.xlsx", zip_xlsx(sheet(baris, awal='<dimension ref="A1:XFD1048576"/>')))
    assert b.sah and b.data["realisasi"].tolist() == [5.0]


def test_baris_kosong_dan_sel_jauh_tidak_dihitung(monkeypatch):
    # thousands of empty rows and cells right of the header cost nothing and do not count as rows
    kosong = "".join(f'<row r="{r}"><c r="E{r}"/><c r="ZZ{r}"><v>1</v></c></row>' for r in range(3, 3000))
    baris = judul_realisasi() + baris_realisasi(2, "BGR-01", '<c r="E2"><v>5</v></c>') + kosong
    monkeypatch.setattr(loading, "BATAS_BARIS", 10)
    b = baca_berkas("r.xlsx", zip_xlsx(sheet(baris)))
    assert b.sah, pesan(b)
    assert len(b.data) == 1


def _ubah_ukuran_tercatat(isi: bytes, nama: str, ukuran: int) -> bytes:
    """Rewrite the uncompressed size a zip declares for one part (central directory and local header)."""
    data = bytearray(isi)
    with zipfile.ZipFile(io.BytesIO(isi)) as z:
        info = z.getinfo(nama)
    struct.pack_into("<I", data, info.header_offset + 22, ukuran)
    pusat = data.find(b"PK\x01\x02")
    while pusat >= 0:
        panjang_nama = struct.unpack_from("<H", data, pusat + 28)[0]
        if data[pusat + 46:pusat + 46 + panjang_nama] == nama.encode():
            struct.pack_into("<I", data, pusat + 24, ukuran)
            return bytes(data)
        pusat = data.find(b"PK\x01\x02", pusat + 4)
    raise AssertionError(nama)


def test_zip_yang_mengaku_berukuran_raksasa_ditolak(storage):
    baris = judul_realisasi() + baris_realisasi(2, "BGR-01", '<c r="E2"><v>5</v></c>')
    isi = _ubah_ukuran_tercatat(zip_xlsx(sheet(baris)), "xl/worksheets/sheet1.xml", 4_000_000_000)
    rencana, mb = puncak_mb(lambda: rencanakan([("bom.xlsx", isi)], storage))
    (teks,) = pesan(rencana)
    assert teks.startswith("bom.xlsx: isi berkas Excel terlalu besar setelah diekstrak: bagian "
                           "xl/worksheets/sheet1.xml berukuran 3814.7 MB")
    assert "melebihi batas 1024 MB" in teks
    assert mb < 50


def test_bom_zip_sungguhan_ditolak_dengan_memori_terbatas(storage):
    # 180 MB of one repeated empty row compresses to ~0.2 MB: past the extraction limit when it is set low
    def tulis(z: zipfile.ZipFile, ns: str) -> None:
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(f'<?xml version="1.0"?><worksheet {ns}><sheetData>{judul_realisasi()}'.encode())
            blok = b"<row/>" * 100_000
            for _ in range(300):
                f.write(blok)
            f.write(b"</sheetData></worksheet>")

    isi = zip_xlsx(tulis)
    assert len(isi) < 2_000_000
    hasil, mb = puncak_mb(lambda: lembar.baca_buku(isi, batas_baris=1000, batas_isi_mb=100))
    (teks,) = map(str, hasil.kesalahan)
    assert "terlalu besar setelah diekstrak" in teks and "melebihi batas 100 MB" in teks
    assert mb < 50


def test_zip_yang_mengaku_kecil_tetapi_lebih_besar_ditolak():
    kosong = "".join(f'<row r="{r}"><c r="E{r}"/></row>' for r in range(3, 20000))
    baris = judul_realisasi() + baris_realisasi(2, "BGR-01", '<c r="E2"><v>5</v></c>') + kosong
    isi = _ubah_ukuran_tercatat(zip_xlsx(sheet(baris)), "xl/worksheets/sheet1.xml", 1000)
    b = baca_berkas("kecil.xlsx", isi)
    (teks,) = pesan(b)
    assert teks.startswith("kecil.xlsx: berkas Excel tidak dapat dibuka")


def test_entitas_xml_ditolak():
    tawa = ('<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            + judul_realisasi() + '<row r="2"><c r="E2" t="inlineStr"><is><t>&b;</t></is></c></row>'
            '</sheetData></worksheet>')
    b = baca_berkas("lol.xlsx", zip_xlsx(tawa))
    assert pesan(b) == ["lol.xlsx: berkas Excel tidak dapat dibuka (DOCTYPE); simpan ulang sebagai .xlsx atau CSV"]


def test_judul_di_luar_batas_kolom_diabaikan_dengan_catatan():
    baris = judul_realisasi()[:-len("</row>")] + sel_teks("XFD1", "catatan") + "</row>" + baris_realisasi(
        2, "BGR-01", '<c r="E2"><v>5</v></c>')
    b = baca_berkas("r.xlsx", zip_xlsx(sheet(baris)))
    assert b.sah, pesan(b)
    assert list(map(str, b.catatan)) == ["judul kolom di luar 256 kolom pertama diabaikan: sel XFD1"]


def test_sel_terlalu_panjang_ditolak():
    baris = judul_realisasi(REALISASI[:6]) + baris_realisasi(2, "BGR-01", '<c r="E2"><v>5</v></c>'
                                                             + sel_teks("F2", "x" * 40_000))
    b = baca_berkas("r.xlsx", zip_xlsx(sheet(baris)))
    assert [(k.baris, str(k)) for k in b.kesalahan] == [
        (2, "r.xlsx [realisasi], baris 2: sel F2 berisi lebih dari 32.767 karakter, batas Excel untuk satu sel")]


# --- 4. several sheets, hidden sheets ------------------------------------------------------------------


def _buku_iku_dan_realisasi() -> bytes:
    return xlsx(
        ("iku", [IKU, [2019, "KPPBCBOGOR", "BGR-17", "IKU baru", "", "Customer", "%", "maximize", "last", 5,
                       "", "", 90, 95]]),
        ("realisasi", [REALISASI[:5], [2019, "TW III", "KPPBCBOGOR", "BGR-17", 91],
                       [2019, "TW III", "KPPBCBOGOR", "BGR-01", "lima"]]),
    )


LIMA = ("buku.xlsx [realisasi], baris 3, kolom realisasi: 'lima' bukan angka; yang diharapkan angka seperti 90,9 "
        "atau 5.700.000.000")


def test_setiap_sheet_bernama_jenis_dibaca_sebagai_bagian_sendiri():
    bagian = loading.baca_semua("buku.xlsx", _buku_iku_dan_realisasi())
    assert [(b.nama, b.jenis) for b in bagian] == [("buku.xlsx [iku]", Jenis.IKU),
                                                    ("buku.xlsx [realisasi]", Jenis.REALISASI)]
    assert bagian[0].sah and bagian[0].data["kode_iku"].tolist() == ["BGR-17"]
    assert [str(k) for k in bagian[1].kesalahan] == [LIMA]


def test_rencanakan_membaca_iku_dan_realisasi_dari_satu_buku(storage):
    rencana = rencanakan([("buku.xlsx", _buku_iku_dan_realisasi())], storage)
    assert pesan(rencana) == [LIMA]


def test_baca_berkas_menolak_buku_berisi_beberapa_sheet_data():
    b = baca_berkas("buku.xlsx", _buku_iku_dan_realisasi())
    assert not b.sah
    assert pesan(b)[0].startswith("buku.xlsx: buku kerja berisi beberapa sheet data (iku, realisasi)")


def test_sheet_tersembunyi_dilewati_dengan_catatan(storage):
    isi = xlsx(("lama", [REALISASI[:5], [2019, "TW III", "KPPBCBOGOR", "BGR-01", 1]]),
               ("Data", [REALISASI[:5], [2019, "TW III", "KPPBCBOGOR", "BGR-01", 47]]),
               ("daftar", [["x"]]),
               tersembunyi=["lama"], sangat=["daftar"])
    rencana = rencanakan([("r.xlsx", isi)], storage)
    assert rencana.sah, pesan(rencana)
    assert rencana.data(Jenis.REALISASI)["realisasi"].tolist() == [47.0]
    (b,) = rencana.berkas
    assert b.nama == "r.xlsx [Data]"
    assert list(map(str, b.catatan)) == ["sheet tersembunyi tidak dibaca: lama, daftar"]


def test_sheet_jenis_yang_tersembunyi_tidak_dibaca():
    isi = xlsx(("realisasi", [REALISASI[:5], [2019, 3, "KPPBCBOGOR", "BGR-01", 1]]),
               ("Lembar1", [REALISASI[:5], [2019, 3, "KPPBCBOGOR", "BGR-01", 2]]), tersembunyi=["realisasi"])
    b = baca_berkas("r.xlsx", isi)
    assert b.sah and b.data["realisasi"].tolist() == [2.0]
    assert list(map(str, b.catatan)) == ["sheet tersembunyi tidak dibaca: realisasi"]


def test_tanpa_sheet_bernama_jenis_sheet_pertama_dibaca_dengan_catatan():
    isi = xlsx(("Sheet1", [REALISASI[:5], [2019, 3, "KPPBCBOGOR", "BGR-01", 1]]), ("Sheet2", [["catatan"]]))
    b = baca_berkas("r.xlsx", isi)
    assert b.sah and list(map(str, b.catatan)) == [("hanya sheet pertama (Sheet1) yang dibaca; sheet Sheet2 tidak dibaca. Beri nama "
                                     "sheet unit, iku atau realisasi agar setiap sheet itu dibaca")]


def test_nama_sheet_tidak_peka_huruf_dan_sheet_kosong_dilewati():
    isi = xlsx(("Unit", []), ("REALISASI", [REALISASI[:5], [2019, 3, "KPPBCBOGOR", "BGR-01", 1]]))
    (b,) = loading.baca_semua("r.xlsx", isi)
    assert b.nama == "r.xlsx [REALISASI]" and b.sah
    assert list(map(str, b.catatan)) == ["sheet kosong dilewati: Unit"]


def test_semua_sheet_tersembunyi():
    isi = zip_xlsx(sheet(judul_realisasi()), sheets='<sheet name="realisasi" sheetId="1" state="hidden" r:id="rId1"/>')
    b = baca_berkas("r.xlsx", isi)
    assert pesan(b) == ["r.xlsx: buku kerja tidak berisi sheet yang terlihat; tampilkan (unhide) sheet berisi data"]
    assert list(map(str, b.catatan)) == ["sheet tersembunyi tidak dibaca: realisasi"]


def test_csv_lewat_baca_semua_satu_bagian():
    (b,) = loading.baca_semua("r.csv", b"tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;3;KPPBCBOGOR;BGR-01;1\n")
    assert b.nama == "r.csv" and b.sah


# --- 5. files that are not .xlsx -------------------------------------------------------------------------

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def test_xls_lama_diberi_tahu_cara_menyimpan_xlsx(storage):
    isi = OLE2 + b"\x00" * 500 + "Workbook".encode("utf-16-le") + b"\x00" * 500
    rencana = rencanakan([("lama.xls", isi)], storage)
    assert pesan(rencana) == [("lama.xls: berkas .xls (Excel 97–2003) tidak didukung. Simpan ulang sebagai .xlsx: "
                               "File → Save As → Excel Workbook (*.xlsx), lalu unggah berkas .xlsx itu")]


def test_xlsx_berkata_sandi():
    isi = OLE2 + b"\x00" * 500 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 500
    assert "dilindungi kata sandi" in pesan(baca_berkas("rahasia.xlsx", isi))[0]


def test_xlsb_dan_ods_dikenali():
    xlsb = io.BytesIO()
    with zipfile.ZipFile(xlsb, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.bin", b"\x00\x01")
    ods = io.BytesIO()
    with zipfile.ZipFile(ods, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    assert pesan(baca_berkas("a.xlsx", xlsb.getvalue()))[0].startswith(
        "a.xlsx: berkas ini Excel Binary (.xlsb), bukan .xlsx. Simpan ulang sebagai .xlsx")
    assert pesan(baca_berkas("b.xlsx", ods.getvalue()))[0].startswith(
        "b.xlsx: berkas ini OpenDocument (.ods), bukan .xlsx. Simpan ulang sebagai .xlsx")


def test_dokumen_word_bukan_excel():
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                   'officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", "<w:document xmlns:w='urn:w'/>")
    assert pesan(baca_berkas("c.xlsx", docx.getvalue()))[0].startswith(
        "c.xlsx: berkas ini arsip zip (misalnya dokumen Word atau PowerPoint), bukan buku kerja Excel")


# --- 6. dates --------------------------------------------------------------------------------------------


def test_sel_tanggal_menjadi_tanggal():
    isi = xlsx(("realisasi", [[*REALISASI, "tenggat"],
                              [2019, 3, "KPPBCBOGOR", "BGR-01", 48.2, "", "", datetime.datetime(2020, 1, 31)],
                              [2019, 3, "KPPBCBOGOR", "BGR-02", 13.6, "", "", datetime.date(2019, 12, 20)]]))
    b = baca_berkas("r.xlsx", isi)
    assert b.sah, pesan(b)
    assert [d.date() for d in b.data["tenggat"]] == [datetime.date(2020, 1, 31), datetime.date(2019, 12, 20)]


def test_sel_tanggal_di_kolom_angka_ditolak():
    isi = xlsx(("realisasi", [REALISASI[:5], [2019, 3, "KPPBCBOGOR", "BGR-01", datetime.date(2019, 12, 20)]]))
    b = baca_berkas("r.xlsx", isi)
    assert [(k.baris, k.kolom) for k in b.kesalahan] == [(2, "realisasi")]
    assert pesan(b)[0].startswith("r.xlsx [realisasi], baris 2, kolom realisasi: '2019-12-20' bukan angka")


def test_tanggal_1904_dan_format_tanggal_sendiri():
    gaya = ('<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
            '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs>')
    baris = judul_realisasi([*REALISASI[:5], "tenggat"]) + baris_realisasi(
        2, "BGR-01", '<c r="E2"><v>5</v></c><c r="F2" s="1"><v>42722</v></c>')
    b = baca_berkas("r.xlsx", zip_xlsx(sheet(baris), styles=gaya, workbook='<workbookPr date1904="1"/>'))
    assert b.sah, pesan(b)
    assert b.data["tenggat"].iloc[0].date() == datetime.date(2020, 12, 19)


# --- 7. what already worked keeps working ---------------------------------------------------------------


def test_angka_dan_teks_terbaca_dengan_koma_desimal():
    isi = xlsx(("realisasi", [REALISASI[:6], [2019, 3, "KPPBCBOGOR", "BGR-01", 0.5, "Catatan baris"],
                              [2019, 3, "KPPBCBOGOR", "BGR-02", 1500, None],
                              ["2019", "TW III", "KPPBCBOGOR", "BGR-03", "86,5", None]]))
    buku = lembar.baca_buku(isi, batas_baris=100)
    assert [b for _, b in buku.lembar[0].baris[1:]] == [
        ["2019", "3", "KPPBCBOGOR", "BGR-01", "0,5", "Catatan baris"], ["2019", "3", "KPPBCBOGOR", "BGR-02", "1500", ""],
        ["2019", "TW III", "KPPBCBOGOR", "BGR-03", "86,5", ""]]
    b = baca_berkas("r.xlsx", isi)
    assert b.sah and b.data["realisasi"].tolist() == [0.5, 1500.0, 86.5]


def test_derau_float_excel_dibuang():
    baris = judul_realisasi() + baris_realisasi(2, "BGR-01", '<c r="E2"><v>0.30000000000000004</v></c>')
    b = baca_berkas("r.xlsx", zip_xlsx(sheet(baris)))
    assert b.data["realisasi"].tolist() == [0.3]


def test_sel_digabung_dilaporkan():
    def gabung(buku: openpyxl.Workbook) -> None:
        buku.active.merge_cells("F2:G3")

    isi = xlsx(("realisasi", [REALISASI, [2019, 3, "KPPBCBOGOR", "BGR-01", 1, "x", "y"]]), ubah=gabung)
    b = baca_berkas("r.xlsx", isi)
    assert [(k.baris, k.kolom) for k in b.kesalahan] == [(2, None)]
    assert pesan(b)[0].startswith("r.xlsx [realisasi], baris 2: sel digabung (merge) F2:G3 di sheet realisasi")


def test_nomor_baris_adalah_baris_spreadsheet_walau_judul_tidak_di_baris_1():
    isi = xlsx(("realisasi", [[], [], REALISASI[:5], [2019, 3, "KPPBCBOGOR", "BGR-01", "x"], [],
                              [2019, 3, "KPPBCBOGOR", "BGR-02", "y"]]))
    b = baca_berkas("r.xlsx", isi)
    assert [k.baris for k in b.kesalahan] == [4, 6]


def test_shared_strings_dan_teks_kaya():
    teks = ["tahun", "triwulan", "kode_unit", "kode_iku", "realisasi", "KPPBCBOGOR", "BGR-01"]
    judul = '<row r="1">' + "".join(f'<c r="{chr(65 + i)}1" t="s"><v>{i}</v></c>' for i in range(5)) + "</row>"
    baris = (judul + '<row r="2"><c r="A2"><v>2019</v></c><c r="B2" t="inlineStr"><is><r><t>TW </t></r><r><t>III'
             '</t></r><rPh><t>x</t></rPh></is></c><c r="C2" t="s"><v>5</v></c><c r="D2" t="s"><v>6</v></c>'
             '<c r="E2"><v>7</v></c></row>')
    b = baca_berkas("r.xlsx", zip_xlsx(sheet(baris), teks=teks))
    assert b.sah, pesan(b)
    assert b.data[["triwulan", "kode_unit", "realisasi"]].values.tolist() == [[3, "KPPBCBOGOR", 7.0]]


# --- any workbook: no crash, numbers survive ---------------------------------------------------------------


def _tanpa_kompresi(isi: bytes) -> bytes:
    """The same workbook stored uncompressed, so byte changes reach the XML parser."""
    keluaran = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(isi)) as a, zipfile.ZipFile(keluaran, "w", zipfile.ZIP_STORED) as b:
        for info in a.infolist():
            b.writestr(info.filename, a.read(info))
    return keluaran.getvalue()


_CONTOH = _tanpa_kompresi(xlsx(("realisasi", [REALISASI, [2019, "TW III", "KPPBCBOGOR", "BGR-01", 0.5, "a", "b"]]),
                               format_sel={"E2": "0.0%"}))


with zipfile.ZipFile(io.BytesIO(_CONTOH)) as _z:
    _BAGIAN = {n: _z.read(n) for n in sorted(_z.namelist())}


def _zip(bagian: dict[str, bytes]) -> bytes:
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_STORED) as z:
        for nama, isi in bagian.items():
            z.writestr(nama, isi)
    return keluaran.getvalue()


@settings(max_examples=300, deadline=None)
@given(bagian=st.sampled_from([None, *_BAGIAN]),
       ubah=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8))
def test_buku_rusak_apa_pun_tidak_membuat_crash(bagian, ubah):
    # bytes changed in the zip itself, or inside one of its XML parts (which then reach the parser)
    isi = bytearray(_CONTOH if bagian is None else _BAGIAN[bagian])
    for letak, nilai in ubah:
        isi[letak % len(isi)] = nilai
    buku = bytes(isi) if bagian is None else _zip({**_BAGIAN, bagian: bytes(isi)})
    for b in loading.baca_semua("acak.xlsx", buku):
        assert b.sah or b.kesalahan


_NILAI = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(-1e9, 1e9, allow_nan=False),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=10), st.dates(datetime.date(1901, 1, 1), datetime.date(2100, 1, 1)),
    st.sampled_from(["=1+1", "=A1", "2019", "TW III", "BGR-01", "95,5%", "'=1"]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(baris=st.lists(st.lists(_NILAI, min_size=1, max_size=8), max_size=5))
def test_isi_sel_apa_pun_tidak_membuat_crash(storage, baris):
    rencana = rencanakan([("acak.xlsx", xlsx(("realisasi", [REALISASI, *baris])))], storage)
    assert rencana.sah or rencana.kesalahan or rencana.kesalahan_lain


@settings(max_examples=60, deadline=None)
@given(angka=st.lists(st.one_of(st.integers(-10**12, 10**12),
                                st.floats(-1e12, 1e12, allow_nan=False).map(lambda x: float(f"{x:.12g}"))),
                      min_size=1, max_size=6))
def test_sel_angka_terbaca_sebagai_angka_yang_sama(angka):
    # numbers as typed (at most 15 significant digits, as Excel keeps them) come back exactly
    baris = [[2019, 3, "KPPBCBOGOR", f"BGR-{i + 1:02d}", x] for i, x in enumerate(angka)]
    b = baca_berkas("r.xlsx", xlsx(("realisasi", [REALISASI[:5], *baris])))
    assert b.sah, pesan(b)
    assert b.data["realisasi"].tolist() == [float(x) for x in angka]


def test_tag_raksasa_ditolak_sebelum_dibaca():
    # a 200 MB attribute compresses to ~200 KB; expat would hold all of it (twice) before any handler runs
    def tulis(z: zipfile.ZipFile, ns: str) -> None:
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(f'<?xml version="1.0"?><worksheet {ns}><sheetData>{judul_realisasi()}<row r="2"><c r="'.encode())
            for _ in range(200):
                f.write(b"A" * (1 << 20))
            f.write(b'1"/></row></sheetData></worksheet>')

    isi = zip_xlsx(tulis)
    assert len(isi) < 1_000_000
    hasil, mb = puncak_mb(lambda: baca_berkas("tag.xlsx", isi))
    assert pesan(hasil) == [("tag.xlsx: berkas Excel tidak dapat dibuka (isi xl/worksheets/sheet1.xml tidak wajar: "
                             "satu tag atau teks lebih dari 1 MB); simpan ulang sebagai .xlsx atau CSV")]
    assert mb < 50


def test_batas_baris_untuk_seluruh_buku(monkeypatch):
    monkeypatch.setattr(loading, "BATAS_BARIS", 3)
    isi = xlsx(("iku", [IKU, *([2019, "KPPBCBOGOR", f"BGR-{i}", "x", "", "Customer", "%", "maximize", "last", 5,
                                 1, 1, 1, 1] for i in (1, 2))]),
               ("realisasi", [REALISASI[:5], *([2019, 3, "KPPBCBOGOR", f"BGR-0{i}", 1] for i in (1, 2))]))
    iku, realisasi = loading.baca_semua("buku.xlsx", isi)
    assert iku.sah
    assert pesan(realisasi) == [("buku.xlsx [realisasi]: berkas berisi lebih dari 3 baris, melebihi batas 3 baris; "
                                 "bagi menjadi beberapa berkas")]
