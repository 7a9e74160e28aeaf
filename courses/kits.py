"""A module's teaching kit: the slides, handouts, worksheets and case cards its lessons' guides name.

The materials are content (ModulePage.kit, written in the admin and reviewed like every page), rendered
here as A4 pages in black and white: one material as a printable page, the whole kit as one PDF
(WeasyPrint, as the certificates are, with the repository's font). Trainers, editors and administrators
only: the trainers' guides' rule (courses/permissions.py); anyone else gets a 404, as for a session plan.
Nothing here is served from the shared page cache: a guide's links are shown only on a staff member's
page, which is never cached (courses/rendering.py).
"""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.text import slugify
from wagtail.models import Page

from .blocks import TeachingMaterialBlock
from .models import ModulePage
from .permissions import can_see_trainer_guide

FONT_DIR = Path(settings.BASE_DIR) / "static" / "fonts"
KIND_LABELS = dict(TeachingMaterialBlock.KINDS)


@dataclass
class Material:
    """One material of a kit, as the templates show it."""

    id: str
    kind: str
    title: str
    lesson: Page | None
    body: object  # the material's StreamValue

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(self.kind, self.kind))

    @property
    def slides(self) -> list:
        return [block for block in self.body if block.block_type == "slide"]

    @property
    def is_slides(self) -> bool:
        return self.kind == TeachingMaterialBlock.SLIDES


def kit_materials(module: ModulePage) -> list[Material]:
    """The module's materials in the editor's order; the lessons they belong to are read in one query."""
    return [
        Material(
            id=block.id,
            kind=block.value["kind"],
            title=block.value["title"],
            lesson=block.value["lesson"],
            body=block.value["body"],
        )
        for block in module.kit
        if block.block_type == "material"
    ]


def lesson_materials(lesson: Page, request) -> list[dict]:
    """The materials a lesson's guide links: its own and the module's shared ones (one query, the module).

    Read from the stored stream, so the chosen lessons are compared by id without loading them.
    """
    module = ModulePage.objects.filter(path=lesson.path[: -Page.steplen]).first()
    if module is None or not module.kit.raw_data:
        return []
    base = module.get_url(request)
    found = []
    for raw in module.kit.raw_data:
        value = raw.get("value") or {}
        if raw.get("type") != "material" or value.get("lesson") not in (None, "", lesson.pk):
            continue
        found.append(
            {
                "title": value.get("title", ""),
                "kind_label": str(KIND_LABELS.get(value.get("kind"), "")),
                "url": base + module.reverse_subpage("kit_material", args=(raw["id"],)),
            }
        )
    if found:
        found.append({"title": "", "kind_label": "", "url": base + module.reverse_subpage("kit"), "is_kit": True})
    return found


def _require_reader(request) -> None:
    if not can_see_trainer_guide(request.user):
        raise Http404


def kit_index_view(module: ModulePage, request) -> TemplateResponse:
    """The kit as a list of materials, each with its printable page, and the download of the whole kit."""
    _require_reader(request)
    materials = kit_materials(module)
    return TemplateResponse(
        request,
        "courses/kit.html",
        {"page": module, "module": module, "materials": materials, "robots": "noindex"},
    )


def kit_material_view(module: ModulePage, request, material_id: str) -> TemplateResponse:
    """One material as an A4 print page (the browser's Print prints it in black and white)."""
    _require_reader(request)
    material = next((m for m in kit_materials(module) if m.id == material_id), None)
    if material is None:
        raise Http404
    return TemplateResponse(
        request,
        "courses/kit_material.html",
        {"page": module, "module": module, "material": material},
    )


def kit_pdf_bytes(module: ModulePage) -> bytes:
    """The whole kit as one PDF: a landscape page per slide, a portrait A4 page (or more) per sheet."""
    from weasyprint import HTML  # heavy import, only where a PDF is made

    with translation.override("vi"):  # the kit is a Vietnamese document whatever the reader's language
        html = render_to_string("courses/kit_pdf.html", {"module": module, "materials": kit_materials(module)})
    return HTML(string=html, base_url=FONT_DIR.as_uri() + "/").write_pdf()


def kit_pdf_view(module: ModulePage, request) -> HttpResponse:
    """The download of the whole kit."""
    _require_reader(request)
    if not module.kit.raw_data:
        raise Http404
    response = HttpResponse(kit_pdf_bytes(module), content_type="application/pdf")
    name = slugify(module.slug) or "kit"
    response["Content-Disposition"] = f'attachment; filename="hoc-lieu-{name}.pdf"'
    return response
