"""A contact-moment link as a QR code and as a code to read out."""

from __future__ import annotations

import re

from plus1.feedback import qr

URL = "http://testserver/utrecht/w/K7QF9XZ2/"


def test_the_qr_code_is_inline_svg_without_style_or_script():
    svg = str(qr.qr_code_svg(URL))
    assert svg.startswith("<svg ") and svg.rstrip().endswith("</svg>")
    assert "<?xml" not in svg
    assert not re.search(r"\sstyle=|<style|<script|\son[a-z]+=", svg, re.IGNORECASE)
    assert 'aria-hidden="true"' in svg and "<path" in svg


def test_a_longer_link_gives_a_larger_code():
    small = str(qr.qr_code_svg(URL))
    large = str(qr.qr_code_svg(URL + "x" * 200))
    assert len(large) > len(small)


def test_the_code_is_read_out_in_groups_of_four():
    assert qr.readable_code("k7qf9xz2") == "K7QF 9XZ2"
    assert qr.readable_code("ABCDEFGHJK") == "ABCD EFGH JK"
    assert qr.readable_code("") == ""
