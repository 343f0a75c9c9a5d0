"""Templates and exports: pre-filled with the unit's IKU codes, read back by the loader, formulas neutralised."""

import io

import openpyxl
import pandas as pd

from kinerja.masuk.exporting import ke_csv, ke_xlsx, templat
from kinerja.masuk.importing import rencanakan
from kinerja.masuk.loading import Jenis, baca_berkas


def test_templat_realisasi_berisi_iku_yang_diukur_triwulan_itu(storage):
    snap = storage.baca(2019)
    data = templat(Jenis.REALISASI, snap, ["KPPBCBOGOR"], 2019, 3)
    assert list(data.columns[:7]) == ["tahun", "triwulan", "kode_unit", "kode_iku", "realisasi", "kendala",
                                      "rencana_aksi"]
    assert len(data) == 14  # 16 IKU less the TW IV survey and the semester IKU
    assert "BGR-05" not in set(data["kode_iku"]) and "BGR-01" in set(data["kode_iku"])
    assert set(data["triwulan"]) == {"TW III"} and data["realisasi"].isna().all()


def test_templat_terbaca_kembali_tanpa_catatan(storage):
    snap = storage.baca(2019)
    for jenis in Jenis:
        data = templat(jenis, snap, ["KPPBCBOGOR"], 2019, 3)
        for nama, isi in ((f"{jenis.value}.csv", ke_csv(data)), (f"{jenis.value}.xlsx", ke_xlsx(data, jenis.value))):
            b = baca_berkas(nama, isi)
            # how numbers were read: expected
            catatan = [c for c in map(str, b.catatan) if not c.startswith("Angka dibaca")]
            assert (b.jenis, len(b.data), b.kesalahan, catatan) == (jenis, len(data), [], []), nama


def test_templat_iku_diunggah_ulang_tanpa_perubahan(storage):
    data = templat(Jenis.IKU, storage.baca(2017), ["BTP"], 2017, 4)
    for isi in (ke_csv(data), ke_xlsx(data, "iku")):
        rencana = rencanakan([("iku.xlsx" if isi[:2] == b"PK" else "iku.csv", isi)], storage)
        assert rencana.sah, rencana.kesalahan
        (p,) = rencana.perubahan
        assert (p.baru, p.berubah, p.sama) == (0, 0, 8)


def test_rumus_dinetralkan_di_csv_dan_xlsx():
    data = pd.DataFrame({"nama_iku": ["=HYPERLINK(\"http://x\",\"klik\")", "+62 812", "-", "@SUM(A1)", "Biasa"],
                         "realisasi": [-5.0, 1.0, 2.0, 3.0, 4.0]})
    teks = ke_csv(data).decode("utf-8-sig").splitlines()
    assert teks[1] == '"\'=HYPERLINK(""http://x"",""klik"")";-5,0'
    assert [b.split(";")[0] for b in teks[2:]] == ["'+62 812", "'-", "'@SUM(A1)", "Biasa"]
    sheet = openpyxl.load_workbook(io.BytesIO(ke_xlsx(data, "ekspor"))).active
    nilai = [[c.value for c in baris] for baris in sheet.iter_rows(min_row=2)]
    # xlsx: the text as it was (it round-trips), held as a text cell with Excel's quote prefix
    assert [b[0] for b in nilai] == ["=HYPERLINK(\"http://x\",\"klik\")", "+62 812", "-", "@SUM(A1)", "Biasa"]
    assert all(sheet.cell(row=r, column=1).data_type == "s" for r in range(2, 7))
    assert all(sheet.cell(row=r, column=1).quotePrefix for r in range(2, 6))
    assert [b[1] for b in nilai] == [-5, 1, 2, 3, 4]  # numbers stay numbers


def test_xlsx_laporan_berjudul_indonesia_lebar_kolom_dan_angka_dibulatkan():
    data = pd.DataFrame({"tahun": [2019, 2019], "kode_iku": ["BGR-01", "BGR-02"],
                         "nama_iku": ["Penerimaan bea masuk", "Persentase penyelesaian layanan tepat waktu " * 3],
                         "target_tw3": [43.8, 13.6], "capaian": [103.00123, 79.999], "pic": ["Kasi PKC", None]})
    sheet = openpyxl.load_workbook(io.BytesIO(ke_xlsx(data, "ringkasan", laporan=True))).active
    assert [c.value for c in sheet[1]] == ["Tahun", "Kode IKU", "IKU", "Target TW III", "Capaian (%)", "PIC"]
    assert [sheet.cell(row=r, column=5).value for r in (2, 3)] == [103.0, 80.0]  # rounded, still numbers
    assert sheet.cell(row=2, column=5).number_format == "#,##0.00"
    assert sheet.cell(row=2, column=1).number_format == "0" and sheet.cell(row=2, column=1).value == 2019
    assert sheet.column_dimensions["B"].width >= len("BGR-01") and sheet.column_dimensions["C"].width == 60
    assert sheet.cell(row=3, column=3).alignment.wrap_text
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:F3"
    assert sheet.cell(row=3, column=6).value is None  # a missing PIC is an empty cell, never "nan"/"None"


def test_xlsx_templat_tetap_nama_kolom_mesin_dan_nilai_persis():
    data = pd.DataFrame({"tahun": [2019], "target_tw1": [0.123456]})
    sheet = openpyxl.load_workbook(io.BytesIO(ke_xlsx(data, "iku"))).active
    assert [c.value for c in sheet[1]] == ["tahun", "target_tw1"] and sheet["B2"].value == 0.123456


def test_templat_komponen_diisi_lalu_diunggah(storage):
    """The komponen template lists each komponen of the unit's IKU with a formula for the quarter; filled in and
    uploaded, it computes their realisasi (TW IV, Bogor's two IKU with komponen, two each)."""
    data = templat(Jenis.KOMPONEN, storage.baca(2019), ["KPPBCBOGOR"], 2019, 4)
    assert list(data.columns) == ["tahun", "triwulan", "kode_unit", "kode_iku", "komponen", "nilai", "nama_iku",
                                  "rumus_komponen"]
    assert data[["kode_iku", "komponen"]].values.tolist() == [
        ["BGR-11", "rekomendasi_selesai"], ["BGR-11", "rekomendasi"], ["BGR-14", "indikator_terpenuhi"],
        ["BGR-14", "indikator"]]
    assert set(data["triwulan"]) == {"TW IV"} and data["nilai"].isna().all()
    data["nilai"] = [15.0, 16.0, 99.0, 100.0]
    rencana = rencanakan([("komponen.xlsx", ke_xlsx(data, "komponen"))], storage)
    assert rencana.sah, rencana.kesalahan
    (p,) = rencana.perubahan
    assert p.baru == 4 and p.realisasi_dihitung[2] == "93,75 (15 rekomendasi selesai dari 16 rekomendasi)"
