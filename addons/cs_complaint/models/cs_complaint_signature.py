# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.cs_member.models.cs_protected_mixin import workflow_action

# what only the signing sets (cs.protected.mixin); ``date_accepted`` is
# already one of the complaint's workflow fields
SIGNATURE_FIELDS = {"customer_signature", "customer_signed_by", "customer_accepted"}


class CsComplaint(models.Model):
    """The customer accepts the solution by signing it (D3 step 5, H1): in
    the portal on /my/complaints/<id>, or on the agent's tablet, which opens
    the same page. The signature, who signed and when are kept on the
    complaint, shown in the handling notice, and archived in the chatter.
    ``customer_accepted`` is the signature's flag: the resolution needs it."""

    _inherit = "cs.complaint"

    customer_signature = fields.Image(
        string="Customer's Signature",
        copy=False,
        attachment=True,
        max_width=1024,
        max_height=1024,
    )
    customer_signed_by = fields.Char(string="Signed By", readonly=True, copy=False)

    @api.depends("customer_signature")
    def _compute_customer_accepted(self):
        for complaint in self:
            complaint.customer_accepted = bool(complaint.customer_signature)

    def _cs_protected_fields(self):
        return super()._cs_protected_fields() | SIGNATURE_FIELDS

    def _has_to_be_signed(self):
        """The solution is being implemented and waits for the customer's
        acceptance (the portal's signature widget shows)."""
        self.ensure_one()
        return self.state == "implementing" and not self.customer_accepted

    def action_customer_sign(self):
        """The agent hands their tablet to the customer: the complaint's
        portal page, with its access token, where the customer signs."""
        self.ensure_one()
        self._cs_check_group(
            "cs_member.group_cs_agent", self.env._("ask the customer to sign")
        )
        self._cs_check_state(("implementing",), self.env._("signed"))
        if not self._has_to_be_signed():
            raise UserError(
                self.env._(
                    "The customer already accepted the solution of complaint "
                    "%(number)s.",
                    number=self.name,
                )
            )
        return {
            "type": "ir.actions.act_url",
            "url": self.get_portal_url(anchor="complaint_signature"),
            "target": "self",
        }

    @workflow_action
    def _cs_sign_acceptance(self, name, signature):
        """Record the customer's signed acceptance of the solution (the only
        path that sets it) and archive the signature in the chatter (G5)."""
        self.ensure_one()
        if not self._has_to_be_signed():
            raise UserError(
                self.env._(
                    "Complaint %(number)s is not waiting for the customer's "
                    "signature.",
                    number=self.name,
                )
            )
        self.write(
            {
                "customer_signature": signature,
                "customer_signed_by": name,
                "date_accepted": fields.Datetime.now(),
            }
        )
        # sudo: the customer signs; the archived copy is the company's
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": self.env._("%(number)s signature.png", number=self.name),
                    "raw": base64.b64decode(signature),
                    "mimetype": "image/png",
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )
        self.sudo().message_post(
            body=self.env._(
                "Solution accepted and signed by %(name)s", name=self.customer_signed_by
            ),
            attachment_ids=attachment.ids,
            author_id=self.partner_id.id,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        return True
