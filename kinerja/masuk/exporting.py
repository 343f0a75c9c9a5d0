"""Files the app hands out: upload templates and table exports, as CSV or XLSX.

Text that a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) can never become one in someone's
Excel, and every file reads back unchanged (round trip):
- in CSV such text gets a leading ``'``, which the loader removes again;
- in XLSX it is written as a text cell with Excel's quote prefix (the cell
  shows ``-5 hari`` and stays text when edited), so nothing is added to it.
Control characters a worksheet cannot hold (pasted from Word, stored by older
versions) become a line break (``\x0b``, ``\x0c``) or a space. Numbers stay numbers.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from zoneinfo import ZoneInfo

import pandas as pd
from openpyxl.cell.cell import TYPE_FORMULA, TYPE_STRING
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kinerja.masuk.keluaran import AWALAN_RUMUS, netralkan
from kinerja.masuk.loading import KOLOM, KOLOM_INFO, Jenis
from kinerja.store import TIDAK_DIKENAL, Snapshot
from kinerja.texts import TEKS, bahasa, nama_triwulan, t, teks_pesan
from kinerja_core.komponen import baca_rumus


def _aman(tabel: pd.DataFrame) -> pd.DataFrame:
    hasil = tabel.copy()
    for k in hasil.columns:
        if not pd.api.types.is_numeric_dtype(hasil[k]) and not pd.api.types.is_bool_dtype(hasil[k]):
            hasil[k] = hasil[k].map(netralkan)
    return hasil


def ke_csv(tabel: pd.DataFrame) -> bytes:
    """CSV as Indonesian Excel opens it: `;` separated, decimal comma, UTF-8 with BOM."""
    return _aman(tabel).to_csv(index=False, sep=";", decimal=",", lineterminator="\r\n").encode("utf-8-sig")


_TIDAK_BOLEH_DI_XLSX = re.compile(r"[\x00-\x08\x0e-\x1f]")


def teks_lembar(nilai: str) -> str:
    r"""Text as a worksheet cell can hold it: Word's line/page breaks as line breaks, other control characters
    as spaces.

    >>> teks_lembar("Impor tertunda\x0bAsistensi\x00")
    'Impor tertunda\nAsistensi '
    """
    return _TIDAK_BOLEH_DI_XLSX.sub(" ", nilai.replace("\x0b", "\n").replace("\x0c", "\n"))


def ke_xlsx(tabel: pd.DataFrame, nama_sheet: str, *, laporan: bool = False) -> bytes:
    """An .xlsx with one sheet (named like the file kind, so it reads back); formula-like text stays text.

    Every sheet gets a frozen, filterable header row and columns as wide as
    their content. A *laporan* (a table handed on: Ringkasan, the Dialog) also
    gets Indonesian headers (``kolom.*`` in texts) and numbers rounded to two
    decimals shown as ``1.234,50`` in an Indonesian Excel; a template keeps
    its machine column names and exact values, so it uploads back unchanged.
    """
    data = tabel.copy()
    for k in data.columns:
        if not pd.api.types.is_numeric_dtype(data[k]) and not pd.api.types.is_bool_dtype(data[k]):
            data[k] = data[k].map(lambda v: teks_lembar(v) if isinstance(v, str) else v)
        elif laporan and pd.api.types.is_float_dtype(data[k]):
            data[k] = data[k].round(2)
    if laporan:
        data = data.rename(columns={k: judul_kolom(str(k)) for k in data.columns})
    keluaran = io.BytesIO()
    with pd.ExcelWriter(keluaran, engine="openpyxl") as penulis:
        data.to_excel(penulis, sheet_name=nama_sheet[:31], index=False)
        lembar = penulis.sheets[nama_sheet[:31]]
        for baris in lembar.iter_rows(min_row=2):
            for sel in baris:
                if sel.data_type == TYPE_FORMULA or (isinstance(sel.value, str) and sel.value.startswith(AWALAN_RUMUS)):
                    sel.data_type = TYPE_STRING  # written as text: Excel never evaluates it
                    sel.quotePrefix = True  # and keeps it text when someone edits the cell
        _rapikan_lembar(lembar, data, laporan=laporan)
    return keluaran.getvalue()


LEBAR_MAKS = 60
"""Widest a column is made (in characters); longer text wraps."""


def judul_kolom(kolom: str) -> str:
    """A column's header for people: 'capaian' → 'Capaian (%)', 'target_tw1' → 'Target TW I'.

    >>> judul_kolom("capaian"), judul_kolom("target_tw1"), judul_kolom("realisasi_tw4"), judul_kolom("pic")
    ('Capaian (%)', 'Target TW I', 'Realisasi TW IV', 'PIC')
    """
    kunci = f"kolom.{kolom}"
    if kunci in TEKS[bahasa()]:
        return t(kunci)
    cocok = re.fullmatch(r"(target|realisasi)_tw([1-4])", kolom)
    if cocok:
        return f"{cocok[1].capitalize()} {nama_triwulan(int(cocok[2]))}"
    return {"pic": "PIC", "tenggat": "Tenggat"}.get(kolom, kolom.replace("_", " ").capitalize())


def _rapikan_lembar(lembar: Worksheet, data: pd.DataFrame, *, laporan: bool) -> None:
    """Frozen filterable header, widths from the content, number formats for a report."""
    lembar.freeze_panes = "A2"
    if lembar.max_row > 1:
        lembar.auto_filter.ref = lembar.dimensions
    for i, k in enumerate(data.columns, start=1):
        kolom = data[k]
        huruf = get_column_letter(i)
        teks = kolom.dropna().astype(str)
        lebar = max([len(str(k)), *teks.str.len().head(5000).tolist()]) + 2
        lembar.column_dimensions[huruf].width = min(lebar, LEBAR_MAKS)
        bungkus = lebar > LEBAR_MAKS
        bentuk = None
        if laporan and pd.api.types.is_float_dtype(kolom):
            bentuk = "#,##0.00"
        elif pd.api.types.is_integer_dtype(kolom):
            bentuk = "0"  # a year or a row number, not an amount: no thousands mark
        if bungkus or bentuk:
            for (sel,) in lembar.iter_rows(min_row=2, min_col=i, max_col=i):
                if bentuk:
                    sel.number_format = bentuk
                if bungkus:
                    sel.alignment = Alignment(wrap_text=True, vertical="top")


def templat(jenis: Jenis, snap: Snapshot, kode_unit: Sequence[str], tahun: int, triwulan: int) -> pd.DataFrame:
    """An upload template for the selected units, pre-filled with what is known.

    realisasi: one row per IKU of the units for the quarter, realisasi left blank;
    komponen: one row per komponen of the units' IKU with a ``rumus_komponen``, for the quarter, values blank;
    iku: the units' catalogue for the year as stored (edit targets in place);
    unit: the units as stored.
    """
    kolom = [k for daftar in KOLOM[jenis] for k in daftar]
    if jenis is Jenis.UNIT:
        unit = snap.unit[snap.unit["kode_unit"].isin(kode_unit)].reindex(columns=kolom)
        return unit.assign(nip_pimpinan=unit["nip_pimpinan"].map(tulis_nip))
    iku = snap.iku[(snap.iku["kode_unit"].isin(kode_unit)) & (snap.iku["tahun"] == tahun)]
    if jenis is Jenis.IKU:
        ya = {True: "1", False: ""}
        templat_iku = iku.reindex(columns=kolom)
        return templat_iku.assign(
            konversi_120=iku["konversi_120"].map(ya),
            bilangan_bulat=iku["bilangan_bulat"].map(ya) if "bilangan_bulat" in iku else "",
            bukti_wajib=iku["bukti_wajib"].map(ya) if "bukti_wajib" in iku else "",
            tahun_renstra=pd.to_numeric(templat_iku["tahun_renstra"]).astype("Int64"))  # a year, not 2024,0
    terukur = iku[iku[f"target_tw{triwulan}"].notna()]
    if jenis is Jenis.KOMPONEN:  # one row per komponen of each measured IKU with a formula, values left blank
        baris = [(r.tahun, r.kode_unit, r.kode_iku, nama, r.nama_iku, r.rumus_komponen)
                 for r in terukur[terukur["rumus_komponen"].notna()].itertuples(index=False)
                 for nama in baca_rumus(r.rumus_komponen).komponen]
        isi = pd.DataFrame(baris, columns=["tahun", "kode_unit", "kode_iku", "komponen", "nama_iku", "rumus_komponen"])
        return isi.assign(triwulan=nama_triwulan(triwulan), nilai=None).reindex(
            columns=[*kolom, *KOLOM_INFO[jenis][1:]])
    return pd.DataFrame({
        "tahun": terukur["tahun"], "triwulan": nama_triwulan(triwulan),
        "kode_unit": terukur["kode_unit"], "kode_iku": terukur["kode_iku"], "realisasi": None,
        "kendala": None, "rencana_aksi": None,
        # for the person filling it in; ignored on upload
        "nama_iku": terukur["nama_iku"], "satuan": terukur["satuan"], "target_triwulan": terukur[f"target_tw{triwulan}"],
    }).reindex(columns=[*kolom, *KOLOM_INFO[jenis][1:]])


def tulis_nip(nip: object) -> object:
    """A stored NIP as it is commonly written, in its four parts: birth date, appointment month, sex, serial. So a
    spreadsheet keeps it text (18 digits typed as a number keep only 15), and the upload reads it back.

    >>> tulis_nip("197001011995011001"), tulis_nip(None)
    ('19700101 199501 1 001', None)
    """
    if isinstance(nip, str) and len(nip) == 18 and nip.isdigit():
        return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    return nip


def kolom_jejak() -> dict[str, str]:
    """The audit trail's columns as the page and its XLSX show them, in the reader's language."""
    return {"waktu": t("jejak.kolom.waktu"), "pengguna": t("jejak.kolom.pengguna"), "cara": t("jejak.kolom.cara"),
            "asal": t("jejak.kolom.asal"), "tindakan": t("jejak.kolom.tindakan"), "revisi": t("jejak.kolom.revisi"),
            "unit": t("jejak.kolom.unit"), "rincian": t("jejak.kolom.rincian")}


def tabel_jejak(jejak: pd.DataFrame, zona: ZoneInfo) -> pd.DataFrame:
    """The audit trail (``Storage.jejak``) in the user's words, the time in ``zona`` with its UTC offset.

    >>> j = pd.DataFrame({"id": [1], "waktu": [pd.Timestamp("2019-10-02 03:15:00")], "pengguna": ["rina"],
    ...     "cara": ["masuk"], "asal": ["Unggah Data"], "tindakan": ["impor"], "revisi": [7],
    ...     "rincian": ["realisasi.csv: 3 baru"], "unit": ["KPPBCBOGOR"]})
    >>> tabel_jejak(j, ZoneInfo("Asia/Jakarta"))["Waktu"].tolist()
    ['2019-10-02 10:15:00 +07:00 (WIB)']
    """
    waktu = pd.to_datetime(jejak["waktu"]).dt.tz_localize("UTC").dt.tz_convert(zona)
    teks_waktu = [w.strftime("%Y-%m-%d %H:%M:%S ") + w.strftime("%z")[:3] + ":" + w.strftime("%z")[3:]
                  + f" ({w.tzname()})" for w in waktu]
    revisi = [str(int(r)) if pd.notna(r) else "" for r in jejak["revisi"]]
    operator = jejak["operator"] if "operator" in jejak else pd.Series(None, index=jejak.index, dtype=object)
    pengguna = [t("jejak.tidak_dikenal") if p == TIDAK_DIKENAL else  # a failed sign-in under no person's name
                t("riwayat.oleh_operator", pengguna=p, operator=o) if isinstance(o, str) and o else p
                for p, o in zip(jejak["pengguna"], operator)]
    return jejak.assign(
        waktu=teks_waktu, revisi=revisi, pengguna=pengguna, tindakan=[t(f"jejak.tindakan.{k}") for k in jejak["tindakan"]],
        rincian=[teks_pesan(r) for r in jejak["rincian"]],  # stored as a code: words in the reader's language
        cara=[t(f"jejak.cara.{k}") for k in jejak["cara"]],
    )[list(kolom_jejak())].rename(columns=kolom_jejak())
