"""The documents a unit produces from its data: the quarterly report (``triwulan``), the Perjanjian Kinerja
(``pk``), the Manual IKU (``manual``), the Dialog Kinerja's minutes (``dko``) and the LKjIP chapter III tables
(``lkjip``), each as DOCX, PDF or XLSX.

One module per document builds a ``model.Dokumen`` from the store (``susun(storage, permintaan)``); one module
per format renders it (``docx``, ``pdf``, ``xlsx``: ``render(dokumen) -> bytes``). ``buat.buat`` is the one way in
for the command line (``python -m kinerja report``) and the pages (``kinerja.web.dokumen_ui``): it checks the person
may read the unit, then imports the builder and the renderer. Builders and renderers are imported only when used,
so the command line's start-up stays small (this module imports nothing heavy).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kinerja.pesan import Pesan

JENIS = ("triwulan", "pk", "manual", "dko", "lkjip")
"""The kinds of document, as ``python -m kinerja report --kind`` names them; each is a module of this package."""

FORMAT = ("pdf", "docx", "xlsx")
"""The formats, as ``--format`` names them; each is a module of this package."""

PERLU_TRIWULAN = frozenset({"triwulan", "dko"})
"""The kinds that are about one quarter (``--triwulan`` required); the others are about a year."""


@dataclass(frozen=True)
class Permintaan:
    """What to build: a kind of document for one unit and year (and quarter), in one language.

    ``tanggal`` is the date printed beside the signatures (default: today, in the app's time zone).
    """

    jenis: str
    tahun: int
    kode_unit: str
    triwulan: int | None = None
    bahasa: str = "id"
    tanggal: datetime.date | None = None


MIME = {"pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
"""Each format's media type, for a download."""


class DokumenDitolak(ValueError):
    """A document that cannot be made as asked (an unknown unit or kind, a quarter missing, a kind whose module is
    not installed): nothing is written. Carries its message as a code
    (``kinerja.pesan.Pesan``, or words already said) and says it in the reader's words when shown, like the store's
    refusals."""

    def __init__(self, pesan: Pesan | str) -> None:
        super().__init__(pesan if isinstance(pesan, str) else pesan.kunci)
        self.pesan = pesan

    def __str__(self) -> str:
        from kinerja.texts import teks_pesan

        return teks_pesan(self.pesan)


class JenisTidakTersedia(DokumenDitolak):
    """A kind whose builder module is not installed (``kinerja.dokumen.<jenis>`` missing): the page says it is not
    available rather than fail."""


def nama_jenis(jenis: str) -> str:
    """A kind's name in the current language ("Laporan Kinerja Triwulanan" / "Quarterly Performance Report")."""
    from kinerja.texts import t

    return {"triwulan": t("dok.jenis.triwulan"), "pk": t("dok.jenis.pk"), "manual": t("dok.jenis.manual"),
            "dko": t("dok.jenis.dko"), "lkjip": t("dok.jenis.lkjip")}.get(jenis, jenis)


def galat_penyusun() -> tuple[type[Exception], ...]:
    """The refusals a document's making says in words (the command line: exit 1 with one line; a page: a message):
    the store's refusal of the read (``AksesDitolak``), ``DokumenDitolak`` and the builders' own, asked as the error
    arrives (a builder not yet imported cannot have raised one) — ``bagian.UnitTidakDikenal`` and
    ``dko.TidakAdaRapat`` (no meeting stored for the minutes)."""
    import sys

    from kinerja.store import AksesDitolak

    sendiri: list[type[Exception]] = [AksesDitolak, DokumenDitolak]
    for modul, nama in (("kinerja.dokumen.bagian", "UnitTidakDikenal"), ("kinerja.dokumen.dko", "TidakAdaRapat")):
        kelas = getattr(sys.modules.get(modul), nama, None)
        if isinstance(kelas, type) and issubclass(kelas, Exception):
            sendiri.append(kelas)
    return tuple(sendiri)
