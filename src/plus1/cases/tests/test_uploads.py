"""The file names every channel refuses, and the names files get on disk."""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from plus1.cases.exceptions import InvalidUpload
from plus1.cases.uploads import check_upload, filename_problem, stored_name

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.mark.parametrize(
    "name", ["../x.pdf", "a/b.pdf", "C:\\x.pdf", "..", "brief\u202efdp.exe", "regel\nbreuk.pdf", "x" * 256]
)
def test_a_name_that_is_a_path_holds_control_characters_or_is_too_long_is_refused(name):
    assert filename_problem(name)


@pytest.mark.parametrize("name", ["C:\\x.pdf", "brief\u202efdp.exe", "regel\nbreuk.pdf"])
def test_an_upload_under_such_a_name_is_refused_in_plain_dutch(name):
    # Django's form parsing already cuts a name to its last part; this is any other caller.
    with pytest.raises(InvalidUpload, match="bestand"):
        check_upload(SimpleUploadedFile(name, PDF))


def test_ordinary_names_pass_with_spaces_accents_and_wide_characters():
    for name in ("Bouwtekening v2 (definitief).pdf", "café-menu.PDF", "\U00020000" * 251 + ".pdf"):
        assert filename_problem(name) is None


def test_a_file_on_disk_is_named_after_the_document_with_a_plain_extension():
    key = uuid.UUID("12345678123456781234567812345678")
    assert stored_name(key, "../../etc/passwd") == "12345678123456781234567812345678.bin"
    assert stored_name(key, "Tekening.PDF") == "12345678123456781234567812345678.pdf"
    assert stored_name(key, "x.\U00020000\U00020000") == "12345678123456781234567812345678.bin"
