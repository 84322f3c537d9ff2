# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models

from odoo.addons.cs_member.reporting import record_name

from ..report.cs_kpi_period_xlsx import build_period_xlsx
from ..report.cs_kpi_report_common import check_report_right

GRADES = ("a", "b", "c", "d")


class CsKpiPeriodXlsxWizard(models.TransientModel):
    """The XLSX of an assessment month (button *Export XLSX* of the month):
    every scorecard with the score of each indicator, and the summary of
    each department (average, best and lowest score, count by grade, star
    of the month). Supervisors and managers only; the record rules apply,
    so a supervisor exports their own departments."""

    _name = "cs.kpi.period.xlsx.wizard"
    _inherit = ["cs.xlsx.export.mixin"]
    _description = "Assessment Month Export"

    period_id = fields.Many2one(
        "cs.kpi.period", string="Assessment Month", required=True, ondelete="cascade"
    )

    def action_export_xlsx(self):
        self.ensure_one()
        check_report_right(self.env)
        data = self._get_data()
        return self._cs_xlsx_download(
            build_period_xlsx(self, data),
            self.env._("assessment_%(month)s.xlsx", month=self.period_id.name),
            "cs.kpi.scorecard",
            len(data["rows"]),
            data["indicators"],
        )

    # ------------------------------------------------------------------
    # figures
    # ------------------------------------------------------------------

    def _get_data(self):
        """{labels, indicators, rows, grade_names, departments, total}: the
        scorecards and their indicator lines read with one query each, the
        department figures with grouped queries."""
        self.ensure_one()
        check_report_right(self.env)
        period = self.period_id
        domain = [("period_id", "=", period.id)]
        cards = self.env["cs.kpi.scorecard"].search_fetch(
            domain,
            [
                "department_id",
                "rank",
                "employee_id",
                "job_id",
                "total_score",
                "grade",
                "is_star",
            ],
        )
        lines = self.env["cs.kpi.scorecard.line"].search_fetch(
            [("scorecard_id", "in", cards.ids)], ["scorecard_id", "metric_id", "score"]
        )
        metrics = lines.metric_id.sorted(lambda metric: (metric.sequence, metric.id))
        scores = {
            (line.scorecard_id.id, line.metric_id.id): line.score for line in lines
        }
        grade_names = dict(cards._fields["grade"]._description_selection(self.env))
        rows = [
            {
                "department": record_name(card.department_id),
                "rank": card.rank,
                "employee": record_name(card.employee_id),
                "job": record_name(card.job_id),
                "scores": [scores.get((card.id, metric.id)) for metric in metrics],
                "total": card.total_score,
                "grade": grade_names.get(card.grade, ""),
                "is_star": card.is_star,
            }
            for card in cards
        ]
        rows.sort(
            key=lambda row: (not row["department"], row["department"], row["rank"] or 0)
        )
        return {
            "labels": self._get_labels(),
            "indicators": metrics.mapped("name"),
            "rows": rows,
            "grade_names": [grade_names[grade] for grade in GRADES],
            **self._get_summary(domain, cards),
        }

    def _get_summary(self, domain, cards):
        """The departments' rows (by name, no department last) and the total
        row."""
        Scorecard = self.env["cs.kpi.scorecard"]
        aggregates = [
            "__count",
            "total_score:avg",
            "total_score:max",
            "total_score:min",
        ]
        grades = {}
        for department, grade, count in Scorecard._read_group(
            domain, ["department_id", "grade"], ["__count"]
        ):
            grades.setdefault(department, dict.fromkeys(GRADES, 0))
            if grade:
                grades[department][grade] += count
        stars = {}
        for card in cards.filtered("is_star"):
            stars.setdefault(card.department_id, []).append(
                record_name(card.employee_id)
            )

        def row(name, count, average, best, lowest, grade_counts, star_names):
            return {
                "name": name,
                "count": count,
                "average": round(average, 2) if count else None,
                "best": best if count else None,
                "lowest": lowest if count else None,
                "grades": [grade_counts.get(grade, 0) for grade in GRADES],
                "stars": ", ".join(star_names),
            }

        departments = [
            row(
                record_name(department) or self.env._("No department"),
                count,
                average,
                best,
                lowest,
                grades.get(department, {}),
                stars.get(department, []),
            )
            for department, count, average, best, lowest in Scorecard._read_group(
                domain, ["department_id"], aggregates
            )
        ]
        departments.sort(key=lambda line: line["name"])
        [[count, average, best, lowest]] = Scorecard._read_group(domain, [], aggregates)
        total_grades = dict.fromkeys(GRADES, 0)
        for counts in grades.values():
            for grade, grade_count in counts.items():
                total_grades[grade] += grade_count
        total = row(
            self.env._("All departments"),
            count,
            average,
            best,
            lowest,
            total_grades,
            [name for names in stars.values() for name in names],
        )
        return {"departments": departments, "total": total}

    def _get_labels(self):
        period = self.period_id
        return {
            "company": period.company_id.name,
            "month": period.name,
            "date_from": period.date_from,
            "date_to": period.date_to,
            "state": dict(period._fields["state"]._description_selection(self.env))[
                period.state
            ],
        }
