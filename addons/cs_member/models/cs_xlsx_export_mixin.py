# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import logging

from odoo import fields, models

_logger = logging.getLogger(__name__)


def xlsx_base_styles(workbook):
    """The formats the suite's statistics sheets share: title, note, column
    header, bordered cell."""
    return {
        "title": workbook.add_format({"bold": True, "font_size": 14}),
        "note": workbook.add_format({"italic": True, "font_color": "#555555"}),
        "head": workbook.add_format(
            {
                "bold": True,
                "bg_color": "#D9E1F2",
                "border": 1,
                "text_wrap": True,
                "valign": "vcenter",
                "align": "center",
            }
        ),
        "cell": workbook.add_format({"border": 1}),
    }


class CsXlsxExportMixin(models.AbstractModel):
    """Hands an XLSX file built by a report wizard to the browser: the suite's
    statistics (customer grading, callback summary, complaints, KPI) all
    download the same way."""

    _name = "cs.xlsx.export.mixin"
    _description = "XLSX Export"

    file_data = fields.Binary(readonly=True, attachment=False)
    file_name = fields.Char(readonly=True)

    def _cs_xlsx_download(self, data, file_name, model_name, row_count, columns=()):
        """Keep ``data`` (the XLSX bytes) on the wizard and return the action
        that downloads it as ``file_name``. The file leaves the system, so it
        is logged in ``cs.export.log`` like every export (A3): ``row_count``
        rows of ``model_name``, with their ``columns`` when known."""
        self.ensure_one()
        company = self["company_id"] if "company_id" in self._fields else None
        self.env["cs.export.log"].with_company(
            company or self.env.company
        )._cs_log_rows(model_name, columns or [file_name], row_count)
        _logger.info(
            "%s exported by user #%s (%s rows of %s)",
            file_name,
            self.env.uid,
            row_count,
            model_name,
        )
        self.write({"file_data": base64.b64encode(data), "file_name": file_name})
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/file_data/{file_name}"
            "?download=true",
            "target": "self",
        }
