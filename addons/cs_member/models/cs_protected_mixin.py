# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Workflow fields that only the workflow sets.

A model inherits ``cs.protected.mixin`` and lists, in
``_cs_protected_fields()``, the fields that only its actions set: the state,
who approved and when, deadlines' status, scores… Then ``create`` and
``write`` refuse those fields from any client, whoever the user is (the web
client's ``readonly`` is not security: ``/web/dataset/call_kw`` reaches
``write`` directly). Only these pass:

- code running inside a method decorated with :func:`workflow_action` (the
  ``action_*`` buttons, which check the user's right and the data first) or
  inside ``with allow_protected_writes():`` (hooks and crons);
- the superuser (``sudo()``, crons run by OdooBot, data files);
- ``create`` with the model's initial state, and with the other protected
  fields empty or at their default;
- ``write`` of a value that the records already hold (the web client may send
  unchanged values back).

A model whose own ``create``/``write`` adds protected values to what the
client sent (e.g. the date a department was routed) checks the client's
values first, then writes with the permission::

    def write(self, vals):
        self._cs_guard_write(vals)
        vals = dict(vals, date_routed=fields.Datetime.now())
        with allow_protected_writes():
            return super().write(vals)

The permission is a :class:`contextvars.ContextVar`, not a context key: a
JSON-RPC client can send any context, but cannot reach a Python variable.
It is set for the duration of the decorated call only, in the thread that
runs it.

Usage::

    from odoo.addons.cs_member.models.cs_protected_mixin import workflow_action

    class CsThing(models.Model):
        _name = "cs.thing"
        _inherit = ["cs.protected.mixin"]

        def _cs_protected_fields(self):
            return super()._cs_protected_fields() | {"date_done", "done_by_id"}

        @workflow_action
        def action_done(self):
            ...  # check the right and the data, then
            self.write({"state": "done", "date_done": fields.Datetime.now()})
"""

import contextlib
import contextvars
import functools

from odoo import api, models
from odoo.exceptions import AccessError, UserError

_ALLOWED = contextvars.ContextVar("cs_protected_writes_allowed", default=False)
# _cs_locked_fields(): every stored field of the record is fixed
ALL_FIELDS = object()


@contextlib.contextmanager
def allow_protected_writes():
    """Let the code inside write protected fields (server-side hooks and
    crons that move a workflow on, after checking what they must)."""
    token = _ALLOWED.set(True)
    try:
        yield
    finally:
        _ALLOWED.reset(token)


def workflow_action(method):
    """Decorate a workflow method (an ``action_*`` button, a cron, a hook):
    its writes of protected fields pass. The method checks the user's right
    and the record's data itself, before it writes."""

    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        with allow_protected_writes():
            return method(*args, **kwargs)

    return wrapper


def protected_writes_allowed(env):
    """Whether protected fields may be written now in ``env``."""
    return env.su or _ALLOWED.get()


class CsProtectedMixin(models.AbstractModel):
    _name = "cs.protected.mixin"
    _description = "Fields Set Only by Workflow Actions"

    def _cs_protected_fields(self):
        """The fields that only the workflow sets. ``state`` is protected
        whenever the model has one; extend with ``super() | {...}``."""
        return {"state"} if "state" in self._fields else set()

    def _cs_initial_states(self):
        """The states a record may be created in by a client: the state
        field's own default (not one that a client's context proposes)."""
        return {self._cs_field_default("state")} - {False}

    def _cs_field_default(self, fname):
        field = self._fields.get(fname)
        if not field or not field.default:
            return False
        return field.default(self)

    @api.model_create_multi
    def create(self, vals_list):
        self._cs_guard_create(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._cs_guard_write(vals)
        return super().write(vals)

    def _cs_guard_create(self, vals_list):
        """Refuse the protected values of a client's ``create``."""
        if not protected_writes_allowed(self.env):
            self._cs_check_protected_create(vals_list)

    def _cs_guard_write(self, vals):
        """Refuse the protected values of a client's ``write``, and the
        changes of the fields a passed workflow step has fixed."""
        if not protected_writes_allowed(self.env):
            self._cs_check_protected_write(vals)
            self._cs_check_locked_write(vals)

    def _cs_require_state(self, states, action_label):
        """Raise the translated UserError of a workflow step unless every
        record is in one of ``states``; ``action_label`` is the translated
        past participle of the step ("approved", "done"…)."""
        wrong = self.filtered(lambda record: record.state not in states)
        if not wrong:
            return
        labels = dict(self._fields["state"]._description_selection(self.env))
        raise UserError(
            self.env._(
                "%(record)s is %(state)s: only a record that is %(states)s can "
                "be %(action)s.",
                record=wrong[0].display_name,
                state=labels.get(wrong[0].state, wrong[0].state),
                states=", ".join(labels.get(state, state) for state in states),
                action=action_label,
            )
        )

    # fields fixed by a workflow step: a hook for each model

    def _cs_locked_fields(self):
        """The fields of this record that a workflow step it has passed has
        fixed (a callback's result once it is over), or ``ALL_FIELDS`` for
        every stored field (a confirmed ledger entry). Unchanged values pass:
        the web client sends them back."""
        return set()

    def _cs_locked_message(self):
        """The error of a change of a locked field of this record."""
        return self.env._(
            "%(record)s has passed the step that fixed these values: they cannot "
            "be changed.",
            record=self.display_name,
        )

    def _cs_check_locked_write(self, vals):
        for record in self:
            locked = record._cs_locked_fields()
            if not locked:
                continue
            if locked is ALL_FIELDS:
                locked = {
                    fname
                    for fname, field in self._fields.items()
                    if field.store and field.type not in ("one2many", "many2many")
                }
            if any(
                not record._cs_same_value(fname, vals[fname], record[fname])
                for fname in locked & set(vals)
            ):
                raise UserError(record._cs_locked_message())

    def copy_data(self, default=None):
        # a duplicate starts its workflow afresh: protected values are not
        # copied (they take their defaults), unless the caller asks for them
        default = dict(default or {})
        vals_list = super().copy_data(default=default)
        protected = self._cs_protected_fields() - set(default)
        for vals in vals_list:
            for fname in protected & set(vals):
                del vals[fname]
        return vals_list

    def _cs_check_protected_create(self, vals_list):
        protected = self._cs_protected_fields()
        initial = self._cs_initial_states()
        # a client's context can propose defaults (default_state=...) too
        context_vals = {
            fname: self.env.context[f"default_{fname}"]
            for fname in protected
            if f"default_{fname}" in self.env.context
        }
        for vals in vals_list:
            refused = set()
            for fname, value in {**context_vals, **vals}.items():
                if fname not in protected:
                    continue
                if fname == "state":
                    if value not in initial:
                        refused.add(fname)
                elif value and not self._cs_same_value(
                    fname, value, self._cs_field_default(fname)
                ):
                    refused.add(fname)
            if refused:
                self._cs_raise_protected(refused)

    def _cs_check_protected_write(self, vals):
        refused = {
            fname
            for fname in self._cs_protected_fields() & set(vals)
            if any(
                not self._cs_same_value(fname, vals[fname], record[fname])
                for record in self
            )
        }
        if refused:
            self._cs_raise_protected(refused)

    def _cs_same_value(self, fname, value, current):
        """Whether writing ``value`` leaves ``fname`` as ``current``
        (a record value, a default or a write value)."""
        field = self._fields[fname]
        if field.type in ("one2many", "many2many"):
            return False
        record = self[:1] or self.new({})
        new = field.convert_to_cache(value, record, validate=False)
        old = field.convert_to_cache(current, record, validate=False)
        return (new or False) == (old or False)

    def _cs_raise_protected(self, fnames):
        labels = sorted(
            self._fields[fname]._description_string(self.env) for fname in fnames
        )
        raise AccessError(
            self.env._(
                "%(fields)s of a %(model)s change only through its buttons, which "
                "check your rights and the required data. They cannot be set "
                "directly.",
                fields=", ".join(labels),
                # the model's translated name only; users without access to
                # ir.model (portal) get the same message
                model=self.env["ir.model"].sudo()._get(self._name).name,
            )
        )
