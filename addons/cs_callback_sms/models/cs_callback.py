# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, models

from odoo.addons.cs_member.models.cs_protected_mixin import workflow_action


class CsCallback(models.Model):
    _inherit = "cs.callback"

    @api.model
    def _phone_get_number_fields(self):
        """The customer's numbers, mobile first: where Odoo's SMS tools send
        the SMS of a callback."""
        return ["partner_mobile", "partner_phone"]

    def _cs_send_channel_messages(self):
        res = super()._cs_send_channel_messages()
        self._send_sms_callbacks()
        return res

    @workflow_action
    def _send_sms_callbacks(self):
        """Queue the plan's SMS template for the customers of these SMS
        callbacks, in batch (Odoo's SMS scheduled action sends the queue), and
        log each SMS in the callback's chatter. The callback stays to do: the
        agent records the answer. A customer without a valid number gets no
        SMS; a note on the callback says so."""
        for template, callbacks in (
            self.filtered(lambda c: c.channel == "sms" and c.state == "todo")
            .grouped(lambda c: c.plan_id.sms_template_id)
            .items()
        ):
            if not template:
                continue
            with_number = callbacks._cs_with_sms_number()
            (callbacks - with_number)._cs_log_sms_not_sent()
            if with_number:
                with_number._cs_queue_sms(template)

    def _cs_with_sms_number(self):
        """The callbacks whose customer has a number Odoo can text (see
        ``_phone_get_number_fields``)."""
        recipients = self._sms_get_recipients_info()
        return self.filtered(lambda c: recipients[c.id]["sanitized"])

    def _cs_queue_sms(self, template):
        """Queue ``template`` for these callbacks through Odoo's SMS composer
        in mass mode, which also logs the SMS on each callback."""
        # sudo: the template shows the plan's survey link, which agents and
        # supervisors may not read
        sms_all = self.sudo()._message_sms_schedule_mass(
            template=template.sudo(), mass_keep_log=True
        )
        # the composer creates one SMS per callback, in the callbacks' order;
        # it cancels the SMS to a blacklisted or repeated number
        reasons = dict(sms_all._fields["failure_type"]._description_selection(self.env))
        not_sent = {
            callback.id: reasons.get(sms.failure_type) or sms.failure_type
            for callback, sms in zip(self, sms_all, strict=True)
            if sms.state != "outgoing"
        }
        self.filtered(lambda c: c.id not in not_sent).write({"attempt_count": 1})
        self.browse(not_sent)._cs_log_sms_not_sent(not_sent)

    def _cs_log_sms_not_sent(self, reasons=None):
        """Note on each callback that its SMS was not sent: for the reason in
        ``reasons`` (callback id: text), else for want of a number."""
        reasons = reasons or {}
        bodies = {}
        for callback in self:
            customer = callback.partner_id.display_name
            if reasons.get(callback.id):
                text = self.env._(
                    "The SMS to %(customer)s was not sent (%(reason)s): call the "
                    "customer and record the answer.",
                    customer=customer,
                    reason=reasons[callback.id],
                )
            else:
                text = self.env._(
                    "The SMS to %(customer)s was not sent: the customer has no "
                    "valid mobile or phone number. Call the customer and record "
                    "the answer.",
                    customer=customer,
                )
            bodies[callback.id] = Markup("<p>%s</p>") % text
        if bodies:
            self._message_log_batch(bodies=bodies)

    def _cs_sms_survey_text(self):
        """The line of the SMS that invites the customer to answer the plan's
        survey, in the language of the SMS; empty without one.
        Called by the SMS template as ``{{ object._cs_sms_survey_text() }}``."""
        self.ensure_one()
        url = self._cs_survey_url()
        if not url:
            return ""
        sentence = self.env._("Or answer our short survey: %(url)s", url=url)
        return f"\n{sentence}"
