# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from markupsafe import escape

from odoo.tests import freeze_time
from odoo.tools import html2plaintext

from odoo.addons.bus.models.bus_listener_mixin import BusListenerMixin
from odoo.addons.mail.models.mail_activity import MailActivity
from odoo.addons.mail.models.mail_message import Message as MailMessage

from .common import CsComplaintCommon, local

BATCH = 20


@freeze_time(local("2026-04-08 10:00"))
class TestCreateSideEffects(CsComplaintCommon):
    """What registering complaints in one ``create`` leaves behind, record
    by record: the complaints (numbers, deadlines, routing), their followers,
    their chatter messages, their activities, and no e-mail (the
    acknowledgements are queued). The faster paths of a batch must leave
    exactly this."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.batch = cls.env["res.partner"].create(
            [
                {
                    "name": f"Batch Customer {index:02d}",
                    "email": f"batch.{index}@example.com" if index % 5 else False,
                    "tz": "Asia/Shanghai",
                }
                for index in range(BATCH)
            ]
        )
        cls.note = cls.env.ref("mail.mt_note")
        cls.type_reply = cls.env.ref("cs_complaint.mail_activity_type_department_reply")
        cls.type_serious = cls.env.ref("cs_complaint.mail_activity_type_serious")
        Subtype = cls.env["mail.message.subtype"]
        defaults = Subtype._default_subtypes("cs.complaint")
        cls.all_subtypes = tuple(sorted(defaults[0]))
        cls.external_subtypes = tuple(sorted(defaults[2]))

    def _vals_list(self):
        """The batch: every fourth routed to the after-sales department
        (with a manager), every eighth from the fifth to finance (without
        one), a third serious or critical, two handlers."""
        vals_list = []
        for index, partner in enumerate(self.batch):
            vals = {
                "partner_id": partner.id,
                "subject": f"Batch complaint {index:02d}",
                "description": f"<p>Complaint <b>{index}</b> 洗衣机漏水</p>",
                "category_id": (self.cat_service, self.cat_product)[index % 2].id,
                "severity": ("normal", "serious", "normal", "critical", "normal")[
                    index % 5
                ],
                "user_id": (self.agent_a, self.agent_a2)[index % 2].id,
            }
            if index % 4 == 0:
                vals["department_id"] = self.dept_after_sales.id
            elif index % 8 == 5:
                vals["department_id"] = self.dept_finance.id
            vals_list.append(vals)
        return vals_list

    def _side_effects(self, complaints):
        """Everything the registration wrote about ``complaints``, by
        customer (ids of the new rows and timestamps left out)."""
        self.env.flush_all()
        self.env.invalidate_all()
        effects = {}
        for complaint in complaints.with_env(self.env):
            followers = {
                (follower.partner_id.id, tuple(sorted(follower.subtype_ids.ids)))
                for follower in complaint.message_follower_ids
            }
            messages = sorted(
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
                    message.subject,
                    tuple(message.partner_ids.ids),
                    tuple(message.notification_ids.ids),
                    tuple(message.tracking_value_ids.ids),
                    tuple(message.attachment_ids.ids),
                    message.parent_id.id,
                    bool(message.message_id),
                )
                for message in complaint.message_ids
            )
            activities = sorted(
                (
                    activity.activity_type_id.id,
                    activity.user_id.id,
                    str(activity.date_deadline),
                    activity.summary,
                    activity.note,
                    activity.res_name,
                    activity.res_model,
                    activity.automated,
                    activity.create_uid.id,
                    activity.user_tz,
                    activity.request_partner_id.id,
                    activity.previous_activity_type_id.id,
                    activity.date_done,
                    activity.active,
                )
                for activity in complaint.activity_ids
            )
            values = complaint.read(
                [
                    name
                    for name, field in complaint._fields.items()
                    if field.store
                    and field.column_type
                    and name not in ("id", "create_date", "write_date", "access_token")
                ],
                load=None,
            )[0]
            values.pop("id")
            effects[complaint.partner_id.id] = (
                values,
                followers,
                messages,
                activities,
            )
        return effects

    def _expected_message(self, author, body):
        return (
            f"<p>{escape(body)}</p>",
            "notification",
            self.note.id,
            author.partner_id.id,
            author.partner_id.email_formatted,
        )

    def _check_batch(self, agent):
        """Register the batch as ``agent`` and check each complaint's side
        effects against what the rules say."""
        self.env["cs.complaint"]._cron_send_acknowledgements()
        Complaint = self.env["cs.complaint"].with_user(agent)
        complaints = Complaint.create(self._vals_list())
        self.assertEqual(len(complaints), BATCH)
        created = complaints[:1]._creation_message()
        effects = self._side_effects(complaints)
        numbers = sorted(complaints.mapped("name"))
        # consecutive numbers of the year's sequence
        self.assertEqual(len(set(numbers)), BATCH)
        self.assertRegex(numbers[0], r"^TS2026-\d{5}$")
        self.assertEqual(
            int(numbers[-1][-5:]) - int(numbers[0][-5:]),
            BATCH - 1,
        )
        self.assertFalse(
            self.env["mail.mail"].search(
                [("model", "=", "cs.complaint"), ("res_id", "in", complaints.ids)]
            ),
            "no e-mail during the registration of a batch",
        )
        for index, (vals, complaint) in enumerate(
            zip(self._vals_list(), complaints, strict=True)
        ):
            values, followers, messages, activities = effects[vals["partner_id"]]
            partner = complaint.partner_id
            handler = complaint.user_id
            # the row
            self.assertEqual(values["create_uid"], agent.id)
            self.assertEqual(values["state"], "new")
            self.assertEqual(values["severity"], vals["severity"])
            self.assertEqual(values["date_received"], local("2026-04-08 10:00"))
            # no policy for critical complaints here: the general one
            sla = self.sla_serious if vals["severity"] == "serious" else self.sla_normal
            self.assertEqual(values["sla_id"], sla.id)
            self.assertTrue(values["date_ack_deadline"])
            self.assertEqual(
                bool(values["date_reply_deadline"]), bool(vals.get("department_id"))
            )
            self.assertTrue(values["date_resolve_deadline"])
            self.assertEqual(values["sla_status"], "on_track")
            self.assertEqual(values["department_id"], vals.get("department_id", False))
            self.assertEqual(
                values["date_routed"],
                local("2026-04-08 10:00") if vals.get("department_id") else False,
            )
            self.assertEqual(values["is_ack_pending"], bool(partner.email))
            self.assertEqual(values["email_from"], partner.email)
            high = vals["severity"] != "normal"
            self.assertEqual(values["is_manager_alerted"], high)
            self.assertFalse(values["is_repeat"])
            # followers: the agent who registers, the customer (public
            # subtypes), the handler, the managers asked to act
            expected = {
                (agent.partner_id.id, self.all_subtypes),
                (partner.id, self.external_subtypes),
                (handler.partner_id.id, self.all_subtypes),
            }
            expected_activities = []
            if vals.get("department_id") == self.dept_after_sales.id:
                expected.add((self.dept_manager_user.partner_id.id, self.all_subtypes))
                expected_activities.append(
                    (
                        self.type_reply.id,
                        self.dept_manager_user.id,
                        str(complaint.date_reply_deadline.date()),
                        Complaint.env._(
                            "Reply within %(days)s working days", days=sla.reply_days
                        ),
                    )
                )
            if high:
                expected.add((self.manager.partner_id.id, self.all_subtypes))
                expected_activities.append(
                    (
                        self.type_serious.id,
                        self.manager.id,
                        "2026-04-08",
                        Complaint.env._(
                            "Serious complaint: %(number)s", number=complaint.name
                        ),
                    )
                )
            self.assertEqual(followers, expected, f"followers of complaint {index}")
            # activities: type, user, deadline, summary, the description as
            # note, automated, created by the agent, no e-mail
            self.assertEqual(
                sorted(activity[:4] for activity in activities),
                sorted(expected_activities),
            )
            for activity in activities:
                self.assertEqual(
                    activity[4:],
                    (
                        f"<p>{html2plaintext(vals['description'])}</p>",
                        complaint.display_name,
                        "cs.complaint",
                        True,
                        agent.id,
                        activity[9],
                        False,
                        False,
                        False,
                        True,
                    ),
                )
                self.assertEqual(
                    activity[9], self.env["res.users"].browse(activity[1]).tz
                )
            # messages: the creation note by the agent, and the note that
            # nobody was asked to reply for the department without manager
            expected_bodies = [created]
            if vals.get("department_id") == self.dept_finance.id:
                expected_bodies.append(
                    Complaint.env._(
                        "Department %(department)s has no manager with a user: "
                        "nobody was asked to reply.",
                        department=self.dept_finance.display_name,
                    )
                )
            self.assertEqual(
                sorted(message[:5] for message in messages),
                sorted(self._expected_message(agent, body) for body in expected_bodies),
            )
            for message in messages:
                self.assertEqual(
                    message[5:],
                    (
                        message[5],
                        True,
                        False,
                        False,
                        False,
                        False,
                        agent.id,
                        False,
                        (),
                        (),
                        (),
                        (),
                        False,
                        True,
                    ),
                )
                self.assertTrue(message[5])
        return complaints, effects

    def test_batch_side_effects(self):
        complaints, _effects = self._check_batch(self.agent_a)
        # the acknowledgements are queued, their scheduled action woken
        cron = self.env.ref("cs_complaint.ir_cron_complaint_ack")
        self.assertTrue(self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)]))
        self.assertEqual(
            self.env["cs.complaint"]._cron_send_acknowledgements(),
            len(complaints.filtered("partner_id.email")),
        )

    def test_batch_side_effects_in_chinese(self):
        """An agent working in Chinese: the creation notes and the
        activities' summaries are written in their language."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["mail", "cs_complaint"], ["zh_CN"]
        )
        self.agent_a2.lang = "zh_CN"
        _complaints, effects = self._check_batch(self.agent_a2)
        bodies = {
            message[0]
            for _v, _f, messages, _a in effects.values()
            for message in messages
        }
        self.assertTrue(any("创建" in body for body in bodies), bodies)

    def test_one_complaint_notifies_the_manager(self):
        """A single complaint (the form) is created through the same path:
        the alerted manager gets the activity and its assignment e-mail."""
        complaint = self._create_complaint(
            env=self.env(user=self.agent_a), severity="serious"
        )
        activity = complaint.activity_ids
        self.assertEqual(activity.activity_type_id, self.type_serious)
        self.assertEqual(activity.user_id, self.manager)
        self.assertIn(
            self.manager.partner_id, complaint.message_follower_ids.partner_id
        )
        self.assertEqual(len(complaint.message_ids), 1)
        self.assertEqual(complaint.message_ids.body, "<p>Complaint created</p>")

    def test_batch_writes_notes_and_activities_set_based(self):
        """A batch logs its creation notes and creates its activities with
        one insert each, not one mail.message or mail.activity create per
        complaint; the managers' activity counters are refreshed."""
        created = []
        message_create = MailMessage.create
        activity_create = MailActivity.create

        def counting_message_create(messages, vals_list):
            created.append(("mail.message", len(vals_list)))
            return message_create(messages, vals_list)

        def counting_activity_create(activities, vals_list):
            created.append(("mail.activity", len(vals_list)))
            return activity_create(activities, vals_list)

        with (
            patch.object(MailMessage, "create", counting_message_create),
            patch.object(MailActivity, "create", counting_activity_create),
            patch.object(BusListenerMixin, "_bus_send", autospec=True) as bus_send,
        ):
            complaints = (
                self.env["cs.complaint"]
                .with_user(self.agent_a)
                .create(self._vals_list())
            )
        # only the note about the department without a manager, in one batch
        self.assertEqual(created, [("mail.message", 2)])
        self.assertEqual(len(complaints.activity_ids), 5 + 8)
        # the alerts are due today, the department replies later
        self.assertEqual(
            [call.args[0] for call in bus_send.call_args_list], [self.manager]
        )
