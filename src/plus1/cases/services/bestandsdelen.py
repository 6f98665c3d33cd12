"""The content of a document that arrives in parts (Documenten API bestandsdelen).

A client announces a large file by its size; the document stays locked while the parts
come in, one upload each, and unlocking joins them into the document's file.
"""

from __future__ import annotations

import tempfile

from django.conf import settings
from django.core.files.base import File
from django.db import transaction

from plus1.audit.services import Actor
from plus1.core.exceptions import FieldProblem

from ..models import BestandsDeel, InformatieObject
from ..uploads import stored_name


def part_sizes(total: int) -> list[int]:
    size = settings.PLUS1_DOCUMENT_PART_SIZE
    full, rest = divmod(total, size)
    return [size] * full + ([rest] if rest else [])


def start_parts(document: InformatieObject, total: int) -> None:
    """Plan the parts of a file of ``total`` bytes; the document stays locked until they are in."""
    drop_parts(document)
    BestandsDeel.objects.bulk_create(
        BestandsDeel(tenant_id=document.tenant_id, informatieobject=document, volgnummer=number, size=size)
        for number, size in enumerate(part_sizes(total), start=1)
    )


def drop_parts(document: InformatieObject) -> None:
    for part in document.bestandsdelen.all():
        if part.file:
            part.file.delete(save=False)
    document.bestandsdelen.all().delete()


def sniff(content: bytes) -> str:
    """The content type the bytes show (not the name): the same check the portal's uploads get."""
    import filetype

    kind = filetype.guess(content[:8192])
    return kind.mime if kind else "application/octet-stream"


def join_parts(document: InformatieObject, parts: list[BestandsDeel]) -> None:
    with tempfile.TemporaryFile() as joined:
        for part in parts:
            with part.file.open("rb") as chunk_file:
                for chunk in chunk_file.chunks():
                    joined.write(chunk)
        joined.seek(0)
        head = joined.read(8192)
        joined.seek(0)
        if not document.content_type:
            document.content_type = sniff(head)
        document.file.save(stored_name(document.uuid, document.filename), File(joined), save=False)
        document.size = sum(part.size for part in parts)
    drop_parts(document)


@transaction.atomic
def upload_part(*, part: BestandsDeel, actor: Actor, lock: str, upload: File) -> BestandsDeel:
    """Store one part of a large file (Documenten API bestandsdelen): the size must match."""
    part = BestandsDeel.objects.select_for_update().select_related("informatieobject").get(pk=part.pk)
    if lock != part.informatieobject.lock:
        raise FieldProblem.single("lock", "incorrect-lock-id", "Dit is niet de lock van dit document.")
    if upload.size != part.size:
        raise FieldProblem.single(
            "inhoud", "file-size", f"Dit deel moet precies {part.size} bytes zijn, niet {upload.size}."
        )
    if part.file:
        part.file.delete(save=False)
    part.file.save(f"{part.uuid}.part", upload, save=True)
    return part
