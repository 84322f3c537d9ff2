# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.cs_member.models.cs_protected_mixin import (
    allow_protected_writes,
    workflow_action,
)

CONTRACT_WORKFLOW_FIELDS = {"name", "date_reminded"}


class CsServiceContract(models.Model):
    """A maintenance contract (售后服务协议): the customer is told one month
    before it ends (G3)."""

    _name = "cs.service.contract"
    _inherit = ["mail.thread", "mail.activity.mixin", "cs.protected.mixin"]
    _description = "Maintenance Contract"
    _order = "date_end, id"
    _check_company_auto = True

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/"
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, tracking=True
    )
    product_id = fields.Many2one(
        "product.product",
        tracking=True,
        help="Empty: every product of the customer.",
    )
    serial_number = fields.Char()
    date_start = fields.Date(
        string="Start",
        required=True,
        default=lambda self: self.env.company._cs_today(),
        tracking=True,
    )
    date_end = fields.Date(string="End", required=True, index=True, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Agent",
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("active", "Active"),
            ("expired", "Expired"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    date_reminded = fields.Date(
        string="Customer Told On",
        readonly=True,
        copy=False,
        help="When the customer was told that the contract ends soon.",
    )
    note = fields.Text(string="Terms")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for contract in self:
            if contract.date_end < contract.date_start:
                raise ValidationError(
                    self.env._("A maintenance contract cannot end before it starts.")
                )

    def _cs_protected_fields(self):
        return super()._cs_protected_fields() | CONTRACT_WORKFLOW_FIELDS

    @api.model_create_multi
    def create(self, vals_list):
        self._cs_guard_create(vals_list)
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                # sudo: numbering is not a right of the user
                vals["name"] = (
                    self.env["ir.sequence"].sudo().next_by_code("cs.service.contract")
                    or "/"
                )
        with allow_protected_writes():
            return super().create(vals_list)

    def _cs_check_agent(self):
        if not self.env.su and not self.env.user.has_group("cs_member.group_cs_agent"):
            raise AccessError(
                self.env._("Only customer-service agents manage maintenance contracts.")
            )

    @workflow_action
    def action_activate(self):
        self._cs_check_agent()
        if self.filtered(lambda c: c.state != "draft"):
            raise UserError(self.env._("Only draft contracts can be activated."))
        self.write({"state": "active"})
        return True

    @workflow_action
    def action_cancel(self):
        self._cs_check_agent()
        if self.filtered(lambda c: c.state not in ("draft", "active")):
            raise UserError(
                self.env._("Only draft or active contracts can be cancelled.")
            )
        self.write({"state": "cancelled"})
        return True

    @api.model
    @workflow_action
    def _cron_contract_reminders(self):
        """Expire the contracts past their end; tell the customers whose
        contract ends within a month (once), with an activity for their
        agent. A second run changes nothing."""
        Company = self.env["res.company"]
        expired = self.search(
            [("state", "=", "active")] + Company._cs_today_domain("date_end", "<")
        )
        expired.write({"state": "expired"})
        to_remind = self.browse()
        for company in Company.search([]):
            today = company._cs_today()
            to_remind |= self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "active"),
                    ("date_reminded", "=", False),
                    ("date_end", ">=", today),
                    ("date_end", "<=", today + relativedelta(months=1)),
                ]
            )
        if not to_remind:
            return 0
        template = self.env.ref("cs_service.mail_template_contract_reminder")
        for contract in to_remind:
            contract.message_post_with_source(template, subtype_xmlid="mail.mt_comment")
            if contract.user_id:
                contract.activity_schedule(
                    "mail.mail_activity_data_call",
                    date_deadline=contract.date_end - relativedelta(days=14),
                    summary=self.env._(
                        "Propose the renewal of contract %(number)s",
                        number=contract.name,
                    ),
                    user_id=contract.user_id.id,
                )
            contract.date_reminded = contract.company_id._cs_today()
        return len(to_remind)
