"""What the Dialog Kinerja records: notes on an IKU, the fate of an earlier rencana aksi, the meeting itself.

Each is stored as a revision (who and when are kept), under the rules of an
upload so the meeting's own export uploads back: text is stored as typed,
Word's line breaks as line breaks; a control character or a text over its
length limit raises ``CatatanDitolak`` naming the field, and nothing is stored.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

import pandas as pd

from kinerja.masuk.loading import BATAS_PANJANG, BATAS_PANJANG_LAIN, KENDALI_TERLARANG, Jenis, rapikan_teks
from kinerja.rapat.dialog import Arahan, Rapat, arahan_rapi
from kinerja.store import KOLOM, Revisi, Storage
from kinerja.texts import t
from kinerja_core.akses import Pelaku
from kinerja_core.model import Iku, StatusAksi


class CatatanDitolak(ValueError):
    """A meeting note that cannot be stored as typed; the message names the field and why."""


def simpan_catatan(
    storage: Storage, iku: Iku, tahun: int, triwulan: int, *, kendala: str, rencana_aksi: str, pic: str,
    tenggat: datetime.date | None, pelaku: Pelaku,
) -> Revisi:
    """Record the meeting's notes on one IKU and quarter, as a revision (who and when are kept).

    The notes travel as a realisasi row without a value, so the stored
    realisasi stays; the text fields are stored as typed (an emptied field
    becomes empty), a blank due date keeps the one stored. They follow the
    rules of an upload (so the meeting's own export uploads back): Word's line
    breaks become line breaks; other control characters or a text over the
    length limit raise ``CatatanDitolak`` naming the field, and nothing is stored.
    """
    teks = _teks_rapi({"kendala": kendala, "rencana_aksi": rencana_aksi, "pic": pic})
    baris = pd.DataFrame([{
        "tahun": tahun, "triwulan": triwulan, "kode_unit": iku.kode_unit, "kode_iku": iku.kode_iku,
        "realisasi": None, **teks, "tenggat": pd.Timestamp(tenggat) if tenggat else pd.NaT,
    }]).astype({"realisasi": "float64", "tenggat": "datetime64[ns]"})
    return storage.simpan({Jenis.REALISASI.value: baris}, pelaku=pelaku, berkas=t("dialog.berkas_catatan"),
                          sha256="")


def simpan_tindak_lanjut(
    storage: Storage, iku: Iku, tahun: int, triwulan_aksi: int, *, status: StatusAksi, catatan: str, pelaku: Pelaku,
) -> Revisi:
    """Record what the meeting says of the rencana aksi written for ``triwulan_aksi``: its status (selesai,
    berjalan, terlambat, batal) and a note, on that quarter's row, as a revision. The action itself and the
    realisasi stay as stored; the note follows the rules of the other notes (``CatatanDitolak``).
    E.g. ``simpan_tindak_lanjut(s, bgr01, 2019, 2, status=StatusAksi.SELESAI, catatan="Asistensi 12 Agustus",
    pelaku=...)``.
    """
    teks = _teks_rapi({"catatan_aksi": catatan})
    baris = pd.DataFrame([{
        "tahun": tahun, "triwulan": triwulan_aksi, "kode_unit": iku.kode_unit, "kode_iku": iku.kode_iku,
        "realisasi": None, "kendala": None, "rencana_aksi": None, "pic": None, "tenggat": pd.NaT,
        "status_aksi": status.value, **teks,
    }]).astype({"realisasi": "float64", "tenggat": "datetime64[ns]"})
    return storage.simpan({Jenis.REALISASI.value: baris}, pelaku=pelaku, berkas=t("dialog.berkas_tindak_lanjut"),
                          sha256="")


def simpan_rapat(
    storage: Storage, kode_unit: str, tahun: int, triwulan: int, *, tanggal: datetime.date | None, tempat: str,
    pimpinan: str, peserta: str, arahan: str | Sequence[Arahan], pelaku: Pelaku,
) -> Revisi:
    """Record a Dialog Kinerja meeting's details and decisions (arahan) for a unit and quarter, as one revision.

    Stored as typed (an emptied field becomes empty), under the rules of the
    notes (``CatatanDitolak`` for control characters or a text too long). The
    arahan are the whole list, in order, each with its PIC and tenggat; a text
    is read as one arahan per line with neither. A row with a PIC or tenggat
    but no arahan is refused by its number. The meeting's row carries how many
    arahan it has, so a shorter list replaces a longer one in the same revision.
    E.g. ``simpan_rapat(s, "KPPBCBOGOR", 2019, 3, tanggal=date(2019, 10, 2), tempat="Aula", pimpinan="Kepala
    Kantor", peserta="Kasi PKC\nKasi P2", arahan=[Arahan("Percepat penagihan", "Kasi PKC", date(2019, 11, 30))],
    pelaku=Pelaku("sekretaris", Cara.MASUK, "Dialog"))``.
    """
    teks = _teks_rapi({"tempat": tempat, "pimpinan": pimpinan, "peserta": peserta})
    butir = _arahan_rapi(Rapat(arahan=arahan).daftar_arahan if isinstance(arahan, str) else arahan)
    kunci = {"tahun": tahun, "triwulan": triwulan, "kode_unit": kode_unit}
    rapat = pd.DataFrame([{
        **kunci, "tanggal": pd.Timestamp(tanggal) if tanggal else pd.NaT, **{k: v or None for k, v in teks.items()},
        "arahan": None, "jumlah_arahan": len(butir),
    }]).astype({"tanggal": "datetime64[ns]", "jumlah_arahan": "int64"})
    baris = pd.DataFrame([{**kunci, "nomor": i, "arahan": a.teks, "pic": a.pic,
                           "tenggat": pd.Timestamp(a.tenggat) if a.tenggat else pd.NaT}
                          for i, a in enumerate(butir, start=1)],
                         columns=KOLOM["arahan_rapat"]).astype({"nomor": "int64", "tenggat": "datetime64[ns]"})
    return storage.simpan({"rapat": rapat, "arahan_rapat": baris}, pelaku=pelaku, berkas=t("dialog.berkas_rapat"),
                          sha256="")


def _arahan_rapi(arahan: Sequence[Arahan]) -> tuple[Arahan, ...]:
    """The arahan as stored (``arahan_rapi``), each text under the rules of the notes; a row with a PIC or
    tenggat but no text is refused (``CatatanDitolak``) by its row as entered (1 the first)."""
    for baris, a in enumerate(arahan, start=1):
        _teks_rapi({"arahan": a.teks or "", "pic": a.pic or ""})
        if not rapikan_teks(a.teks or "") and (rapikan_teks(a.pic or "") or a.tenggat):
            raise CatatanDitolak(t("dialog.arahan_tanpa_teks", baris=baris))
    return arahan_rapi(arahan)


def _teks_rapi(teks: dict[str, str]) -> dict[str, str]:
    """Typed text as stored: Word's line breaks as line breaks, trimmed; refused (``CatatanDitolak``) naming the
    field when it holds control characters or is longer than its limit."""
    rapi = {}
    for kolom, isi in teks.items():
        isi = rapikan_teks(isi)
        batas = BATAS_PANJANG.get(kolom, BATAS_PANJANG_LAIN)
        if len(isi) > batas:
            raise CatatanDitolak(t("dialog.catatan_terlalu_panjang", kolom=t(f"kolom.{kolom}"), panjang=len(isi),
                                   batas=batas))
        if re.search(KENDALI_TERLARANG, isi):
            raise CatatanDitolak(t("dialog.catatan_kendali", kolom=t(f"kolom.{kolom}")))
        rapi[kolom] = isi
    return rapi
