"""Bringing a database to the current tables when a process first opens it: the migrations of ``skema.MIGRASI``
it has not had, in order, then an audit line for each revision older than the audit trail. Both engines call it
(``Inti``'s ``siapkan_skema``); nothing in it needs pandas, so a read-only command starts light."""

from __future__ import annotations

from kinerja.store.bantu import Koneksi, _sekarang
from kinerja.store.galat import MasalahBasisData
from kinerja.store.jejak import _lengkapi_jejak
from kinerja.store.skema import MIGRASI, TABEL_VERSI, VERSI_TERBARU, Dialek


def siapkan_skema(con: Koneksi, dialek: Dialek) -> None:
    """Bring a database to the current tables: apply, in order, the migrations it has not had (``skema.MIGRASI``),
    each recorded in ``skema_versi``; then give older revisions their audit line. A database that a newer
    release has migrated further is refused rather than half understood."""
    con.execute(TABEL_VERSI.format(teks=dialek.teks))
    sudah = {r[0] for r in con.execute("SELECT versi FROM skema_versi").fetchall()}
    if sudah and max(sudah) > VERSI_TERBARU:
        raise MasalahBasisData("gudang.skema_baru", "", versi=max(sudah), versi_ini=VERSI_TERBARU)
    for migrasi in MIGRASI:
        if migrasi.versi in sudah:
            continue
        for perintah in migrasi.perintah(dialek):
            con.execute(perintah)
        con.execute("INSERT INTO skema_versi VALUES ($versi, $nama, $waktu)",
                    {"versi": migrasi.versi, "nama": migrasi.nama, "waktu": _sekarang()})
    _lengkapi_jejak(con)
