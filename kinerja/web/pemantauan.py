"""The deadline board (Pemantauan) in the reader's words: each unit-quarter's stage, who and when, the next
deadline and how late, whether it waits for the person looking, sorted so that their own work comes first, then
the latest; and the steps the page offers them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd

from kinerja.config import zona_waktu
from kinerja.texts import nama_tahap, t, tanggal_pendek, tn
from kinerja_core.akses import Hibah, berhak
from kinerja_core.siklus import DARI, PERAN_LANGKAH, Langkah, Tahap, berhak_langkah


def langkah_boleh(tahap: Tahap, kode_unit: str, hibah: tuple[Hibah, ...] | None,
                  induk: Mapping[str, str | None]) -> list[Langkah]:
    """The steps the page offers on a unit-quarter to someone with ``hibah`` (None: no limit): those that start
    from its stage and whose role the person holds there (the store decides the rest: the same person, the
    unit's own verifikator, a reason, the deadline).

    >>> induk = {"KWJABAR": None, "KPPBCBOGOR": "KWJABAR"}
    >>> langkah_boleh(Tahap.DIAJUKAN, "KPPBCBOGOR", (Hibah(Peran.VERIFIKATOR, "KWJABAR"),), induk)
    [<Langkah.VERIFIKASI: 'verifikasi'>, <Langkah.KEMBALIKAN: 'kembalikan'>]
    """
    return [lk for lk in Langkah if tahap in DARI[lk]
            and (hibah is None or berhak(hibah, PERAN_LANGKAH[lk], kode_unit, induk))]


GILIRAN = {Tahap.DRAF: Langkah.AJUKAN, Tahap.DIKEMBALIKAN: Langkah.AJUKAN, Tahap.DIAJUKAN: Langkah.VERIFIKASI,
           Tahap.TERVERIFIKASI: Langkah.FINALKAN}
"""The step that moves each stage forward: whoever holds it is the one the quarter waits for."""


def giliran(tahap: Tahap, kode_unit: str, hibah: tuple[Hibah, ...] | None, induk: Mapping[str, str | None]) -> bool:
    """Whether the quarter waits for this person: they hold the role of the step that moves it forward, granted as
    that role (an admin of every unit waits for nobody's draf: the pengisi do; they finalise).

    >>> induk = {"KWJABAR": None, "KPPBCBOGOR": "KWJABAR"}
    >>> admin = (Hibah(Peran.ADMIN, "*"),)
    >>> giliran(Tahap.DRAF, "KPPBCBOGOR", admin, induk), giliran(Tahap.TERVERIFIKASI, "KPPBCBOGOR", admin, induk)
    (False, True)
    """
    langkah = GILIRAN.get(tahap)
    if langkah is None or hibah is None:
        return False
    peran = PERAN_LANGKAH[langkah]
    return berhak_langkah([h for h in hibah if h.peran is peran], langkah, kode_unit, induk)


def _waktu(nilai: object) -> str:
    """A stored UTC time as the unit's date and time; '—' without one."""
    if nilai is None or (isinstance(nilai, float) and pd.isna(nilai)) or nilai is pd.NaT:
        return "—"
    waktu = pd.Timestamp(nilai).to_pydatetime().replace(tzinfo=dt.UTC).astimezone(zona_waktu())
    return f"{tanggal_pendek(waktu.date())} {waktu:%H:%M}"


def keterangan_terlambat(hari: object) -> str:
    """'3 hari terlambat', 'hari ini', '7 hari lagi'; '—' when nothing is due any more."""
    if hari is None or pd.isna(hari):  # type: ignore[arg-type]
        return "—"
    hari = int(hari)  # type: ignore[call-overload]
    if hari > 0:
        return tn("pemantauan.terlambat", hari)
    if hari == 0:
        return t("pemantauan.hari_ini")
    return tn("pemantauan.sisa", -hari)


def tabel_pemantauan(daftar: pd.DataFrame, nama_unit: Mapping[str, str], hibah: tuple[Hibah, ...] | None,
                     induk: Mapping[str, str | None]) -> pd.DataFrame:
    """The board: one row per unit-quarter of ``daftar`` (``Storage.daftar_tahap``), in words, those where the
    person has a step to take first, then by days late (the latest first), then by unit."""
    if daftar.empty:
        return pd.DataFrame()
    d = daftar.copy()
    d["_giliran"] = [giliran(Tahap(th), u, hibah, induk) for th, u in zip(d["tahap"], d["kode_unit"])]
    d["_telat"] = d["terlambat_hari"].astype(float).fillna(float("-inf"))
    d = d.sort_values(["_giliran", "_telat", "kode_unit"], ascending=[False, False, True], kind="stable")
    return pd.DataFrame({
        t("kolom.kode_unit"): d["kode_unit"],
        t("kolom.nama_unit"): d["kode_unit"].map(lambda k: nama_unit.get(k, k)),
        t("pemantauan.kolom.tahap"): d["tahap"].map(nama_tahap),
        t("pemantauan.kolom.giliran"): d["_giliran"].map(lambda g: t("pemantauan.giliran_anda") if g else ""),
        t("pemantauan.kolom.tenggat"): d["tenggat_berikutnya"].map(
            lambda v: "—" if v is None or pd.isna(v) else tanggal_pendek(pd.Timestamp(v).date())),
        t("pemantauan.kolom.terlambat"): d["terlambat_hari"].map(keterangan_terlambat),
        t("pemantauan.kolom.alasan"): d["alasan"].fillna(""),
        t("pemantauan.kolom.diajukan"): [_oleh(o, w) for o, w in zip(d["diajukan_oleh"], d["diajukan_pada"])],
        t("pemantauan.kolom.diverifikasi"): [_oleh(o, w) for o, w in zip(d["diverifikasi_oleh"], d["diverifikasi_pada"])],
        t("pemantauan.kolom.final"): [_oleh(o, w) for o, w in zip(d["final_oleh"], d["final_pada"])],
    }).reset_index(drop=True)


def _oleh(siapa: object, kapan: object) -> str:
    """'rina · 13/10/2026 09:12'; '—' when the step has not been taken."""
    if siapa is None or (isinstance(siapa, float) and pd.isna(siapa)):
        return "—"
    return f"{siapa} · {_waktu(kapan)}"

