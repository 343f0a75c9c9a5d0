r"""Data shown as text: a name, a note or a message quoting a file reads exactly as typed, never as markup.

Unit and IKU names, sasaran strategis, satuan, kendala, rencana aksi, PIC, the meeting's fields, file and user
names and messages that quote an upload reach the screen through Streamlit's markdown (every ``st.markdown``,
caption, heading, alert, toast, widget label and help) or through HTML (the tiles, the projector, plotly's
labels). Every page, the projector and the charts put data there through this module only; markdown is never
built by pasting data in.

- ``md``: for markdown. Every ASCII punctuation character is backslash-escaped (CommonMark allows escaping any
  of them), so no emphasis, link, image, heading, table, HTML tag, entity (``&lt;``), colour
  (``:red[x]``), emoji or formula (``$x$``) can start; each run of line breaks (blank lines included) becomes
  one hard line break and each line's indentation is dropped, so no line can start a block of its own (a new
  paragraph, a setext heading ``x\n===``, an indented code block). Escapes do not stop Streamlit from turning
  a bare address (``http://…``, ``www.…``, ``a@b.id``) in the text into a live link (remark-gfm finds them in
  the parsed text): a word joiner (U+2060, invisible) goes after its ``:``, ``www`` or ``@``.
- ``html``: for HTML: ``html.escape`` with quotes (as ``&#34;``/``&#39;``: plotly decodes numeric entities but
  not ``&quot;``), and every line break a ``<br>`` (``\r\n``, ``\r``, ``\n``,
  ``\v``, ``\f``, U+2028, U+2029 …). A blank line inside ``st.markdown(..., unsafe_allow_html=True)`` would end
  the HTML block and let what follows be read as markdown. With ``satu_baris=True`` (a chart's labels) a
  line break becomes a space. Plotly reads ``<a href>``, ``<b>``, ``<br>``, ``<span style>`` in every text of
  a figure: each data string of a figure goes through ``html`` too.
- ``atribut``: for an HTML attribute (a tooltip): escaped, line breaks as ``&#10;``.
- ``t_aman``: a message of ``kinerja.texts`` (trusted, may hold ``**bold**``) with each text filled in as ``md``.
"""

from __future__ import annotations

import re

from kinerja.texts import t

_BARIS = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
r"""A line break: what ``str.splitlines`` splits on (CommonMark itself knows only ``\n``, ``\r``, ``\r\n``)."""
_ENTITAS = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})
"""``html.escape(quote=True)``, its quotes written as numbers: plotly shows ``&quot;`` as it is, ``&#34;`` as ``"``."""
_TANDA_BACA = re.compile(r"([!-/:-@\[-`{-~])")
r"""Every ASCII punctuation character: ``!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~``."""
_ALAMAT = re.compile(r"(?<=:)(?=//)|(?<=www)(?=\.)|(?<=@)", re.IGNORECASE)
"""Where remark-gfm's link finder (``https?://``, ``www.``, ``local@domain``) needs two characters side by side."""
PENGHUBUNG = "\u2060"
"""WORD JOINER: invisible, no line break at it, and it keeps a bare address from becoming a link."""


def md(teks: object) -> str:
    r"""Text for markdown that shows as typed: punctuation escaped, line breaks as hard line breaks.

    >>> print(md("![a](x.png) | :red[b]"))
    \!\[a\]\(x\.png\) \| \:red\[b\]
    >>> md("x\n\n  # y").split("\n")  # a hard line break: two spaces, then one newline
    ['x  ', '\\# y']
    >>> print(md("Rp 1.500 <b>**tebal**</b>"))
    Rp 1\.500 \<b\>\*\*tebal\*\*\<\/b\>
    >>> md("www.bc.go.id") == "www" + PENGHUBUNG + r"\.bc\.go\.id"
    True
    """
    baris = (_TANDA_BACA.sub(r"\\\1", _ALAMAT.sub(PENGHUBUNG, b.strip())) for b in _BARIS.split(str(teks)))
    return "  \n".join(b for b in baris if b)


def html(teks: object, *, satu_baris: bool = False) -> str:
    """Text for HTML (or a plotly figure) that shows as typed, each line break a ``<br>`` (a space with
    ``satu_baris``).

    >>> print(html('Aula\\n\\n<a href="x">KPPBC</a> & co'))
    Aula<br><br>&lt;a href=&#34;x&#34;&gt;KPPBC&lt;/a&gt; &amp; co
    >>> html("Kantor\\r\\nBogor", satu_baris=True)
    'Kantor Bogor'
    """
    return (" " if satu_baris else "<br>").join(b.translate(_ENTITAS) for b in _BARIS.split(str(teks)))


def atribut(teks: object) -> str:
    """Text for an HTML attribute value in double quotes (a tooltip), its line breaks kept as ``&#10;``.

    >>> atribut('BGR-01 · "Bea"\\n\\nmasuk')
    'BGR-01 · &#34;Bea&#34;&#10;&#10;masuk'
    """
    return "&#10;".join(b.translate(_ENTITAS) for b in _BARIS.split(str(teks)))


def t_aman(kunci: str, /, **isian: object) -> str:
    """``t(kunci, ...)`` for markdown: the message as written (its ``**bold**`` stays bold), each text filled in
    through ``md`` (numbers as they are).

    >>> print(t_aman("ringkasan.sub_unit", unit="Kanwil *Jabar*"))
    Sub-unit Kanwil \\*Jabar\\*
    """
    return t(kunci, **{k: md(v) if isinstance(v, str) else v for k, v in isian.items()})
