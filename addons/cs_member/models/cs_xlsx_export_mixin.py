# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import fields, models


class CsXlsxExportMixin(models.AbstractModel):
    """Hands an XLSX file built by a report wizard to the browser: the suite's
    statistics (customer grading, callback summary, complaints, KPI) all
    download the same way."""

    _name = "cs.xlsx.export.mixin"
    _description = "XLSX Export"

    file_data = fields.Binary(readonly=True, attachment=False)
    file_name = fields.Char(readonly=True)

    def _cs_xlsx_download(self, data, file_name):
        """Keep ``data`` (the XLSX bytes) on the wizard and return the action
        that downloads it as ``file_name``."""
        self.ensure_one()
        self.write({"file_data": base64.b64encode(data), "file_name": file_name})
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/file_data/{file_name}"
            "?download=true",
            "target": "self",
        }
