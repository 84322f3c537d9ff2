# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Notices to many customers rendered as one batch.

Odoo's mass-mail composer renders a template's QWeb body record by record,
and compiles it again for each one: the body is handed to ``ir.qweb`` as a
freshly parsed element, which Odoo does not cache (it caches views only).
For a batch of notices that compilation is most of the time spent. With a
``BatchMemo`` in the context (key ``cs_batch_render``), one compilation
serves every record of the batch that has the same template source and
rendering context, and the composer renders and creates the mails of the
whole batch at once instead of 50 at a time. Without it nothing changes.
"""

from lxml import etree

from odoo import models


class BatchMemo:
    """The compiled templates of one batch (hashable: it travels in the
    context)."""

    def __init__(self, size):
        self.size = size
        self.compiled = {}


class IrQweb(models.AbstractModel):
    _inherit = "ir.qweb"

    def _compile(self, template):
        memo = self.env.context.get("cs_batch_render")
        if not isinstance(memo, BatchMemo) or not isinstance(template, etree._Element):
            return super()._compile(template)
        # the same source under the same rendering context compiles to the
        # same functions: the values of each record are given at render time
        key = (
            etree.tostring(template),
            tuple(self.env.context.get(k) for k in self._get_template_cache_keys()),
            self.env.context.get("raise_on_forbidden_code_for_model"),
        )
        if key not in memo.compiled:
            memo.compiled[key] = super()._compile(template)
        return memo.compiled[key]


class MailComposeMessage(models.TransientModel):
    _inherit = "mail.compose.message"

    @property
    def _batch_size(self):
        memo = self.env.context.get("cs_batch_render")
        if isinstance(memo, BatchMemo):
            return memo.size
        # the class attribute of the composer (mail's 50)
        return next(
            vars(cls)["_batch_size"]
            for cls in type(self).__mro__
            if not isinstance(vars(cls).get("_batch_size", property()), property)
        )
