# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Set-based creation of many records that differ by a few columns only:
the callbacks a plan generates and their creation notes.

``create()`` costs about a millisecond of Python per record (defaults, cache,
inverses, constraints), i.e. most of the 89 seconds of a 100,000-customer plan.
:func:`insert_rows` writes the same rows with one ``INSERT … SELECT`` over
arrays, then does what ``create()`` does after its own ``INSERT`` for the
whole set at once."""

from markupsafe import escape

from odoo import fields as odoo_fields
from odoo.tools import SQL, clean_context
from odoo.tools.mail import generate_tracking_message_id

from odoo.addons.cs_member.models.followers import insert_followers

MAIL_THREAD_MODULE = "odoo.addons.mail.models.mail_thread"
MESSAGE_CREATE_KNOWN = ("odoo.addons.mail.models.mail_message",)
ACTIVITY_CREATE_KNOWN = ("odoo.addons.mail.models.mail_activity",)


def overridden(model, method, known=()):
    """Whether a module other than ``mail.thread`` and the ``known`` ones
    (whose work the caller does itself) overrides ``method`` on ``model``:
    then what it does per record is not known here, and the caller goes
    through ``create()``."""
    known = {MAIL_THREAD_MODULE, *known}
    return any(
        method in vars(cls) and cls.__module__ not in known
        for cls in type(model).__mro__
        if cls.__module__.startswith("odoo.addons.")
    )


def can_insert(model, fnames):
    """Whether :func:`insert_rows` writes what ``create()`` would for records
    of ``model`` given ``fnames``: no delegation (``_inherits``), no
    precomputed field left to compute, every given field a column of the
    table."""
    fields = model._fields
    return (
        not model._inherits
        # a precomputed field given is not computed by create() either
        and not any(
            field.precompute and fname not in fnames for fname, field in fields.items()
        )
        and all(fields[fname].store and fields[fname].column_type for fname in fnames)
    )


# the methods of mail.thread that creation calls per record: a module that
# overrides one adds work that the set-based creation does not do
THREAD_CREATION_METHODS = (
    "_track_template",
    "_creation_subtype",
    "_creation_message",
    "_message_auto_subscribe",
    "_message_log_batch",
)


def can_insert_threads(model, vals, create_known=(), methods=()):
    """Whether :func:`insert_rows`, with the caller's bulk followers and
    :func:`log_creation_notes`, writes what ``create()`` of ``model``
    (a ``mail.thread``) would for records like ``vals``: the rows can be
    inserted, tracking is on, no follower comes through a parent record, and
    no module overrides ``create`` (other than the ``create_known`` modules,
    whose work the caller does), the creation of messages, or one of
    :data:`THREAD_CREATION_METHODS` and ``methods``."""
    relations = model.env["mail.message.subtype"]._get_auto_subscription_subtypes(
        model._name
    )[4]
    return (
        can_insert(model, model._add_missing_default_values(vals))
        and not relations
        and not model.env.context.get("tracking_disable")
        and not overridden(model, "create", create_known)
        and not overridden(model.env["mail.message"], "create", MESSAGE_CREATE_KNOWN)
        and not any(
            overridden(model, method) for method in (*THREAD_CREATION_METHODS, *methods)
        )
    )


def insert_rows(model, values, rows, validate_apart=()):
    """Create ``len(rows[f])`` records of ``model`` in one statement, with the
    rows ``create()`` would write: ``values`` (field: value) are the same for
    every record, ``rows`` (field: list) give each record its own value.

    What ``create()`` does around its own ``INSERT``, done once for the set:
    the access right to create, the defaults (computed once: the defaults of
    the models inserted this way do not depend on the record), the log
    columns, the caches of the inverse one2many fields, the recomputation of
    what depends on the new records (``modified``), the Python constraints,
    the record rules and the company consistency. Only for what
    :func:`can_insert` accepts.

    The constraints on the fields of ``validate_apart`` are left to the
    caller (who checks them on one record per distinct set of the values
    they read). The company consistency of fields that are the same for
    every record is checked on one record.

    :return: the new records, in the order of ``rows``
    """
    count = len(next(iter(rows.values())))
    if not count:
        return model.browse()
    model.check_access("create")
    env = model.env
    first = dict(values, **{fname: column[0] for fname, column in rows.items()})
    complete = model._add_missing_default_values(first)
    if not can_insert(model, complete):
        raise ValueError(f"{model._name} records cannot be inserted set-based")
    constants = {
        fname: value
        for fname, value in complete.items()
        if fname not in rows and fname not in ("id", "parent_path")
    }
    if model._log_access:
        now = env.cr.now()
        constants.update(
            create_uid=env.uid, create_date=now, write_uid=env.uid, write_date=now
        )
    fields = model._fields
    columns, select, arrays = [], [], []
    for fname, value in constants.items():
        field = fields[fname]
        columns.append(fname)
        select.append(SQL("%s", field.convert_to_column_insert(value, model, complete)))
    for fname, column in rows.items():
        field = fields[fname]
        columns.append(fname)
        select.append(SQL.identifier("new", fname))
        # the column type comes from the field definition, not from input
        arrays.append(
            SQL(
                f"%s::{field.column_type[1]}[]",
                [field.convert_to_column_insert(value, model) for value in column],
            )
        )
    env.cr.execute(
        SQL(
            """
            INSERT INTO %(table)s (%(columns)s)
            SELECT %(select)s
              FROM unnest(%(arrays)s) WITH ORDINALITY AS new(%(names)s, ordinality)
             ORDER BY new.ordinality
            RETURNING id
            """,
            table=SQL.identifier(model._table),
            columns=SQL(", ").join(map(SQL.identifier, columns)),
            select=SQL(", ").join(select),
            arrays=SQL(", ").join(arrays),
            names=SQL(", ").join(map(SQL.identifier, rows)),
        )
    )
    records = model.browse(sorted(row[0] for row in env.cr.fetchall()))
    # create() puts the new records in the one2many of the records they point
    # to; here those one2many are read again from the database
    for fname in columns:
        for inverse in model.pool.field_inverses[fields[fname]]:
            env[inverse.model_name].invalidate_model([inverse.name])
    records.modified(fields, create=True)
    records._validate_fields(columns, excluded_names=validate_apart)
    records.check_access("create")
    if model._check_company_auto:
        checked = [
            fname
            for fname, field in fields.items()
            if field.relational and field.check_company
        ]
        # the same company and values for every record: one record answers
        # for all of them
        same = "company_id" not in rows and not set(checked) & set(rows)
        (records[:1] if same else records)._check_company(checked)
    return records


def can_log_creation_notes(model):
    """Whether :func:`log_creation_notes` writes the creation notes that
    ``mail.thread.create`` would log for new records of ``model`` in the
    current context: logging is on, the model posts no creation subtype
    (which notifies the followers), and no module changes the creation
    message, the batch log or the creation of messages."""
    context = model.env.context
    return (
        not context.get("tracking_disable")
        and not context.get("mail_create_nolog")
        and not model.browse()._creation_subtype()
        and not overridden(model, "_creation_message")
        and not overridden(model, "_message_log_batch")
        and not overridden(model.env["mail.message"], "create", MESSAGE_CREATE_KNOWN)
    )


def log_creation_notes(records):
    """Log the creation note of each of ``records`` as
    ``mail.thread._message_log_batch`` does for the ``_creation_message``
    of ``mail.thread.create`` (author the current user, subtype note,
    internal, no notification), with one ``INSERT`` for the batch instead of
    one ``mail.message`` created (default values, sanitized body, cache)
    per record. The body is the model's, the same for every record: only
    for what :func:`can_log_creation_notes` accepts."""
    if not records:
        return
    env = records.env
    author_id, email_from = records._message_compute_author(
        None, None, raise_on_email=False
    )
    # sudo: as _message_log_batch, the note is written without checking the
    # rights on messages; the user created the records just before
    Message = env["mail.message"].sudo().with_context(clean_context(env.context))
    insert_rows(
        Message,
        {
            "author_id": author_id,
            "email_from": email_from,
            "model": records._name,
            "record_alias_domain_id": False,
            "record_company_id": False,
            "record_name": False,
            "message_type": "notification",
            "is_internal": True,
            "subject": False,
            "subtype_id": env["ir.model.data"]._xmlid_to_res_id("mail.mt_note"),
            "email_add_signature": False,
            "message_id": generate_tracking_message_id("message-notify"),
            "reply_to": env["mail.thread"]._notify_get_reply_to(default=email_from)[
                False
            ],
            "body": escape(records[:1]._creation_message()),
        },
        {"res_id": records.ids},
    )
    env[records._name].invalidate_model(["message_ids"])


def thread_created(records):
    """What ``mail.thread.create`` does after its ``INSERT``, for records
    written by :func:`insert_rows` that :func:`can_insert_threads` accepted,
    for the whole set: the current user follows them with the default
    subtypes (unless ``mail_create_nosubscribe``), each gets its creation
    note (unless ``mail_create_nolog``), and what changes in the same
    transaction is not tracked."""
    env = records.env
    if not env.context.get("mail_create_nosubscribe") and env.user.active:
        insert_followers(
            env,
            records._name,
            records.ids,
            [env.user.partner_id.id] * len(records),
            env["mail.message.subtype"]._default_subtypes(records._name)[0],
        )
    if not env.context.get("mail_create_nolog"):
        log_creation_notes(records)
    records._track_discard()


def create_activities(Activity, res_model, vals_list):
    """Create the activities of ``vals_list`` on records of ``res_model``
    as ``mail.activity.create`` does under ``mail_activity_quick_update``
    (no assignment e-mail), with one ``INSERT`` for the batch: the rows
    (``res_name`` given), then the assigned users following the records
    (default subtypes, existing followers kept: ``message_subscribe``) and
    the users' activity counters refreshed (the bus message ``create`` sends
    to the last assigned user when one is due today). Through ``create()``
    when a module changes the creation of activities, when the activities
    notify their users or when the values differ in their keys."""
    if not vals_list:
        return Activity
    if (
        not Activity.env.context.get("mail_activity_quick_update")
        or overridden(Activity, "create", ACTIVITY_CREATE_KNOWN)
        or any(vals.keys() != vals_list[0].keys() for vals in vals_list)
        or "res_name" not in vals_list[0]
    ):
        return Activity.create(vals_list)
    rows = {fname: [vals[fname] for vals in vals_list] for fname in vals_list[0]}
    if not can_insert(Activity, {*rows, "res_model"}):
        return Activity.create(vals_list)
    activities = insert_rows(Activity, {"res_model": res_model}, rows)
    env = Activity.env
    users = env["res.users"].browse(rows["user_id"]).sudo()
    default_ids, _internal_ids, external_ids = env[
        "mail.message.subtype"
    ]._default_subtypes(res_model)
    # as mail.followers._add_default_followers: customers (share partners)
    # get the public subtypes only
    for share, subtype_ids in ((False, default_ids), (True, external_ids)):
        followed = [
            (res_id, user.partner_id.id)
            for res_id, user in zip(rows["res_id"], users, strict=True)
            if user and user.partner_id.partner_share == share
        ]
        insert_followers(
            env,
            res_model,
            [res_id for res_id, _pid in followed],
            [pid for _res_id, pid in followed],
            subtype_ids,
        )
    today = odoo_fields.Date.today()
    if any(
        odoo_fields.Date.to_date(deadline) <= today
        for deadline in rows["date_deadline"]
    ):
        # mail.activity.create sends it to the user of its last subscription
        assigned = [user for user in users if user]
        if assigned:
            assigned[-1]._bus_send("mail.activity/updated", {"activity_created": True})
    env[res_model].invalidate_model(["activity_ids"])
    return activities
