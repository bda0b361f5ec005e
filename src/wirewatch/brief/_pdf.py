"""The briefing as PDF, made from its HTML by xhtml2pdf (Apache-2.0; the ``pdf`` extra), with the timeline drawn
from the same SVG and ReportLab's bundled Bitstream Vera font, which covers the names and quotation marks."""

from __future__ import annotations

import base64
import io
from pathlib import Path

from ..errors import BriefingError
from ._html import page
from ._model import Briefing

__all__ = ["render_pdf"]


def _font_style() -> str:
    """CSS that sets the text in Vera, embedded as data (the Type 1 fonts lack many letters of names, and
    typographic quotes; xhtml2pdf reads no file outside the document's folder)."""
    import reportlab

    fonts = Path(reportlab.__file__).parent / "fonts"
    rules = ""
    for weight, name in (("normal", "Vera.ttf"), ("bold", "VeraBd.ttf")):
        data = base64.b64encode((fonts / name).read_bytes()).decode("ascii")
        rules += f'@font-face{{font-family:vera;font-weight:{weight};src:url("data:font/ttf;base64,{data}")}}'
    return rules + "body,h1,h2,h3{font-family:vera}body{font-size:10pt}"


def _svg_image(svg: str) -> str:
    return f'<img src="data:image/svg+xml;base64,{base64.b64encode(svg.encode("utf-8")).decode("ascii")}">'


def render_pdf(briefing: Briefing) -> bytes:
    """The briefing as PDF bytes; needs ``pip install 'wirewatch[pdf]'``."""
    try:
        from xhtml2pdf import pisa
    except ImportError as err:
        raise BriefingError("PDF output needs xhtml2pdf: pip install 'wirewatch[pdf]' (or use --format html)") \
            from err
    out = io.BytesIO()
    result = pisa.CreatePDF(page(briefing, style=_font_style(), chart=_svg_image), dest=out, encoding="utf-8")
    if result.err:
        raise BriefingError(f"xhtml2pdf could not lay out the briefing on {briefing.scope.label!r} "
                            f"({result.err} errors)")
    return out.getvalue()
