# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models

from odoo.addons.cs_member.reporting import check_report_right, rate, selection_labels

from ..models.cs_callback_figures import ANSWERED_DOMAIN, SCORED_DOMAIN
from ..report.cs_callback_summary_xlsx import build_summary_xlsx

SATISFACTIONS = ("satisfied", "average", "unsatisfied")
TOP_FEEDBACK_LIMIT = 10


def _rate(part, whole):
    """The suite's rate, 0 instead of none when there is nothing to count
    (the summary prints 0 %)."""
    return rate(part, whole) or 0.0


class CsCallbackSummaryWizard(models.TransientModel):
    """Callback summary report (回访总结报告) of a plan or a period, as PDF or
    XLSX: volumes, reach rate, satisfaction, agents and top feedback.

    A campaign's progress: its callbacks are those due in the period (by
    deadline) or of the plan, whatever their state. The month's figures by
    completion date are the monthly service report's
    (``cs.callback.figures``); the rates here use the same formulas: reach
    rate over the done and failed ones, satisfaction and score over the done
    ones (``ANSWERED_DOMAIN``, ``SCORED_DOMAIN``)."""

    _name = "cs.callback.summary.wizard"
    _inherit = ["cs.xlsx.export.mixin", "cs.period.mixin"]
    _description = "Callback Summary Report"

    plan_id = fields.Many2one(
        "cs.callback.plan",
        default=lambda self: self._default_plan_id(),
        help="Only this plan; empty includes all.",
    )
    date_from = fields.Date(
        string="From",
        default=lambda self: self._default_date_from(),
        help="First deadline included; empty has no lower bound.",
    )
    date_to = fields.Date(
        string="To",
        default=lambda self: self._default_date_to(),
        help="Last deadline included; empty has no upper bound.",
    )
    user_ids = fields.Many2many(
        "res.users", string="Agents", help="Only these agents; empty includes all."
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    def _default_plan_id(self):
        if self.env.context.get("active_model") == "cs.callback.plan":
            return self.env.context.get("active_id")
        return False

    def _default_date_from(self):
        """The current month, unless the report is about a plan."""
        if self._default_plan_id():
            return False
        return self.env.company._cs_today().replace(day=1)

    def _default_date_to(self):
        if self._default_plan_id():
            return False
        return self.env.company._cs_today()

    def action_print_pdf(self):
        self.ensure_one()
        self._check_report_right()
        return self.env.ref("cs_callback.action_report_callback_summary").report_action(
            self
        )

    def action_export_xlsx(self):
        self.ensure_one()
        self._check_report_right()
        summary = self._get_summary()
        return self._cs_xlsx_download(
            build_summary_xlsx(self, summary),
            self.env._(
                "callback_summary_%(date)s.xlsx",
                date=self.env.company._cs_today(),
            ),
            "cs.callback",
            len(summary["agents"]),
        )

    def _check_report_right(self):
        check_report_right(
            self.env,
            self.env._(
                "Only a customer service supervisor can run the callback summary."
            ),
        )

    def _get_domain(self):
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id)]
        if self.plan_id:
            domain.append(("plan_id", "=", self.plan_id.id))
        if self.date_from:
            domain.append(("date_deadline", ">=", self.date_from))
        if self.date_to:
            domain.append(("date_deadline", "<=", self.date_to))
        if self.user_ids:
            domain.append(("user_id", "in", self.user_ids.ids))
        return domain

    def _get_summary(self):
        """All figures of the report, computed with grouped queries only:
        {totals, reached, reached_rate, satisfaction, satisfaction_total,
        average_score, agents, feedback, labels}."""
        self.ensure_one()
        self._check_report_right()
        Callback = self.env["cs.callback"]
        domain = self._get_domain()
        totals = dict.fromkeys(("total", "todo", "done", "failed", "cancelled"), 0)
        reached = 0
        for state, outcome, count in Callback._read_group(
            domain, ["state", "outcome"], ["__count"]
        ):
            totals[state] += count
            totals["total"] += count
            if state == "done" and outcome == "reached":
                reached += count
        satisfaction = self._get_satisfaction(domain)
        satisfaction_total = sum(line["count"] for line in satisfaction)
        [[average_score]] = Callback._read_group(
            domain + SCORED_DOMAIN, [], ["score:avg"]
        )
        return {
            "totals": totals,
            "reached": reached,
            "reached_rate": _rate(reached, totals["done"] + totals["failed"]),
            "satisfaction": satisfaction,
            "satisfaction_total": satisfaction_total,
            "average_score": round(average_score or 0.0, 2),
            "agents": self._get_agent_rows(domain),
            "feedback": self._get_top_feedback(domain),
            "labels": self._get_labels(),
        }

    def _get_satisfaction(self, domain):
        labels = selection_labels(self.env["cs.callback"], "satisfaction")
        counts = dict(
            self.env["cs.callback"]._read_group(
                domain + ANSWERED_DOMAIN, ["satisfaction"], ["__count"]
            )
        )
        total = sum(counts.values())
        return [
            {
                "code": code,
                "name": labels[code],
                "count": counts.get(code, 0),
                "rate": _rate(counts.get(code, 0), total),
            }
            for code in SATISFACTIONS
        ]

    def _get_agent_rows(self, domain):
        Callback = self.env["cs.callback"]
        rows = {}

        def row(user):
            return rows.setdefault(
                user,
                {
                    "name": user.name or self.env._("Unassigned"),
                    "count": 0,
                    "done": 0,
                    "closed": 0,
                    "reached": 0,
                    "reached_rate": 0.0,
                    "average_score": 0.0,
                    "unsatisfied": 0,
                },
            )

        for user, state, outcome, satisfaction, count in Callback._read_group(
            domain, ["user_id", "state", "outcome", "satisfaction"], ["__count"]
        ):
            line = row(user)
            line["count"] += count
            if state in ("done", "failed"):
                line["closed"] += count
            if state == "done":
                line["done"] += count
                if outcome == "reached":
                    line["reached"] += count
            if state == "done" and satisfaction == "unsatisfied":
                line["unsatisfied"] += count
        for user, average in Callback._read_group(
            domain + SCORED_DOMAIN, ["user_id"], ["score:avg"]
        ):
            row(user)["average_score"] = round(average or 0.0, 2)
        for line in rows.values():
            line["reached_rate"] = _rate(line["reached"], line["closed"])
        return sorted(rows.values(), key=lambda line: (-line["count"], line["name"]))

    def _get_top_feedback(self, domain):
        callbacks = self.env["cs.callback"].search_fetch(
            domain
            + [
                ("satisfaction", "in", ("unsatisfied", "average")),
                ("feedback", "!=", False),
                ("feedback", "!=", ""),
            ],
            ["partner_id", "user_id", "date_done", "satisfaction", "feedback"],
            order="date_done desc nulls last, id desc",
            limit=TOP_FEEDBACK_LIMIT,
        )
        labels = selection_labels(callbacks, "satisfaction")
        return [
            {
                "customer": callback.partner_id.display_name,
                "agent": callback.user_id.name or "",
                "date_done": callback.date_done,
                "satisfaction": labels.get(callback.satisfaction, ""),
                "feedback": callback.feedback.strip(),
            }
            for callback in callbacks
        ]

    def _get_labels(self):
        """Human-readable filters shown in the report's header."""
        return {
            "plan": self.plan_id.name or self.env._("All plans"),
            "date_from": self.date_from,
            "date_to": self.date_to,
            "agents": ", ".join(self.user_ids.mapped("name"))
            or self.env._("All agents"),
            "company": self.company_id.name,
        }
