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

What else a batch repeats for each record is done once, with the same
result by construction (the records do not change while their mails are
prepared):

- the inline expressions rendered several times on the same records (the
  template's ``lang`` is rendered for the composer, for the subject, for the
  body and for the template's recipients: once suffices);
- the dates formatted for the body (many complaints share a deadline);
- the HTML sanitizing of each message body: the ORM sanitizes the same value
  three times while creating a ``mail.mail`` (the message's cache and column,
  and the mail's inherited field); the sanitizer is a pure function of the
  text and the field's options, so the first result serves the others.
"""

from lxml import etree

from odoo import api, fields, models


class BatchMemo:
    """The compiled templates of one batch (hashable: it travels in the
    context)."""

    def __init__(self, size):
        self.size = size
        self.compiled = {}
        self.rendered = {}
        self.sanitized = {}


def _memo(env):
    memo = env.context.get("cs_batch_render")
    return memo if isinstance(memo, BatchMemo) else None


class BatchSanitizedHtml(fields.Html):
    """An HTML field whose sanitizing is done once per distinct value within
    a batch (see the module's docstring); outside a batch, Odoo's."""

    def _convert(self, value, record, validate):
        memo = _memo(record.env)
        if (
            memo is None
            or not validate
            or not self.sanitize
            or self.sanitize_overridable  # depends on the user and the record
            or not isinstance(value, str)
        ):
            return super()._convert(value, record, validate)
        key = (
            str(value),
            self.sanitize_tags,
            self.sanitize_attributes,
            self.sanitize_style,
            self.sanitize_form,
            self.sanitize_conditional_comments,
            self.sanitize_output_method,
            self.strip_style,
            self.strip_classes,
        )
        if key not in memo.sanitized:
            memo.sanitized[key] = super()._convert(value, record, validate)
        return memo.sanitized[key]


class MailMessage(models.Model):
    _inherit = "mail.message"

    # same definition as mail's (its attributes are kept), with the batch's
    # sanitizing memo; ``mail.mail`` inherits it through ``_inherits``
    body = BatchSanitizedHtml()


class MailRenderMixin(models.AbstractModel):
    _inherit = "mail.render.mixin"

    @api.model
    def _render_template(
        self,
        template_src,
        model,
        res_ids,
        engine="inline_template",
        add_context=None,
        options=None,
    ):
        memo = _memo(self.env)
        if memo is None or engine != "inline_template" or add_context:
            return super()._render_template(
                template_src, model, res_ids, engine, add_context, options
            )
        # the same expression on the same records as the same user, in the
        # same language and context, renders the same text
        key = (
            template_src,
            model,
            tuple(res_ids),
            self.env.uid,
            self.env.su,
            repr(
                sorted(
                    (k, repr(v))
                    for k, v in self.env.context.items()
                    if k != "cs_batch_render"
                )
            ),
            repr(sorted((options or {}).items())),
        )
        if key not in memo.rendered:
            memo.rendered[key] = super()._render_template(
                template_src, model, res_ids, engine, add_context, options
            )
        return dict(memo.rendered[key])

    def _render_eval_context(self):
        render_context = super()._render_eval_context()
        if _memo(self.env) is None:
            return render_context
        # this context serves one environment (language, time zone): the
        # same date formats to the same text
        format_date = render_context["format_date"]
        formatted = {}

        def memo_format_date(date, date_format=False, lang_code=False):
            key = (date, date_format, lang_code)
            if key not in formatted:
                formatted[key] = format_date(date, date_format, lang_code)
            return formatted[key]

        render_context["format_date"] = memo_format_date
        return render_context


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
