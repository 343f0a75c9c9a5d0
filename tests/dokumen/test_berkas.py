"""The documents as files (issue 31's tests): each made by the real command (``python -m kinerja report``), then
opened again the way a reader opens it — pypdf for the PDF, python-docx for the DOCX, openpyxl for the XLSX:

- every IKU's target, realisasi and capaian, and the NKO, are those of ``python -m kinerja score --format json`` (the
  komponen IKU and the grey survey of KPPBC Bogor 2019, the cascade parents of BPPT 2017), formatted as the app
  formats them in each language; in a spreadsheet, numbers are numbers;
- the PK's annual targets, the Manual's, the LKjIP's year-end and earlier-year capaian and the minutes' figures too;
- the hostile names and notes of the security tests, formula-like text, a 2 000-character name and notes with line
  breaks come back as the very text stored (never a formula in a spreadsheet);
- a unit with no data for the year gets a file that says so; minutes without a meeting: exit 1, one line, no file;
- the PDF embeds its fonts and carries the document's language.

Each file is made once per module (``berkas``); the databases are module-scoped copies of the seeded sample, written
only while the fixture sets them up.
"""

from __future__ import annotations

import csv
import datetime
import re
import shutil
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph
from pypdf import PdfReader

from kinerja.dokumen import Permintaan, triwulan
from kinerja.dokumen.buat import modul_jenis
from kinerja.dokumen.model import Dokumen, Tabel
from kinerja.rapat.simpan import simpan_rapat
from kinerja.store import Storage
from kinerja.texts import (
    angka,
    dalam_bahasa,
    label_status,
    nama_triwulan,
    persen,
    t,
    uraian_realisasi_komponen,
)
from kinerja_core.akses import Pelaku
from kinerja_core.komponen import baca_rumus
from kinerja_core.model import Status
from tests import jahat
from tests.cli_uji import kinerja
from tests.conftest import DATA
from tests.dokumen.bantu import csv_titik_koma, impor, semua_teks, skor_json

FORMAT = ("pdf", "docx", "xlsx")
BAHASA = ("id", "en")
RAPAT = dict(tanggal=datetime.date(2019, 10, 2), tempat="Aula KPPBC Bogor", pimpinan="Kepala Kantor",
             peserta="Kasi PKC\nKasi P2", arahan="1. Percepat penagihan BGR-03\n- Sosialisasi IKM")
RUMUS_SUM = "=SUM(A1)"
NAMA_RUMUS = f"{RUMUS_SUM} Penerimaan cukai"
NAMA_PANJANG = ("Persentase penyelesaian layanan kepabeanan dan cukai tepat waktu sesuai standar " * 30)[:1999] + "X"
"""An IKU name of exactly 2 000 characters, the most an upload takes."""
KENDALA_BARIS = f"{RUMUS_SUM} kendala pertama\nbaris kedua\nbaris ketiga"
AKSI_BARIS = "@rina hubungi importir\n-5 hari dari tenggat\n+62 812 3456"
UNIT_RUMUS = f"{RUMUS_SUM} KPPBC Bekasi"
BARU, NAMA_BARU = "KPPBCBARU", "KPPBC Baru"


# --- the databases --------------------------------------------------------------------------------------------------


def _salin(sumber: Path, folder: Path) -> Path:
    path = folder / "kinerja.duckdb"
    shutil.copy(sumber, path)
    return path


def _btp_2016(db: Path) -> None:
    """BTP in 2016: its 2017 IKU and realisasi again, BTP-01 at 0,5 a quarter (an earlier year for the LKjIP)."""
    kolom = ["tahun", "kode_unit", "kode_iku", "nama_iku", "sasaran_strategis", "perspektif", "satuan", "polaritas",
             "konsolidasi", "bobot", "target_tw1", "target_tw2", "target_tw3", "target_tw4"]
    with open(DATA / "iku.csv", encoding="utf-8") as f:
        iku = [b for b in csv.DictReader(f, delimiter=";") if b["tahun"] == "2017" and b["kode_unit"] == "BTP"]
    with open(DATA / "realisasi.csv", encoding="utf-8") as f:
        lapor = [b for b in csv.DictReader(f, delimiter=";") if b["tahun"] == "2017" and b["kode_unit"] == "BTP"]
    baris_iku = [kolom, *(["2016", *(b[k] for k in kolom[1:])] for b in iku)]
    baris_lapor = [["tahun", "triwulan", "kode_unit", "kode_iku", "realisasi"],
                   *(["2016", b["triwulan"], "BTP", b["kode_iku"], "0,5" if b["kode_iku"] == "BTP-01" else b["realisasi"]]
                     for b in lapor)]
    impor(db, [("iku.csv", csv_titik_koma(baris_iku)), ("realisasi.csv", csv_titik_koma(baris_lapor))])


@pytest.fixture(scope="module")
def db_modul(_db_contoh: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample, plus: the Dialog of KPPBC Bogor 2019 TW III, BTP's 2016, and a new unit with no IKU."""
    db = _salin(_db_contoh, tmp_path_factory.mktemp("berkas_db"))
    simpan_rapat(Storage(db), "KPPBCBOGOR", 2019, 3, pelaku=Pelaku.sistem("Sekretaris DKO"), **RAPAT)
    _btp_2016(db)
    impor(db, [("unit.csv", f"kode_unit;nama_unit;kode_induk\n{BARU};{NAMA_BARU};KWBCJABAR\n".encode())])
    return db


@pytest.fixture(scope="module")
def db_jahat(_db_contoh: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample with the security tests' hostile names, notes and meeting (``tests.jahat``), and: BGR-02 named
    ``=SUM(A1) …`` with a TW III kendala and rencana aksi over three lines each (formula-like starts), BGR-03 named
    with 2 000 characters, KPPBC Bekasi named ``=SUM(A1) …``."""
    db = _salin(_db_contoh, tmp_path_factory.mktemp("berkas_jahat"))
    jahat.simpan_jahat(db)
    with open(DATA / "iku.csv", encoding="utf-8") as f:
        baris = list(csv.reader(f, delimiter=";"))
    k = {n: i for i, n in enumerate(baris[0])}
    iku = [baris[0]]
    for b in baris[1:]:
        if b[k["kode_unit"]] == "KPPBCBOGOR" and b[k["kode_iku"]] in ("BGR-02", "BGR-03"):
            b[k["nama_iku"]] = NAMA_RUMUS if b[k["kode_iku"]] == "BGR-02" else NAMA_PANJANG
            iku.append(b)
    lapor = [["tahun", "triwulan", "kode_unit", "kode_iku", "realisasi", "kendala", "rencana_aksi"],
             ["2019", "TW III", "KPPBCBOGOR", "BGR-02", "14,1", KENDALA_BARIS, AKSI_BARIS]]
    unit = [["kode_unit", "nama_unit", "kode_induk"], ["KPPBCBEKASI", UNIT_RUMUS, "KWBCJABAR"]]
    impor(db, [("iku.csv", csv_titik_koma(iku)), ("realisasi.csv", csv_titik_koma(lapor)),
               ("unit.csv", csv_titik_koma(unit))])
    return db


@pytest.fixture(scope="module")
def berkas(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """``berkas(db, jenis, tahun, unit, format, bahasa="id", triwulan=None)``: the file ``report`` writes, made once
    per module (the command must exit 0 and say nothing)."""
    folder = tmp_path_factory.mktemp("berkas")
    sudah: dict[tuple, Path] = {}

    def buat(db: Path, jenis: str, tahun: int, unit: str, format: str, bahasa: str = "id",
             triwulan: int | None = None) -> Path:
        kunci = (str(db), jenis, tahun, unit, format, bahasa, triwulan)
        if kunci not in sudah:
            out = folder / f"{len(sudah)}_{jenis}_{unit}_{tahun}_{bahasa}.{format}"
            hasil = kinerja("report", "--kind", jenis, "--tahun", tahun,
                            *(("--triwulan", triwulan) if triwulan else ()), "--unit", unit, "--format", format,
                            "--out", out, "--bahasa", bahasa, "--db", db)
            assert (hasil.returncode, hasil.stdout, hasil.stderr) == (0, "", ""), hasil.stderr
            assert out.stat().st_size > 0
            sudah[kunci] = out
        return sudah[kunci]

    return buat


_SKOR: dict[tuple, dict] = {}


def skor(db: Path, tahun: int, q: int, unit: str, *, sub_unit: bool = False) -> dict:
    """``score --format json``, asked once per module."""
    kunci = (str(db), tahun, q, unit, sub_unit)
    if kunci not in _SKOR:
        _SKOR[kunci] = skor_json(db, tahun, q, unit, sub_unit=sub_unit)
    return _SKOR[kunci]


def model(db: Path, jenis: str, tahun: int, unit: str, bahasa: str = "id", triwulan: int | None = None) -> Dokumen:
    """The document the command renders, as its builder makes it (to know which strings it holds)."""
    with dalam_bahasa(bahasa):
        return modul_jenis(jenis).susun(Storage(db), Permintaan(jenis, tahun, unit, triwulan, bahasa=bahasa))


# --- reading the files back -----------------------------------------------------------------------------------------


def rapat(teks: str) -> str:
    """Whitespace runs as one space (a PDF extractor breaks lines where the page does); a hyphen as pypdf may read
    it (U+00AD) as a hyphen, and a code broken after its hyphen (``BGR-`` / ``14``) whole again."""
    return re.sub(r"-\s+(?=\d)", "-", " ".join(teks.replace("\xad", "-").split()))


def _tanpa_jeda(teks: str) -> str:
    """Text as compared with a PDF's: without whitespace and hyphens (the PDF breaks lines anywhere and hyphenates
    words at a line's end, ``in-`` / ``dikator``; pypdf may read a hyphen as U+00AD)."""
    return re.sub(r"[\s\xad-]+", "", teks)


_KAKI = re.compile(r"\n?(Halaman \d+ dari \d+|Page \d+ of \d+)\s*$")


def ada_pdf(halaman: list[str] | str, dicari: str) -> bool:
    """``dicari`` in a PDF's extracted text (``halaman``: each page's), every character but whitespace and hyphens
    in order. A cell that runs over a page break is read as a piece on one page (the rest of its row after it) and
    the rest on the next (after the letterhead and the repeated table header): found as consecutive pieces of at
    least 8 characters on consecutive pages, each the longest the page holds."""
    tubuh = [_tanpa_jeda(_KAKI.sub("", h)) for h in ([halaman] if isinstance(halaman, str) else halaman)]
    cari = _tanpa_jeda(dicari)
    for awal in range(len(tubuh)):
        sisa = cari
        for b in tubuh[awal:]:
            if sisa in b:
                return True
            bawah, atas = 0, len(sisa)  # the longest start of ``sisa`` on this page
            while bawah < atas:
                tengah = (bawah + atas + 1) // 2
                bawah, atas = (tengah, atas) if sisa[:tengah] in b else (bawah, tengah - 1)
            if bawah < 8:
                break
            sisa = sisa[bawah:]
    return False


def halaman_pdf(path: Path) -> list[str]:
    """Each page's extracted text, in order."""
    return [h.extract_text() for h in PdfReader(path).pages]


def teks_pdf(path: Path) -> str:
    return "\n".join(halaman_pdf(path))


def ada_token(teks: str, token: str) -> bool:
    """``token`` (a number as printed) in ``teks`` as a whole number, not part of a longer one."""
    return re.search(rf"(?<![\d.,]){re.escape(rapat(token))}(?!\d|[.,]\d)", rapat(teks)) is not None


def segmen_pdf(teks: str, kode: list[str], awal: str | None = None, akhir: str | None = None) -> dict[str, str]:
    """The stretch of the PDF's text from each IKU code to the next code of ``kode`` (one table row, however its
    cells wrap), within the part between the captions ``awal`` and ``akhir``."""
    teks = rapat(teks)
    if awal is not None:
        teks = teks[teks.index(rapat(awal)):]
    if akhir is not None:
        teks = teks[:teks.index(rapat(akhir), 1)]
    letak = {}
    for k in kode:
        m = re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", teks)
        assert m is not None, (k, teks[:500])
        letak[k] = m.start()
    urut = sorted(letak, key=letak.__getitem__)
    batas = [letak[k] for k in urut] + [len(teks)]
    return {k: teks[batas[i]:batas[i + 1]] for i, k in enumerate(urut)}


def _isi_docx(path: Path) -> Iterator[Paragraph | Table]:
    doc = Document(str(path))
    for el in doc.element.body.iterchildren():
        if el.tag.endswith("}p"):
            yield Paragraph(el, doc)
        elif el.tag.endswith("}tbl"):
            yield Table(el, doc)


def tabel_docx(path: Path) -> dict[str, list[list[str]]]:
    """Each table's rows (cell texts, the header first) by its caption: the paragraph just before it."""
    hasil: dict[str, list[list[str]]] = {}
    judul = ""
    for b in _isi_docx(path):
        if isinstance(b, Paragraph):
            judul = b.text
        else:
            hasil[judul] = [[c.text for c in r.cells] for r in b.rows]
    return hasil


def potongan_docx(path: Path) -> list[str]:
    """Every paragraph's text, every table cell's (and each of its paragraphs'), and the page header's."""
    doc = Document(str(path))
    hasil = [p.text for p in doc.paragraphs]
    for tb in doc.tables:
        for r in tb.rows:
            for c in r.cells:
                hasil += [c.text, *(p.text for p in c.paragraphs)]
    hasil += [p.text for p in doc.sections[0].header.paragraphs]
    return hasil


def tabel_xlsx(buku: openpyxl.Workbook) -> dict[str, tuple[list[str], list[list]]]:
    """Each sheet's table by its caption (the title row above the blank row): its header and its rows of cells."""
    hasil = {}
    for ws in buku.worksheets:
        if ws.freeze_panes is None:
            continue  # the document's words (its first sheet), not a table
        baris = [list(r) for r in ws.iter_rows()]
        kosong = next(i for i, r in enumerate(baris) if all(c.value is None for c in r))
        if kosong + 1 >= len(baris):
            continue  # a sheet saying the document has no table
        hasil[baris[kosong - 1][0].value] = ([c.value for c in baris[kosong + 1]], baris[kosong + 2:])
    return hasil


def sel_xlsx(buku: openpyxl.Workbook) -> Iterator:
    for ws in buku.worksheets:
        for r in ws.iter_rows():
            yield from (c for c in r if c.value is not None)


def xlsx_tanpa_rumus(path: Path) -> None:
    isi = zipfile.ZipFile(path)
    for n in isi.namelist():
        if n.startswith("xl/worksheets/"):
            assert "<f>" not in isi.read(n).decode() and "<f " not in isi.read(n).decode(), n


def periksa_pdf(path: Path, bahasa: str) -> None:
    """Every font embedded (its descriptor has a /FontFile*), the catalogue's /Lang the document's language."""
    pdf = PdfReader(path)
    huruf = {}
    for h in pdf.pages:
        for f in h["/Resources"]["/Font"].values():
            f = f.get_object()
            for turunan in f.get("/DescendantFonts", [f]):
                d = turunan.get_object()["/FontDescriptor"].get_object()
                huruf[str(d["/FontName"])] = {"/FontFile", "/FontFile2", "/FontFile3"} & set(d)
    assert huruf and all(huruf.values()), huruf
    assert pdf.trailer["/Root"]["/Lang"] == bahasa


# --- 1. the quarterly report: every number that of score ------------------------------------------------------------

CONTOH = [("KPPBCBOGOR", 2019, 3), ("BPPT", 2017, 2)]
"""KPPBC Bogor 2019 TW III: komponen IKU BGR-11 / BGR-14 and the grey survey BGR-05; BPPT 2017 TW II: cascade parents."""
ASAL = {
    ("KPPBCBOGOR", 2019, 3): [
        ("BGR-14", 3, "rasio(indikator_terpenuhi; indikator)", 78.0, {"indikator_terpenuhi": 78.0, "indikator": 100.0}),
        ("BGR-14", 1, "rasio(indikator_terpenuhi; indikator)", 21.0, {"indikator_terpenuhi": 21.0, "indikator": 100.0}),
        ("BGR-11", 2, "rasio(rekomendasi_selesai; rekomendasi)", 100.0, {"rekomendasi_selesai": 14.0, "rekomendasi": 14.0}),
    ],
    ("BPPT", 2017, 2): [("BPPT-01", 2, None, 3.1, {"PTM-02 (Pusat Teknologi Material)": 3.1})],
}
"""The golden komponen and cascade rows (data/komponen.csv; PTM-02's TW II realisasi in data/realisasi.csv): the IKU,
the quarter, the formula, the realisasi it makes, and what it is made of."""


def _rincian(rumus: str | None, nilai: dict[str, float]) -> str:
    if rumus is not None:
        return uraian_realisasi_komponen(baca_rumus(rumus), nilai)
    return "\n".join(f"{k}: {angka(v)}" for k, v in nilai.items())


@pytest.mark.parametrize("bahasa", BAHASA)
@pytest.mark.parametrize("format", FORMAT)
@pytest.mark.parametrize(("unit", "tahun", "q"), CONTOH)
def test_triwulan_angka_sama_dengan_score(db_modul, berkas, unit, tahun, q, format, bahasa):
    path = berkas(db_modul, "triwulan", tahun, unit, format, bahasa, q)
    s = skor(db_modul, tahun, q, unit)
    iku = s["iku"]
    assert iku and any(r["capaian"] is None for r in iku) == (unit == "KPPBCBOGOR")  # the grey survey
    nko = next(n for n in s["nko"] if n["kode_unit"] == unit)["nko"]
    with dalam_bahasa(bahasa):
        judul_sd = t("dok.triwulan.tabel_sd", tw=nama_triwulan(q))
        judul_tw = t("dok.triwulan.tabel_tw", tw=nama_triwulan(q))
        judul_asal = t("dok.triwulan.tabel_asal", tw=nama_triwulan(q))
        # each IKU's row as every format prints it: target, realisasi (2 decimals at most), capaian, light
        cetak = {r["kode_iku"]: (angka(r["target"]), angka(r["realisasi"]), persen(r["capaian"]),
                                 label_status(Status(r["status"]))) for r in iku}
        teks_nko = f": {angka(nko, 2, tetap=True)} · "
        asal = [(kode, nama_triwulan(tw), rumus, realisasi, angka(realisasi), _rincian(rumus, nilai))
                for kode, tw, rumus, realisasi, nilai in ASAL[(unit, tahun, q)]]
        kolom = {n: t(f"kolom.{n}") for n in ("kode_iku", "target", "realisasi", "capaian", "status")}
    if format == "pdf":
        periksa_pdf(path, bahasa)
        teks = teks_pdf(path)
        baris = segmen_pdf(teks, list(cetak), judul_sd, judul_tw)
        for kode, (target, realisasi, capaian, status) in cetak.items():
            for x in (target, realisasi, capaian):
                assert ada_token(baris[kode], x), (kode, x, baris[kode])
            assert rapat(status) in baris[kode], (kode, status)
        assert rapat(teks_nko) in rapat(teks)
        bagian_asal = rapat(teks)[rapat(teks).index(rapat(judul_asal)):]
        for kode, tw, rumus, _, realisasi, rincian in asal:
            assert ada_pdf(bagian_asal, f"{kode}{tw}{rumus or ''}"), (kode, tw)
            assert ada_pdf(bagian_asal, f"{realisasi}{rincian}"), (kode, tw, rincian)
    elif format == "docx":
        tabel = tabel_docx(path)
        kepala, *isi = tabel[judul_sd]
        i = {n: kepala.index(v) for n, v in kolom.items()}
        per_kode = {b[i["kode_iku"]]: b for b in isi}
        assert list(per_kode) == list(cetak)  # every IKU of the unit, in score's order
        for kode, (target, realisasi, capaian, status) in cetak.items():
            b = per_kode[kode]
            assert (b[i["target"]], b[i["realisasi"]], b[i["capaian"]], b[i["status"]]) == (
                target, realisasi, capaian, status), kode
        assert any(teks_nko in p for p in potongan_docx(path))
        baris_asal = [tuple(b) for b in tabel[judul_asal][1:]]
        for kode, tw, rumus, _, realisasi, rincian in asal:
            if rumus is not None:
                assert (kode, tw, rumus, realisasi, rincian) in baris_asal
            else:
                assert any(b[:2] == (kode, tw) and b[3] == realisasi and rincian in b[4] for b in baris_asal), kode
    else:
        buku = openpyxl.load_workbook(path)
        tabel = tabel_xlsx(buku)
        kepala, isi = tabel[judul_sd]
        i = {n: kepala.index(v) for n, v in kolom.items()}
        per_kode = {b[i["kode_iku"]].value: b for b in isi}
        assert list(per_kode) == list(cetak)
        for r in iku:
            b = per_kode[r["kode_iku"]]
            for nama in ("target", "realisasi", "capaian"):
                sel = b[i[nama]]
                if r[nama] is None:
                    assert (sel.value, sel.data_type) == ("—", "s"), (r["kode_iku"], nama)
                else:  # a number, never its text: the capaian at score's 2 decimals, the others whole
                    assert sel.data_type == "n" and sel.value == (round(r[nama], 2) if nama == "capaian" else r[nama]), (
                        r["kode_iku"], nama, sel.value)
            assert b[i["status"]].value == cetak[r["kode_iku"]][3]
        # the NKO is a paragraph: on the workbook's first sheet, the document's words
        assert any(teks_nko in str(sel.value) for sel in buku.worksheets[0]["A"])
        _, isi_asal = tabel[judul_asal]
        baris_asal = [[c.value for c in b] for b in isi_asal]
        for kode, tw, rumus, nilai, _, rincian in asal:
            cocok = [b for b in baris_asal if b[:2] == [kode, tw]]
            assert len(cocok) == 1, (kode, tw, baris_asal)
            assert cocok[0][3] == nilai and rincian in cocok[0][4]
            if rumus is not None:
                assert cocok[0][2] == rumus
        xlsx_tanpa_rumus(path)


# --- 2. the other documents ------------------------------------------------------------------------------------------


def _nilai_docx_atau_xlsx(format: str, path: Path) -> dict[str, list[list]]:
    """Each table's data rows by caption, cell texts (docx) or values (xlsx)."""
    if format == "docx":
        return {k: v[1:] for k, v in tabel_docx(path).items()}
    return {k: [[c.value for c in b] for b in isi] for k, (_, isi) in tabel_xlsx(openpyxl.load_workbook(path)).items()}


def _cetak_atau_nilai(format: str, x: float | None, capaian: bool = False) -> object:
    """What a cell holds for ``x``: its text in a docx (in the current language), the number in an xlsx."""
    if format == "xlsx":
        return "—" if x is None else (round(x, 2) if capaian else x)
    return persen(x) if capaian else angka(x)


@pytest.mark.parametrize("bahasa", BAHASA)
@pytest.mark.parametrize("format", FORMAT)
def test_pk_target_tahunan_sama_dengan_score_tw4(db_modul, berkas, format, bahasa):
    path = berkas(db_modul, "pk", 2019, "KPPBCBOGOR", format, bahasa)
    iku = skor(db_modul, 2019, 4, "KPPBCBOGOR")["iku"]
    with dalam_bahasa(bahasa):
        judul, lampiran = t("dok.pk.tabel_target", tahun=2019), t("dok.pk.tabel_triwulan", tahun=2019)
        if format == "pdf":
            periksa_pdf(path, bahasa)
            baris = segmen_pdf(teks_pdf(path), [r["kode_iku"] for r in iku], judul, lampiran)
            for r in iku:
                assert ada_token(baris[r["kode_iku"]], angka(r["target"])), (r["kode_iku"], baris[r["kode_iku"]])
            return
        tabel = _nilai_docx_atau_xlsx(format, path)
        isi = tabel.get(judul) or next(v for k, v in tabel.items() if judul.startswith(k))
        target = {b[2]: b[5] for b in isi}
        assert target == {r["kode_iku"]: _cetak_atau_nilai(format, r["target"]) for r in iku}
        isi = tabel.get(lampiran) or next(v for k, v in tabel.items() if lampiran.startswith(k))
        assert {b[0]: b[-1] for b in isi} == target  # the annex's year column: the same targets


@pytest.mark.parametrize("format", FORMAT)
def test_manual_setiap_iku_dengan_target_tahunan(db_modul, berkas, format):
    path = berkas(db_modul, "manual", 2019, "KPPBCBOGOR", format)
    iku = skor(db_modul, 2019, 4, "KPPBCBOGOR")["iku"]
    label = t("dok.manual.target_tahun")
    if format == "pdf":
        periksa_pdf(path, "id")
        baris = segmen_pdf(teks_pdf(path), [r["kode_iku"] for r in iku])
        for r in iku:
            assert r["nama_iku"][:20] in baris[r["kode_iku"]]
            assert re.search(re.escape(label) + r"\s+" + re.escape(angka(r["target"])) + r"(?![\d,])",
                             baris[r["kode_iku"]]), (r["kode_iku"], baris[r["kode_iku"]])
        return
    tabel = _nilai_docx_atau_xlsx(format, path)
    assert len(tabel) == len(iku)  # one table (one sheet) per IKU
    for r in iku:
        judul = t("dok.manual.tabel", kode=r["kode_iku"])
        isi = dict(map(tuple, tabel.get(judul) or next(v for k, v in tabel.items() if judul.startswith(k))))
        assert isi[t("kolom.kode_iku")] == r["kode_iku"] and isi[t("kolom.nama_iku")] == r["nama_iku"]
        assert isi[label] == _cetak_atau_nilai(format, r["target"]), r["kode_iku"]


@pytest.mark.parametrize("bahasa", BAHASA)
@pytest.mark.parametrize("format", FORMAT)
def test_lkjip_akhir_tahun_dan_tahun_sebelumnya(db_modul, berkas, format, bahasa):
    """BTP 2017: the year-end figures of ``score --triwulan 4``, and 2016's beside them."""
    path = berkas(db_modul, "lkjip", 2017, "BTP", format, bahasa)
    kini = {r["kode_iku"]: r for r in skor(db_modul, 2017, 4, "BTP")["iku"]}
    lalu = {r["kode_iku"]: r for r in skor(db_modul, 2016, 4, "BTP")["iku"]}
    assert lalu["BTP-01"]["capaian"] != kini["BTP-01"]["capaian"]
    with dalam_bahasa(bahasa):
        judul = t("dok.lkjip.tabel_target", tahun=2017)
        judul_lalu = t("dok.lkjip.tabel_tahun_lalu", tahun=2017)
        judul_renstra = t("dok.lkjip.tabel_renstra", tahun=2017)
        if format == "pdf":
            periksa_pdf(path, bahasa)
            teks = teks_pdf(path)
            baris = segmen_pdf(teks, list(kini), judul, judul_lalu)
            for k, r in kini.items():
                for x in (angka(r["target"]), angka(r["realisasi"]), persen(r["capaian"])):
                    assert ada_token(baris[k], x), (k, x, baris[k])
            baris = segmen_pdf(teks, list(kini), judul_lalu, judul_renstra)
            for k, r in kini.items():
                for x in (angka(lalu[k]["realisasi"]), persen(lalu[k]["capaian"]), persen(r["capaian"])):
                    assert ada_token(baris[k], x), (k, x, baris[k])
            return
        tabel = _nilai_docx_atau_xlsx(format, path)

        def isi(j: str) -> list[list]:
            return tabel.get(j) or next(v for k, v in tabel.items() if j.startswith(k))

        for b in isi(judul):
            r = kini[b[0]]
            assert b[3:6] == [_cetak_atau_nilai(format, r["target"]), _cetak_atau_nilai(format, r["realisasi"]),
                              _cetak_atau_nilai(format, r["capaian"], capaian=True)], b[0]
        assert [b[0] for b in isi(judul)] == list(kini)
        for b in isi(judul_lalu):  # Kode | IKU | Satuan | Realisasi 2016 | Capaian 2016 | Realisasi 2017 | Capaian 2017
            assert b[3:7] == [_cetak_atau_nilai(format, lalu[b[0]]["realisasi"]),
                              _cetak_atau_nilai(format, lalu[b[0]]["capaian"], capaian=True),
                              _cetak_atau_nilai(format, kini[b[0]]["realisasi"]),
                              _cetak_atau_nilai(format, kini[b[0]]["capaian"], capaian=True)], b[0]


@pytest.mark.parametrize("format", FORMAT)
def test_dko_nko_dan_capaian_sama_dengan_score(db_modul, berkas, format):
    path = berkas(db_modul, "dko", 2019, "KPPBCBOGOR", format, "id", 3)
    s = skor(db_modul, 2019, 3, "KPPBCBOGOR", sub_unit=True)
    nko = next(n for n in s["nko"] if n["kode_unit"] == "KPPBCBOGOR")["nko"]
    progres = t("dok.dko.progres")
    if format == "pdf":
        periksa_pdf(path, "id")
        teks = teks_pdf(path)
        assert f": {angka(nko, 2, tetap=True)} · " in rapat(teks)
        for kata in (RAPAT["tempat"], RAPAT["pimpinan"], "Percepat penagihan BGR-03"):
            assert ada_pdf(teks, kata), kata
        for r in s["iku"]:  # each IKU's section: its progress table's TW III row carries score's capaian
            bagian = rapat(teks)[rapat(teks).index(rapat(f"{r['kode_iku']} · {progres}")):]
            awal = bagian.index(nama_triwulan(3))
            baris = bagian[awal:bagian.index(nama_triwulan(4), awal)]
            for x in (angka(r["target"]), angka(r["realisasi"]), persen(r["capaian"])):
                assert ada_token(baris, x), (r["kode_iku"], x, baris)
        return
    tabel = _nilai_docx_atau_xlsx(format, path)
    if format == "docx":
        assert any(f": {angka(nko, 2, tetap=True)} · " in p for p in potongan_docx(path))
    for r in s["iku"]:
        judul = f"{r['kode_iku']} · {progres}"
        isi = tabel.get(judul) or next(v for k, v in tabel.items() if judul.startswith(k))
        b = next(b for b in isi if b[0] == nama_triwulan(3))
        assert b[3:6] == [_cetak_atau_nilai(format, r["target"]), _cetak_atau_nilai(format, r["realisasi"]),
                          _cetak_atau_nilai(format, r["capaian"], capaian=True)], r["kode_iku"]
    rapat_isi = dict(map(tuple, tabel[t("dok.dko.tabel_rapat")]))
    assert rapat_isi[t("kolom.tempat")] == RAPAT["tempat"] and rapat_isi[t("kolom.pimpinan")] == RAPAT["pimpinan"]


# --- 3. hostile, formula-like, long and multi-line text: text, as stored ---------------------------------------------

JENIS_JAHAT = [("triwulan", 3), ("pk", None), ("manual", None), ("lkjip", None), ("dko", 3)]
PASTI = {
    "triwulan": (jahat.NAMA_BOGOR, jahat.SATUAN, f"Kendala {jahat.HTML_JAHAT}\n\n{jahat.MD_JAHAT}",
                 f"Rencana aksi {jahat.HTML_JAHAT}\n\n{jahat.MD_JAHAT}", f"PIC {jahat.HTML_JAHAT}"),
    "pk": (jahat.NAMA_BOGOR, jahat.SATUAN, f"Sasaran {jahat.HTML_JAHAT}\n\n{jahat.MD_JAHAT}"),
    "manual": (jahat.NAMA_BOGOR, jahat.SATUAN, f"Sasaran {jahat.HTML_JAHAT}\n\n{jahat.MD_JAHAT}"),
    "lkjip": (jahat.NAMA_BOGOR, jahat.SATUAN),
    "dko": (jahat.RAPAT["tempat"], jahat.RAPAT["pimpinan"], f"Percepat penagihan {jahat.HTML_JAHAT}",
            f"Kasi {jahat.HTML_JAHAT}\n\n| a | b |", "# JAHAT arahan"),
}
"""Hostile strings each document must hold (so the check against the builder's own strings is never empty)."""


def _jahat_dalam(dok: Dokumen, hanya_tabel: bool) -> set[str]:
    """The strings of ``dok`` that carry a payload (``JAHAT``, or a link to ``evil.example``); ``hanya_tabel``: what an xlsx holds (the title
    rows, the tables' captions and text cells)."""
    semua = [dok.judul, *dok.sub_judul]
    for b in dok.isi:
        if isinstance(b, Tabel):  # a table's sentence for no rows is printed only when it has none
            semua += [b.judul, *b.kolom, *(s.teks for r in b.baris for s in r if s.angka is None or not hanya_tabel)]
            semua += [] if b.baris else [b.kosong]
        elif not hanya_tabel:
            semua += semua_teks(b)
    return {s for s in semua if "JAHAT" in s or "evil.example" in s}


@pytest.mark.parametrize("format", FORMAT)
@pytest.mark.parametrize(("jenis", "q"), JENIS_JAHAT)
def test_teks_jahat_tetap_teks(db_jahat, berkas, jenis, q, format):
    path = berkas(db_jahat, jenis, 2019, "KPPBCBOGOR", format, "id", q)
    harus = _jahat_dalam(model(db_jahat, jenis, 2019, "KPPBCBOGOR", triwulan=q), format == "xlsx")
    for p in PASTI[jenis]:
        assert any(p in s for s in harus), p
    assert jahat.NAMA_BOGOR in harus or jenis == "dko"
    if format == "pdf":
        periksa_pdf(path, "id")
        halaman = halaman_pdf(path)
        for s in harus:
            assert ada_pdf(halaman, s), s
    elif format == "docx":
        potongan = potongan_docx(path)
        for s in harus:
            assert any(s in p for p in potongan), s
        isi = zipfile.ZipFile(path).read("word/document.xml").decode()
        assert "<a href" not in isi and "<img" not in isi
    else:
        buku = openpyxl.load_workbook(path)
        nilai = [c for c in sel_xlsx(buku) if isinstance(c.value, str)]
        for s in harus:
            assert s in {c.value for c in nilai}, s  # one cell, as stored
        for c in sel_xlsx(buku):
            if isinstance(c.value, str) and ("JAHAT" in c.value or "evil.example" in c.value):
                assert c.data_type == "s", c.coordinate
        xlsx_tanpa_rumus(path)


@pytest.mark.parametrize("format", FORMAT)
def test_rumus_panjang_dan_baris_baru_tetap_teks(db_jahat, berkas, format):
    """``=SUM(A1) …`` names and notes, ``@``/``-``/``+`` starts, a 2 000-character name and notes over three lines:
    the quarterly report (names, kendala, rencana aksi) and a PK of a unit named ``=SUM(A1) …``."""
    lap = berkas(db_jahat, "triwulan", 2019, "KPPBCBOGOR", format, "id", 3)
    pk = berkas(db_jahat, "pk", 2019, "KPPBCBEKASI", format)
    teks = (NAMA_RUMUS, NAMA_PANJANG, KENDALA_BARIS, AKSI_BARIS)
    if format == "pdf":
        isi = halaman_pdf(lap)
        for s in teks:
            assert ada_pdf(isi, s), s[:40]
        assert ada_pdf(teks_pdf(pk), UNIT_RUMUS)
        baris = teks_pdf(lap).splitlines()
        assert "baris kedua" in baris and "baris ketiga" in baris  # the note's line breaks, kept
    elif format == "docx":
        potongan = potongan_docx(lap)
        for s in teks:  # whole, line breaks and all, in one cell
            assert s in potongan, s[:40]
        assert UNIT_RUMUS in potongan_docx(pk)
    else:
        sel = {c.value: c for c in sel_xlsx(openpyxl.load_workbook(lap))}
        for s in teks:
            assert s in sel and sel[s].data_type == "s", s[:40]
        for s in (NAMA_RUMUS, KENDALA_BARIS, AKSI_BARIS):
            assert sel[s].quotePrefix, s[:40]  # Excel keeps it text when the cell is edited
        sel_pk = {c.value: c for c in sel_xlsx(openpyxl.load_workbook(pk))}
        assert sel_pk[UNIT_RUMUS].data_type == "s" and sel_pk[UNIT_RUMUS].quotePrefix
        xlsx_tanpa_rumus(lap)
        xlsx_tanpa_rumus(pk)


# --- 4. no data yet: a document that says so -------------------------------------------------------------------------

KALIMAT = {"triwulan": "dok.triwulan.tanpa_iku", "pk": "dok.pk.kosong", "manual": "dok.manual.kosong",
           "lkjip": "dok.lkjip.kosong"}
"""What each yearly document says of a unit with no IKU for the year (``kinerja.po``): in every format, a workbook's
first sheet holding the document's words."""


@pytest.mark.parametrize("format", FORMAT)
@pytest.mark.parametrize("jenis", list(KALIMAT))
@pytest.mark.parametrize(("unit", "nama", "tahun", "bahasa"), [(BARU, NAMA_BARU, 2019, "id"),
                                                               ("KPPBCBOGOR", "KPPBC TMP A Bogor", 2030, "en")])
def test_tanpa_data_mengatakannya(db_modul, berkas, unit, nama, tahun, bahasa, jenis, format):
    path = berkas(db_modul, jenis, tahun, unit, format, bahasa, 1 if jenis == "triwulan" else None)
    with dalam_bahasa(bahasa):
        kalimat = t(KALIMAT[jenis], unit=nama, tahun=tahun)
    if format == "pdf":
        periksa_pdf(path, bahasa)
        assert ada_pdf(halaman_pdf(path), kalimat)
    elif format == "docx":
        assert kalimat in potongan_docx(path)
    else:
        assert kalimat in [c.value for c in sel_xlsx(openpyxl.load_workbook(path))]


@pytest.mark.parametrize("format", FORMAT)
def test_dko_tanpa_rapat_satu_baris_tanpa_berkas(db_modul, tmp_path, format):
    out = tmp_path / f"dko.{format}"
    hasil = kinerja("report", "--kind", "dko", "--tahun", 2019, "--triwulan", 1, "--unit", BARU, "--format", format,
                    "--out", out, "--db", db_modul)
    assert hasil.returncode == 1 and hasil.stdout == ""
    assert hasil.stderr.count("\n") == 1 and "Traceback" not in hasil.stderr
    assert hasil.stderr.startswith(f"Belum ada Dialog Kinerja {BARU} yang tercatat untuk TW I 2019")
    assert list(tmp_path.iterdir()) == []  # nothing written, no temporary file left


@pytest.mark.parametrize("bahasa", BAHASA)
def test_pdf_tanpa_pemenggalan_kata(db_modul, berkas, bahasa):
    """An archived PDF is searched and copied from: no word is hyphenated at a line's end (pypdf reads such a break
    as U+00AD), so every word of the report's text is found whole in the PDF (a line may still break after a hyphen
    the word has: ``e-`` / ``learning``)."""
    path = berkas(db_modul, "triwulan", 2019, "KPPBCBOGOR", "pdf", bahasa, 3)
    teks = teks_pdf(path)
    assert "\xad" not in teks
    satu_baris = re.sub(r"(?<=\w-)\s+", "", " ".join(teks.split()))  # a break after a word's own hyphen
    dok = triwulan.susun(Storage(db_modul), Permintaan("triwulan", 2019, "KPPBCBOGOR", 3, bahasa))
    kata = {k for s in _tercetak(dok) for k in s.split()}
    assert kata and not [k for k in kata if k not in satu_baris]


def _tercetak(dok: Dokumen) -> Iterator[str]:
    """Every text a reader sees on the page: headings, paragraphs, list items, captions, header and data cells (or
    an empty table's sentence), signature lines."""
    for b in dok.isi:
        if isinstance(b, Tabel):
            yield b.judul
            if b.baris:
                yield from b.kolom
                yield from (sel.teks for baris in b.baris for sel in baris)
            else:  # an empty table is its sentence alone
                yield b.kosong
        else:
            yield from semua_teks(b)
