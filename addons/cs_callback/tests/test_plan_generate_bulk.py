# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo.exceptions import ValidationError
from odoo.tests import freeze_time

from .common import TODAY, CsCallbackCommon

BATCH = 20


@freeze_time(TODAY)
class TestPlanGenerateSideEffects(CsCallbackCommon):
    """What a generation leaves behind, record by record: the callbacks,
    their followers, their creation message, and nothing else (no activity,
    no e-mail, no notification). The set-based generation must leave exactly
    what the ORM's ``create`` left."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.batch = cls.env["res.partner"].create(
            [
                {
                    "name": f"Bulk Customer {index:02d}",
                    "tz": "Asia/Shanghai",
                    "email": f"bulk.{index}@example.com",
                    "cs_contact_window": ("any", "evening", "morning")[index % 3],
                }
                for index in range(BATCH)
            ]
        )
        cls.note = cls.env.ref("mail.mt_note")

    def _plan(self, **vals):
        return self._create_plan(
            partner_domain=repr([("id", "in", self.batch.ids)]), **vals
        )

    def _side_effects(self, callbacks):
        """Everything the generation wrote about ``callbacks``, comparable
        between two generations (ids and timestamps left out)."""
        self.env.flush_all()
        self.env.invalidate_all()
        by_partner = {}
        for callback in callbacks.with_env(self.env):
            followers = {
                (follower.partner_id.id, tuple(sorted(follower.subtype_ids.ids)))
                for follower in callback.message_follower_ids
            }
            messages = [
                (
                    message.body,
                    message.message_type,
                    message.subtype_id.id,
                    message.author_id.id,
                    message.email_from,
                    message.reply_to,
                    message.is_internal,
                    message.record_name,
                    message.record_company_id.id,
                    message.record_alias_domain_id.id,
                    message.email_add_signature,
                    message.create_uid.id,
                    message.partner_ids.ids,
                    message.notification_ids.ids,
                    message.tracking_value_ids.ids,
                    message.attachment_ids.ids,
                    message.parent_id.id,
                )
                for message in callback.message_ids
            ]
            values = callback.read(
                [
                    name
                    for name, field in callback._fields.items()
                    if field.store
                    and field.column_type
                    and name not in ("id", "create_date", "write_date")
                ],
                load=None,
            )[0]
            values.pop("id")
            by_partner[callback.partner_id.id] = (
                values,
                followers,
                messages,
                callback.activity_ids.ids,
            )
        return by_partner

    def test_generate_side_effects(self):
        plan = self._plan()
        callbacks = plan.with_user(self.supervisor).action_generate()
        self.assertEqual(len(callbacks), BATCH)
        self.assertEqual(callbacks.partner_id, self.batch)
        default_subtypes = tuple(
            sorted(self.env["mail.message.subtype"]._default_subtypes("cs.callback")[0])
        )
        effects = self._side_effects(callbacks)
        for callback in callbacks:
            values, followers, messages, activities = effects[callback.partner_id.id]
            self.assertEqual(values["create_uid"], self.supervisor.id)
            self.assertEqual(values["write_uid"], self.supervisor.id)
            self.assertEqual(values["state"], "todo")
            self.assertEqual(values["plan_id"], plan.id)
            self.assertEqual(values["company_id"], self.company.id)
            self.assertEqual(str(values["date_deadline"]), "2026-03-13")
            self.assertTrue(values["scheduled_at"])
            # the supervisor who generates and the agent follow the callback
            self.assertEqual(
                followers,
                {
                    (self.supervisor.partner_id.id, default_subtypes),
                    (callback.user_id.partner_id.id, default_subtypes),
                },
            )
            # one creation note by the supervisor, no notification
            self.assertEqual(len(messages), 1)
            [message] = messages
            self.assertEqual(message[0], "<p>Callback created</p>")
            self.assertEqual(
                message[1:4],
                ("notification", self.note.id, self.supervisor.partner_id.id),
            )
            self.assertEqual(message[4], self.supervisor.partner_id.email_formatted)
            self.assertTrue(message[6])
            self.assertFalse(any(message[12:]))
            self.assertEqual(message[11], self.supervisor.id)
            self.assertFalse(activities)
        # spread over the agents, 10 each
        self.assertEqual(
            sorted(
                len(callbacks.filtered(lambda c, u=u: c.user_id == u))
                for u in plan.agent_ids
            ),
            [10, 10],
        )
        self.assertFalse(
            self.env["mail.mail"].search(
                [("model", "=", "cs.callback"), ("res_id", "in", callbacks.ids)]
            )
        )
        # the plan: running, with its note
        self.assertEqual(plan.state, "running")
        self.assertIn(f"{BATCH} callbacks generated", plan.message_ids[0].body)
        # the second run creates nothing
        self.assertFalse(plan.with_user(self.supervisor).action_generate())
        self.assertEqual(plan.callback_count, BATCH)

    def test_generate_same_as_create(self):
        """The set-based generation writes what create() writes: the same
        columns, followers and notes, for the same customers and agents."""
        Plan = type(self.env["cs.callback.plan"])
        bulk = self._plan()
        with patch.object(Plan, "_can_insert_callbacks", return_value=False):
            self.assertFalse(self._plan()._can_insert_callbacks([{}]))
            orm = self._plan()
            orm_callbacks = orm.with_user(self.supervisor).action_generate()
        self.assertTrue(bulk._can_insert_callbacks([{"partner_id": 1}]))
        with patch.object(
            Plan,
            "_cs_thread_created",
            autospec=True,
            side_effect=Plan._cs_thread_created,
        ) as set_based:
            bulk_callbacks = bulk.with_user(self.supervisor).action_generate()
        set_based.assert_called_once()
        expected = self._side_effects(orm_callbacks)
        found = self._side_effects(bulk_callbacks)
        for effects in (expected, found):
            for values, _followers, _messages, _activities in effects.values():
                values.pop("plan_id")
        self.assertEqual(found, expected)
        self.assertEqual(len(found), BATCH)
        # in the plan's list and counters straight away
        self.assertEqual(bulk.callback_ids, bulk_callbacks)
        self.assertEqual(bulk.callback_count, BATCH)
        self.assertEqual(self.batch[0].cs_callback_ids.plan_id, orm | bulk)

    def test_changed_in_the_same_transaction_is_not_tracked(self):
        """As ``mail.thread.create``: what changes in the transaction that
        generated the callbacks is not tracked, through either path."""
        Plan = type(self.env["cs.callback.plan"])
        bulk_callbacks = self._plan().with_user(self.supervisor).action_generate()
        with patch.object(Plan, "_can_insert_callbacks", return_value=False):
            orm_callbacks = self._plan().with_user(self.supervisor).action_generate()
        for callbacks in (bulk_callbacks, orm_callbacks):
            callbacks.with_user(self.supervisor).write({"date_deadline": "2026-04-30"})
        self.env.cr.precommit.run()
        for callbacks in (bulk_callbacks, orm_callbacks):
            self.assertFalse(
                callbacks.sudo().message_ids.tracking_value_ids, callbacks[:1].plan_id
            )

    def test_generate_without_subscribing_the_user(self):
        plan = self._plan()
        callbacks = (
            plan.with_user(self.supervisor)
            .with_context(mail_create_nosubscribe=True, mail_create_nolog=True)
            .action_generate()
        )
        self.assertEqual(callbacks.message_partner_ids, callbacks.user_id.partner_id)
        self.assertFalse(callbacks.sudo().message_ids)

    def test_generate_checks_quiet_hours(self):
        """The quiet-hours constraint still refuses a callback planned in
        the customers' rest time (here all day long: no slot is free)."""
        self.company.write({"cs_quiet_hour_start": 0.0, "cs_quiet_hour_end": 24.0})
        plan = self._plan()
        with self.assertRaises(ValidationError):
            plan.with_user(self.supervisor).action_generate()
        self.assertFalse(plan.callback_ids)
        self.assertEqual(plan.state, "draft")
