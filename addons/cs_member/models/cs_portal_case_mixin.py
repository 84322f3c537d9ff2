# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError

from .mail_batch_render import BatchMemo


class CsPortalCaseMixin(models.AbstractModel):
    """A customer's case (a complaint, a service request) that its customer
    follows on the portal and hears about by e-mail.

    - Portal users reach only the fields that ``_cs_portal_readable_fields``
      names, in read, in search domains and in what pages prefetch (as
      project sharing does for tasks).
    - ``_cs_send_template`` e-mails the company's notices in one batch.
    """

    _name = "cs.portal.case.mixin"
    _description = "Customer Case on the Portal"

    def _cs_portal_readable_fields(self):
        """The fields a portal customer may read of their own cases."""
        return set()

    def _cs_portal_user(self):
        return not self.env.su and self.env.user._is_portal()

    @api.model
    def check_field_access_rights(self, operation, field_names):
        if not self._cs_portal_user():
            return super().check_field_access_rights(operation, field_names)
        readable = self._cs_portal_readable_fields()
        if not field_names:
            return [
                fname
                for fname in super().check_field_access_rights(operation, field_names)
                if fname in readable
            ]
        hidden = set(field_names) - readable
        if hidden:
            raise AccessError(
                self.env._(
                    "These details of a %(case)s are internal to the company: "
                    "%(fields)s.",
                    case=self.env["ir.model"]._get(self._name).name,
                    fields=", ".join(sorted(hidden)),
                )
            )
        return super().check_field_access_rights(operation, field_names)

    @api.model
    def _search(self, domain, *args, **kwargs):
        # relational conditions (penalty_ids, line_ids...) are joined without
        # the field check of plain columns: check them here
        if self._cs_portal_user():
            hidden = {
                leaf[0].split(".", 1)[0]
                for leaf in domain
                if isinstance(leaf, list | tuple)
                and len(leaf) == 3
                and isinstance(leaf[0], str)
            } - self._cs_portal_readable_fields()
            if hidden:
                self.check_field_access_rights("read", sorted(hidden))
        return super()._search(domain, *args, **kwargs)

    def _determine_fields_to_fetch(self, field_names, ignore_when_in_cache=False):
        # what portal pages prefetch stays within the readable fields
        if self._cs_portal_user():
            readable = self._cs_portal_readable_fields()
            field_names = [f for f in field_names if f in readable]
        return super()._determine_fields_to_fetch(field_names, ignore_when_in_cache)

    def _cs_send_template(self, xmlid):
        """E-mail the template to the customers of these cases who have an
        e-mail address, rendered in batch; a copy stays in the chatter of
        each case."""
        template = self.env.ref(xmlid, raise_if_not_found=False)
        with_email = self.filtered("partner_id.email")
        if not template or not with_email:
            return
        # sudo: whoever registers or moves the case, the notices are the
        # company's; their rendering reads the company's and the policies'
        # records
        composer = (
            self.env["mail.compose.message"]
            .sudo()
            .create(
                {
                    "composition_mode": "mass_mail",
                    "model": self._name,
                    "res_ids": with_email.ids,
                    "template_id": template.id,
                    "auto_delete_keep_log": True,
                    "force_send": False,
                    "record_name": False,
                }
            )
        )
        # one batch: each template compiled once, the mails created at once
        composer.with_context(
            cs_batch_render=BatchMemo(len(with_email))
        )._action_send_mail()
