"""The app's front door: who is using this browser session, and what the pages let them do.

Three ways an installation runs:

- **demo** — a fresh checkout, nobody added yet: anyone reads and writes, and every page says so;
- **lokal** — people in the database's user store (``python -m kinerja user add``) sign in with a password;
- **SSO** — ``[auth]`` in ``.streamlit/secrets.toml``: Streamlit's ``st.login`` with the institution's
  OpenID Connect provider; the grants come from the user store, by one trusted claim of the token: ``email``
  when the provider says it verified it (``email_verified``), or the claim the installation names
  (``kinerja_sso_klaim`` / ``KINERJA_SSO_KLAIM``). It signs in only a person stored for SSO (no password):
  never a local password account, whatever the claim says.

``KINERJA_BACA_TERBUKA=1`` (or ``kinerja_baca_terbuka = true`` in secrets) lets anyone read every
dashboard without signing in: the meeting screen opens with no password, writing still needs one.
The pages only decide what to show; every write is checked again below them (``Storage._izinkan``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from kinerja import akses, teks_aman
from kinerja.pesan import Pesan
from kinerja.store import MasalahBasisData
from kinerja.texts import t
from kinerja.web import baca
from kinerja_core.akses import SEMUA, Cara, Hibah, Pelaku, Peran, akar_terlihat, berhak, leluhur

VARIABEL_BACA_TERBUKA = "KINERJA_BACA_TERBUKA"
VARIABEL_SSO_KLAIM = "KINERJA_SSO_KLAIM"
KLAIM_BAWAAN = "email"
"""The claim an SSO person is known by unless the installation names another; trusted only when the token's
``email_verified`` is true."""


class Mode(Enum):
    DEMO = "demo"
    LOKAL = "lokal"
    SSO = "sso"


@dataclass(frozen=True)
class Orang:
    """The person behind this browser session (``identitas`` None: not signed in, reading only if allowed)."""

    identitas: str | None
    cara: Cara
    hibah: tuple[Hibah, ...] | None
    """None: no limit (the open demo)."""
    sesi: akses.Sesi | None = None
    baca_semua: bool = False
    """Whether every unit's dashboard may be read (open reading, or a grant on every unit)."""

    def pelaku(self, asal: str) -> Pelaku:
        """This person as the writer of a write from the page ``asal``."""
        if self.sesi is not None:
            return self.sesi.pelaku(asal)
        return Pelaku(self.identitas or "", self.cara, asal)

    def boleh(self, peran: Peran, kode_unit: str, induk: dict[str, object]) -> bool:
        """Whether the page should offer a write needing ``peran`` on ``kode_unit`` (the store decides)."""
        if self.hibah is None:
            return True
        return self.identitas is not None and berhak(self.hibah, peran, kode_unit, _induk(induk))

    def terlihat(self, kode_unit: str, induk: dict[str, object]) -> bool:
        """Whether this person may read ``kode_unit``'s dashboard."""
        if self.hibah is None or self.baca_semua:
            return True
        return bool(set(leluhur(_induk(induk), kode_unit)) & akar_terlihat(self.hibah))


def _induk(induk: dict[str, object]) -> dict[str, str | None]:
    return {k: v if isinstance(v, str) else None for k, v in induk.items()}


def _rahasia(kunci: str) -> object:
    """A value from .streamlit/secrets.toml, None when there is no such file or key."""
    try:
        return st.secrets.get(kunci)
    except StreamlitSecretNotFoundError:  # no secrets.toml at all: nothing configured
        return None


def mode() -> Mode:
    if _rahasia("auth") is not None:
        return Mode.SSO
    try:
        return Mode.LOKAL if _terkunci(baca.storage().alamat, baca.storage().tanda_versi()) else Mode.DEMO
    except MasalahBasisData as e:
        baca.bila_sibuk(e)
        raise


@st.cache_data(show_spinner=False, max_entries=16)
def _terkunci(path: str, versi: tuple[int, ...]) -> bool:  # adding the first person changes the version
    return baca.storage().terkunci()


def baca_terbuka() -> bool:
    """Whether the installation lets anyone read every dashboard without signing in."""
    nilai = os.environ.get(VARIABEL_BACA_TERBUKA)
    if nilai is None:
        nilai = _rahasia("kinerja_baca_terbuka")
    return str(nilai).strip().lower() in ("1", "true", "ya", "yes")


def klaim_sso() -> str:
    """The claim of the SSO token that names the person: ``KINERJA_SSO_KLAIM``, else ``kinerja_sso_klaim`` in
    secrets, else ``email`` (which counts only with ``email_verified`` true)."""
    nilai = os.environ.get(VARIABEL_SSO_KLAIM) or _rahasia("kinerja_sso_klaim")
    return str(nilai).strip() if nilai is not None and str(nilai).strip() else KLAIM_BAWAAN


def _benar(nilai: object) -> bool:
    """A claim that says yes: JSON's true, or the string "true" some providers send instead."""
    return nilai is True or (isinstance(nilai, str) and nilai.strip().lower() == "true")


@st.cache_data(show_spinner=False, max_entries=256, ttl=60)
def _hak(path: str, versi: tuple[int, ...], identitas: str, sidik: str | None,
         sso: bool = False) -> tuple[Hibah, ...] | None:
    """A person's grants as stored now, or None when they are gone or their session is closed (a sign-out,
    a removal: both change the version). ``sso``: the name comes from an SSO token, which only ever signs in
    a person stored for SSO (no password): never a local password account."""
    storage = baca.storage()
    orang = storage.pengguna(identitas)
    if orang is None or (sso and orang[0] is not None):
        return None
    kini = datetime.now(UTC).replace(tzinfo=None)
    if sidik is not None and not storage.sesi_berlaku(Pelaku(identitas, Cara.MASUK, "", sidik), kini):
        return None
    return tuple(orang[1])


def gerbang() -> Orang:
    """Who is here, drawn in the sidebar (with sign-in / sign-out); a run that must not go on without
    signing in shows the sign-in and stops."""
    m = mode()
    terbuka = baca_terbuka()
    if m is Mode.DEMO:
        with st.sidebar:
            st.warning(t("gerbang.demo"), icon=":material/lock_open:")
        orang = Orang("demo", Cara.DEMO, None, baca_semua=True)
    else:
        orang = _orang_masuk(m, terbuka)
        with st.sidebar:
            if orang.identitas is None and terbuka:  # reading without signing in: the sign-in waits here
                with st.expander(t("gerbang.masuk"), expanded=False, icon=":material/login:"):
                    _pintu(m)
            elif orang.identitas is not None:
                st.caption(teks_aman.t_aman("gerbang.sebagai", identitas=orang.identitas, hak=", ".join(
                    f"{h.peran.value} {t('gerbang.semua_unit') if h.kode_unit == SEMUA else h.kode_unit}"
                    for h in orang.hibah or ()) or t("akses.tanpa_hak")))
                if st.button(t("gerbang.keluar"), key="gerbang_keluar", icon=":material/logout:"):
                    _keluar(m, orang)
        if orang.identitas is None and not terbuka:
            _, tengah, _ = st.columns([1, 1, 1])  # a sign-in box, not a form across the projector
            with tengah:
                st.title(t("app.judul"))
                if st.session_state.pop("_baru_keluar", False):
                    st.success(t("gerbang.sudah_keluar"), icon=":material/logout:")
                st.markdown(t("gerbang.ajakan"))
                _pintu(m)
            st.stop()
    st.session_state["_orang"] = orang
    return orang


def _orang_masuk(m: Mode, terbuka: bool) -> Orang:
    """The signed-in person of this session, or an anonymous reader (identitas None)."""
    path, versi = baca.storage().alamat, baca.storage().tanda_versi()
    identitas, sesi = None, None
    if m is Mode.SSO:
        if st.user.get("is_logged_in"):
            identitas = _identitas_sso()
    else:
        sesi = st.session_state.get("_sesi")
        if sesi is not None:
            identitas = sesi.identitas
    if identitas is None:
        return Orang(None, Cara.MASUK, (), baca_semua=terbuka)
    hibah = _hak(path, versi, identitas, akses.sidik_sesi(sesi.rahasia) if sesi else None, m is Mode.SSO)
    kini = datetime.now(UTC).replace(tzinfo=None)
    if hibah is None or (sesi is not None and sesi.berakhir <= kini):
        st.session_state.pop("_sesi", None)
        if m is Mode.SSO:  # nobody stored for SSO by that name (a local password account is not)
            _sso_ditolak("sso_tidak_terdaftar", identitas)
        else:
            st.warning(t("gerbang.sesi_berakhir"), icon=":material/timer_off:")
        return Orang(None, Cara.MASUK, (), baca_semua=terbuka)
    semua = terbuka or any(h.kode_unit == SEMUA for h in hibah)
    return Orang(identitas, Cara.MASUK, hibah, sesi, baca_semua=semua)


def _identitas_sso() -> str | None:
    """Whom this browser's SSO token names by the trusted claim (``klaim_sso``), as the user store spells names;
    None, saying why, when it names nobody in a way the installation trusts: the claim missing or not one line
    of text, or the e-mail not verified by the provider."""
    klaim = klaim_sso()
    nilai = st.user.get(klaim)
    try:
        identitas = akses.rapikan_identitas(nilai) if isinstance(nilai, str) and nilai.strip() else None
    except ValueError:  # a line break, a control character: no person has such a name
        identitas = None
    if identitas is None:
        _sso_ditolak("sso_tanpa_klaim", "", klaim=klaim)
    elif klaim == KLAIM_BAWAAN and not _benar(st.user.get("email_verified")):
        _sso_ditolak("sso_belum_verifikasi", identitas)
        identitas = None
    return identitas


def _sso_ditolak(alasan: str, identitas: str, **isian: str) -> None:
    """Say why this SSO sign-in signs nobody in; the audit trail gets it once per browser session (a rerun does
    not add a line), under the person's name when there is such a person."""
    st.error(t(f"gerbang.{alasan}", identitas=teks_aman.md(identitas), **isian), icon=":material/no_accounts:")
    if st.session_state.get("_sso_ditolak") == (alasan, identitas):
        return
    try:
        baca.storage().catat_sso_ditolak(identitas, Pesan(f"jejak.{alasan}", isian), asal="aplikasi")
    except MasalahBasisData as e:  # refused all the same; the line could not be written (a read-only file)
        st.caption(t("gerbang.jejak_tidak_tertulis", alasan=teks_aman.md(str(e))))
    st.session_state["_sso_ditolak"] = (alasan, identitas)


def _pintu(m: Mode) -> None:
    """The sign-in: the institution's SSO button, or the local store's name and password."""
    if m is Mode.SSO:
        if st.user.get("is_logged_in"):  # signed in at the provider, refused here: another account needs a sign-out
            if st.button(t("gerbang.keluar"), key="gerbang_keluar_sso", icon=":material/logout:"):
                st.session_state.pop("_sso_ditolak", None)
                st.logout()
        elif st.button(t("gerbang.masuk_sso"), key="gerbang_sso", type="primary", icon=":material/login:"):
            st.login()
        return
    with st.form("gerbang_masuk", border=False):
        nama = st.text_input(t("gerbang.nama"), key="gerbang_nama", autocomplete="username")
        sandi = st.text_input(t("gerbang.sandi"), type="password", key="gerbang_sandi",
                              autocomplete="current-password")
        kirim = st.form_submit_button(t("gerbang.masuk"), type="primary", icon=":material/login:")
    if kirim:
        try:
            st.session_state["_sesi"] = akses.masuk(baca.storage(), nama, sandi, asal="aplikasi", sumber=_sumber())
        except akses.MasukDitolak as e:  # our own words only (wrong, or how long to wait): no data in it
            st.error(str(e), icon=":material/error:")
            return
        except MasalahBasisData as e:
            baca.bila_sibuk(e)
        st.rerun()


def _sumber() -> str | None:
    """Where this browser's sign-in comes from (its address as the server sees it): the rate limit counts
    failures per source too, against one password sprayed over many names. Behind a reverse proxy every
    browser has the proxy's address; ``akses.GAGAL_BEBAS_SUMBER`` leaves room for that."""
    alamat = st.context.ip_address
    return alamat if isinstance(alamat, str) and alamat else None


def _keluar(m: Mode, orang: Orang) -> None:
    """Sign out: the session ends in the store too, so nothing more can be written with it."""
    st.session_state.pop("_sesi", None)
    st.session_state["_baru_keluar"] = True
    if orang.sesi is not None:
        baca.storage().tutup_sesi(orang.pelaku("aplikasi"))
    if m is Mode.SSO:
        st.logout()
    st.rerun()


def orang() -> Orang:
    """The person ``gerbang`` found for this run."""
    return st.session_state["_orang"]


def perlu(peran: Peran) -> Orang:
    """For a page that writes: the person, if they hold ``peran`` on some unit (the write itself names its
    units, and the store checks them); otherwise say why (sign in, or the role missing) and stop the page."""
    o = orang()
    if o.identitas is None:
        st.info(t("gerbang.perlu_masuk"), icon=":material/login:")
        st.stop()
    if o.hibah is not None and not any(h.peran.mencakup(peran) for h in o.hibah):
        st.info(t("gerbang.perlu_hak", peran=peran.value, unit=t("jejak.unit_mana_pun")), icon=":material/lock:")
        st.stop()
    return o
