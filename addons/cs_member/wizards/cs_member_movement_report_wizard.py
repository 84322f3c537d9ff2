# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

import xlsxwriter

from odoo import fields, models

from ..models.cs_member_movement_report import MOVEMENT_KINDS
from ..models.cs_xlsx_export_mixin import xlsx_base_styles
from ..reporting import check_report_right, format_rate, selection_labels


class CsMemberMovementReportWizard(models.TransientModel):
    """客户增减分析表 (D10): new, renewed, upgraded and lost members of a
    period by level or by agent, with the renewal rate and the reasons of
    loss, as PDF and XLSX. The figures are those of
    ``cs.member.movement.report._cs_movements``."""

    _name = "cs.member.movement.report.wizard"
    _inherit = ["cs.xlsx.export.mixin", "cs.period.mixin"]
    _description = "Member Movements Report"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date_from = fields.Date(
        required=True, default=lambda self: self._default_date_from()
    )
    date_to = fields.Date(required=True, default=lambda self: self._default_date_to())
    groupby = fields.Selection(
        [("level", "Member Level"), ("agent", "Agent")],
        string="By",
        required=True,
        default="level",
    )

    def _default_date_from(self):
        """The company's current month."""
        return self.env.company._cs_month_span()[0]

    def _default_date_to(self):
        return self.env.company._cs_month_span()[1]

    def action_print_pdf(self):
        self.ensure_one()
        self._check_report_right()
        return self.env.ref("cs_member.action_report_member_movements").report_action(
            self
        )

    def action_export_xlsx(self):
        """The XLSX of the period (logged in ``cs.export.log`` by the
        download, like every export of customer data)."""
        self.ensure_one()
        self._check_report_right()
        data = self._get_data()
        return self._cs_xlsx_download(
            self._build_xlsx(data),
            self.env._(
                "member_movements_%(date_from)s_%(date_to)s.xlsx",
                date_from=self.date_from,
                date_to=self.date_to,
            ),
            "cs.member.movement.report",
            len(data["rows"]),
            self._xlsx_headers(data),
        )

    def _check_report_right(self):
        check_report_right(
            self.env,
            self.env._(
                "Only a customer-service supervisor or manager can print the "
                "member movements."
            ),
        )

    def _get_data(self):
        """Rows (one per level or agent, then the total) of the figures of
        the period, and the reasons of loss, from their owner."""
        self.ensure_one()
        Report = self.env["cs.member.movement.report"]
        args = (self.company_id, self.date_from, self.date_to)
        lines = Report._cs_movements(*args, groupby=self.groupby)
        total = Report._cs_movements(*args)[None]
        reasons = Report._cs_loss_reasons(*args)
        comodel = "cs.member.level" if self.groupby == "level" else "res.users"
        keys = (
            self.env[comodel]
            .with_context(active_test=False)
            .browse([key for key in lines if key])
            .sudo()  # agents' names, like the web client reads a many2one
            .sorted(lambda r: (getattr(r, "sequence", 0), r.name or ""))
        )
        rows = [dict(lines[key.id], name=key.name) for key in keys]
        if False in lines:
            if self.groupby == "level":
                none = self.env._("No Level")
            else:
                none = self.env._("No Agent")
            rows.append(dict(lines[False], name=none))
        return {
            "rows": rows,
            "total": dict(total, name=self.env._("Total")),
            "reasons": [
                {"name": reason.name or self.env._("Not Given"), "count": count}
                for reason, count in sorted(
                    reasons.get(None, {}).items(), key=lambda item: -item[1]
                )
            ],
            "kinds": MOVEMENT_KINDS,
            "labels": selection_labels(Report, "kind"),
            "format_rate": format_rate,
        }

    def _xlsx_headers(self, data):
        by_label = dict(self._fields["groupby"]._description_selection(self.env))
        headers = [by_label[self.groupby]]
        headers += [data["labels"][kind] for kind in MOVEMENT_KINDS]
        headers.append(self.env._("Renewal Rate"))
        return headers

    def _build_xlsx(self, data=None):
        data = data or self._get_data()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        styles = xlsx_base_styles(workbook)
        sheet = workbook.add_worksheet(self.env._("Member Movements"))
        sheet.write(0, 0, self.env._("Member Movements"), styles["title"])
        sheet.write(
            1,
            0,
            f"{self.company_id.name} · {self.date_from} – {self.date_to}",
            styles["note"],
        )
        headers = self._xlsx_headers(data)
        for col, header in enumerate(headers):
            sheet.write(3, col, header, styles["head"])
        row = 4
        for line in [*data["rows"], data["total"]]:
            sheet.write(row, 0, line["name"], styles["cell"])
            for col, kind in enumerate(MOVEMENT_KINDS, start=1):
                sheet.write_number(row, col, line[kind], styles["cell"])
            sheet.write(row, len(headers) - 1, format_rate(line["renewal_rate"]))
            row += 1
        row += 1
        sheet.write(row, 0, self.env._("Loss Reason"), styles["head"])
        sheet.write(row, 1, self.env._("Members Lost"), styles["head"])
        for reason in data["reasons"]:
            row += 1
            sheet.write(row, 0, reason["name"], styles["cell"])
            sheet.write_number(row, 1, reason["count"], styles["cell"])
        sheet.set_column(0, 0, 24)
        sheet.set_column(1, len(headers), 12)
        workbook.close()
        return output.getvalue()
