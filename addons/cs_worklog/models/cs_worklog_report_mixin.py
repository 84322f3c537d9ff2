# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError


class CsWorklogReportMixin(models.AbstractModel):
    """What a daily work log and a summary share: a draft whose figures are
    refreshed from their owners, and a submitted report that goes back to
    its author. The buttons check the user's right, then call these."""

    _name = "cs.worklog.report.mixin"
    _description = "Work Report"

    def _cs_refresh_draft(self, submitted_message):
        """Write the figures of the drafts again (``_cs_prefill``), or raise
        ``submitted_message``: a submitted report keeps its figures."""
        self.check_access("write")
        if any(report.state != "draft" for report in self):
            raise UserError(submitted_message)
        self._cs_prefill()
        return True

    def _cs_return_to_author(self, not_submitted_message, notice):
        """Back to draft, with a notice to each author (``notice(report)``
        gives its text), or raise ``not_submitted_message``."""
        if any(report.state != "submitted" for report in self):
            raise UserError(not_submitted_message)
        self.write({"state": "draft", "date_submitted": False})
        for report in self:
            report.message_post(
                body=notice(report),
                partner_ids=report.user_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True
