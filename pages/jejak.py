"""Jejak Audit: every write — who, when (with time zone), from where, what, on which units — filterable and
exported to XLSX. For admins."""

import datetime

import streamlit as st

from kinerja.config import zona_waktu
from kinerja.masuk import exporting
from kinerja.store import TIDAK_DIKENAL, MasalahBasisData
from kinerja.texts import t, tn
from kinerja.web import baca, gerbang, saring, tampilan
from kinerja_core.akses import SEMUA, Peran

saring.pastikan_navigasi()

st.title(t("jejak.judul"))
st.markdown(t("jejak.petunjuk"))
orang = gerbang.perlu(Peran.ADMIN)
admin = None if orang.hibah is None else [h.kode_unit for h in orang.hibah if h.peran is Peran.ADMIN]

# an admin of a subtree sees the lines that touched it; an admin of every unit sees all (sign-ins, people, grants)
f = st.session_state.get("filter")
pilihan_unit = [None] if admin is None or SEMUA in admin else admin
if f is not None and f.kode_unit not in pilihan_unit and orang.boleh(Peran.ADMIN, f.kode_unit,
                                                                     baca.tahun_data(f.tahun).induk):
    pilihan_unit = [*pilihan_unit, f.kode_unit]  # the unit the sidebar shows
kolom = st.columns([2, 2, 2])
unit = kolom[0].selectbox(t("jejak.unit"), pilihan_unit, key="jejak_unit",
                          format_func={k: t("filter.semua") if k is None else k for k in pilihan_unit}.get,
                          help=t("jejak.unit_bantuan"))
try:
    semua = baca.storage().jejak(kode_unit=unit)
except MasalahBasisData as e:
    baca.bila_sibuk(e)
daftar_pengguna = [None, *sorted(semua["pengguna"].unique())]
pengguna = kolom[1].selectbox(t("jejak.pengguna"), daftar_pengguna, key="jejak_pengguna",
                              format_func={k: t("filter.semua") if k is None else t("jejak.tidak_dikenal")
                                           if k == TIDAK_DIKENAL else k for k in daftar_pengguna}.get)
hari_ini = datetime.date.today()
rentang = kolom[2].date_input(t("jejak.tanggal"), value=(), key="jejak_tanggal", format="DD/MM/YYYY",
                              max_value=hari_ini)

dari = sampai = None
zona = zona_waktu()
if len(rentang) == 2:  # a day is the user's day, in the installation's time zone
    dari, sampai = (datetime.datetime.combine(d, datetime.time(), zona).astimezone(datetime.UTC).replace(tzinfo=None)
                    for d in (rentang[0], rentang[1] + datetime.timedelta(days=1)))
try:
    jejak = baca.storage().jejak(kode_unit=unit, pengguna=pengguna, dari=dari, sampai=sampai)
except MasalahBasisData as e:
    baca.bila_sibuk(e)

tabel = exporting.tabel_jejak(jejak, zona)
st.caption(tn("jejak.jumlah", len(tabel), zona=zona.key))
tampilan.tabel(tampilan.halaman(tabel, "jejak_tabel"), key="jejak_tabel")
st.download_button(t("jejak.unduh"), tampilan.dalam_bahasa_ini(lambda: exporting.ke_xlsx(tabel, "jejak")), "jejak_audit.xlsx",
                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="jejak_xlsx",
                   icon=":material/download:", on_click="ignore")
