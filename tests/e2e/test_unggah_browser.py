"""The upload page in a real browser: every word Indonesian, the uploader included."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import buka, expect

pytestmark = pytest.mark.e2e

# what a person sees of each leaf element: its text, or (when the text is hidden) what CSS puts after it
TERLIHAT = """z => [...z.querySelectorAll('p, span')].filter(e => !e.querySelector('p, span')).map(e => {
    if (getComputedStyle(e).fontSize !== '0px') return e.innerText;
    return getComputedStyle(e, '::after').content.replace(/^"|"$/g, '');
}).filter(t => t.trim()).join(' | ')"""


def test_pengunggah_berkata_dalam_bahasa_indonesia(server, halaman):
    buka(halaman, server + "/unggah")
    zona = halaman.get_by_test_id("stFileUploaderDropzone")
    expect(zona).to_be_visible()
    terlihat = zona.evaluate(TERLIHAT)
    assert "Pilih berkas" in terlihat and "paling besar 50 MB per berkas" in terlihat, terlihat
    for inggris in ("Upload", "per file", "Browse", "Drag and drop", "200MB"):
        assert inggris not in terlihat, terlihat
