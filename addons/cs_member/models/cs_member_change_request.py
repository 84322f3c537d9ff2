# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .cs_protected_mixin import ALL_FIELDS, workflow_action

# a member's private data (A3): what an agent changes only through a request
# approved by a supervisor, as {partner field: request field}
CHANGE_FIELDS = {
    "name": "new_name",
    "phone": "new_phone",
    "mobile": "new_mobile",
    "email": "new_email",
    "street": "new_street",
    "street2": "new_street2",
    "city": "new_city",
    "zip": "new_zip",
    "cs_birthday": "new_birthday",
    "cs_id_number": "new_id_number",
}


class CsMemberChangeRequest(models.Model):
    """客户资料变更申请单 (A3): an agent's change of a customer's private data,
    applied when a supervisor approves it. The old and new values stay on
    the request; the partner's chatter tracks the change."""

    _name = "cs.member.change.request"
    _inherit = ["mail.thread", "mail.activity.mixin", "cs.protected.mixin"]
    _description = "Customer Data Change Request"
    _order = "create_date desc, id desc"

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", index="trigram"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        ondelete="cascade",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Requested By",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [
            ("to_approve", "To Approve"),
            ("approved", "Approved"),
            ("refused", "Refused"),
        ],
        default="to_approve",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    reason = fields.Text(
        string="Why", required=True, help="Why the customer's data changes."
    )
    new_name = fields.Char(
        string="Name", compute="_compute_new_values", store=True, readonly=False
    )
    new_phone = fields.Char(
        string="Phone", compute="_compute_new_values", store=True, readonly=False
    )
    new_mobile = fields.Char(
        string="Mobile", compute="_compute_new_values", store=True, readonly=False
    )
    new_email = fields.Char(
        string="Email", compute="_compute_new_values", store=True, readonly=False
    )
    new_street = fields.Char(
        string="Street", compute="_compute_new_values", store=True, readonly=False
    )
    new_street2 = fields.Char(
        string="Street 2", compute="_compute_new_values", store=True, readonly=False
    )
    new_city = fields.Char(
        string="City", compute="_compute_new_values", store=True, readonly=False
    )
    new_zip = fields.Char(
        string="ZIP", compute="_compute_new_values", store=True, readonly=False
    )
    new_birthday = fields.Date(
        string="Birthday", compute="_compute_new_values", store=True, readonly=False
    )
    new_id_number = fields.Char(
        string="ID Number", compute="_compute_new_values", store=True, readonly=False
    )
    change_log = fields.Html(
        string="Changes",
        readonly=True,
        copy=False,
        sanitize=True,
        help="The old and new values, recorded when the request is decided.",
    )
    decided_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_decided = fields.Datetime(string="Decided On", readonly=True, copy=False)
    refuse_reason = fields.Text(string="Refusal Reason", copy=False)

    @api.depends("partner_id")
    def _compute_new_values(self):
        for request in self:
            partner = request.partner_id
            for pfield, rfield in CHANGE_FIELDS.items():
                request[rfield] = partner[pfield] if partner else False

    def _cs_protected_fields(self):
        return super()._cs_protected_fields() | {
            "change_log",
            "decided_by_id",
            "date_decided",
            "user_id",
        }

    def _cs_locked_fields(self):
        # the customer of a request is fixed: its values are the customer's
        return ALL_FIELDS if self.state != "to_approve" else {"partner_id"}

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._cs_complete_new_values(vals)
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    "cs.member.change.request"
                )
        requests = super().create(vals_list)
        requests._cs_notify_supervisors()
        return requests

    @api.model
    def _cs_complete_new_values(self, vals):
        """The customer's current value for each value the request does not
        give. The new values share one compute: when ``create`` receives
        some of them (an import, an integration, JSON-RPC), Odoo computes
        none of the others, and approving would erase them."""
        partner = self.env["res.partner"].browse(vals.get("partner_id"))
        if not partner:
            return
        for pfield, rfield in CHANGE_FIELDS.items():
            if rfield not in vals:
                field = partner._fields[pfield]
                vals[rfield] = field.convert_to_write(partner[pfield], partner)

    def write(self, vals):
        if "refuse_reason" in vals:
            self._check_supervisor()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decided(self):
        if not self.env.is_superuser() and self.filtered(
            lambda r: r.state != "to_approve"
        ):
            raise UserError(self.env._("A decided change request is kept."))

    @workflow_action
    def action_approve(self):
        """Apply the requested values to the customer (as the approver)."""
        self._check_supervisor()
        self._cs_require_state(["to_approve"], self.env._("approved"))
        for request in self:
            changes = request._cs_changes()
            if not changes:
                raise UserError(
                    self.env._(
                        "%(name)s changes nothing: refuse it instead.",
                        name=request.name,
                    )
                )
            request.write(request._cs_decision_vals("approved", changes))
            request.partner_id.write({pfield: new for pfield, _o, new in changes})
            request.partner_id.message_post(
                body=self.env._(
                    "Data changed by request %(name)s, approved by %(user)s.",
                    name=request.name,
                    user=self.env.user.name,
                ),
                message_type="notification",
            )
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    @workflow_action
    def action_refuse(self):
        self._check_supervisor()
        self._cs_require_state(["to_approve"], self.env._("refused"))
        if any(not request.refuse_reason for request in self):
            raise UserError(self.env._("Give the reason of the refusal first."))
        for request in self:
            request.write(request._cs_decision_vals("refused", request._cs_changes()))
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def _cs_changes(self):
        """[(partner field, old value, new value)] of the request."""
        self.ensure_one()
        partner = self.partner_id
        changes = []
        for pfield, rfield in CHANGE_FIELDS.items():
            old, new = partner[pfield] or False, self[rfield] or False
            if old != new:
                changes.append((pfield, old, new))
        return changes

    def _cs_decision_vals(self, state, changes):
        partner_fields = self.env["res.partner"]._fields
        rows = Markup("").join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td></tr>")
            % (
                partner_fields[pfield]._description_string(self.env),
                old or "",
                new or "",
            )
            for pfield, old, new in changes
        )
        header = Markup("<tr><th>%s</th><th>%s</th><th>%s</th></tr>") % (
            self.env._("Field"),
            self.env._("Old Value"),
            self.env._("New Value"),
        )
        return {
            "state": state,
            "decided_by_id": self.env.uid,
            "date_decided": fields.Datetime.now(),
            "change_log": Markup("<table class='table table-sm'>%s%s</table>")
            % (header, rows),
        }

    def _cs_notify_supervisors(self):
        """A to-do for the requester's team leader, else a supervisor."""
        supervisors = self.env.ref("cs_member.group_cs_supervisor").users.filtered(
            lambda u: not u.share and u.active and not u._is_superuser()
        )
        for request in self:
            approver = request.user_id.cs_team_id.leader_id or supervisors[:1]
            if not approver:
                continue
            # sudo: the agent asks a supervisor, whose activity it may not create
            request.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Approve the customer data change"),
                user_id=approver.id,
            )

    def _check_supervisor(self):
        if self.env.su or self.env.user.has_group("cs_member.group_cs_supervisor"):
            return
        raise AccessError(
            self.env._(
                "Only a customer service supervisor can approve or refuse a "
                "change of customer data."
            )
        )
