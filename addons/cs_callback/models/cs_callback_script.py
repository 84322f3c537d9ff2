# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

PLACEHOLDERS = ("customer", "agent", "company")


class CsCallbackScript(models.Model):
    """Call script (话术, C5): opening, the satisfaction question, and a
    closing that differs for satisfied and average/unsatisfied customers.
    ``{customer}``, ``{agent}`` and ``{company}`` are filled in."""

    _name = "cs.callback.script"
    _description = "Callback Script"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    opening = fields.Text(required=True, translate=True)
    question = fields.Text(
        string="Satisfaction Question", required=True, translate=True
    )
    closing_satisfied = fields.Text(
        string="Closing (satisfied)", required=True, translate=True
    )
    closing_unsatisfied = fields.Text(
        string="Closing (average or unsatisfied)",
        required=True,
        translate=True,
        help="Ask what to improve, apologise and promise improvement.",
    )

    @api.constrains("opening", "question", "closing_satisfied", "closing_unsatisfied")
    def _check_placeholders(self):
        """Refuse a script that could not be rendered, when it is saved rather
        than when an agent opens a callback."""
        values = dict.fromkeys(PLACEHOLDERS, "")
        for script in self:
            for text in (
                script.opening,
                script.question,
                script.closing_satisfied,
                script.closing_unsatisfied,
            ):
                try:
                    (text or "").format(**values)
                except (KeyError, IndexError, ValueError) as error:
                    raise ValidationError(
                        self.env._(
                            "Script %(script)s has an unknown placeholder "
                            "(%(error)s); use only {customer}, {agent} and "
                            "{company}.",
                            script=script.name,
                            error=error,
                        )
                    ) from error

    def _render_text(self, text, partner, agent):
        values = {
            "customer": partner.name or "",
            "agent": agent.name or "",
            "company": (agent.company_id or self.env.company).name or "",
        }
        try:
            return (text or "").format(**values)
        except (KeyError, IndexError, ValueError) as error:
            raise UserError(
                self.env._(
                    "Script %(script)s has an unknown placeholder (%(error)s); use "
                    "only {customer}, {agent} and {company}.",
                    script=self.name,
                    error=error,
                )
            ) from error
