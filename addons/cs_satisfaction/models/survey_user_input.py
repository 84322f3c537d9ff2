# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    cs_satisfaction_run_id = fields.Many2one(
        "cs.satisfaction.run",
        string="Satisfaction Survey Month",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
        help="The monthly satisfaction survey that invited this customer: its "
        "answers count for that month.",
    )
    cs_mobile = fields.Char(
        related="partner_id.mobile",
        string="Customer Mobile",
        help="Where the SMS invitation of the monthly survey is sent.",
    )
    cs_invited_by = fields.Selection(
        [("email", "E-mail"), ("sms", "SMS"), ("phone", "Phone Callback")],
        string="Invited By",
        readonly=True,
        copy=False,
        help="How the monthly satisfaction survey reached the customer; set "
        "once, when the invitation is sent.",
    )
    cs_level_id = fields.Many2one(
        "cs.member.level",
        string="Member Level",
        readonly=True,
        help="The customer's member level when they were sampled.",
    )

    def _cs_survey_link(self):
        """The customer's own link to this answer (its token), as sent by
        e-mail or SMS. Called by the SMS template."""
        self.ensure_one()
        return self.survey_id.get_base_url() + self.get_start_url()
