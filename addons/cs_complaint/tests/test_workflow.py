# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time

from odoo.addons.base.models.ir_qweb import IrQWeb
from odoo.addons.cs_member.tests.query_common import QueryBudgetMixin
from odoo.addons.mail.models.mail_mail import MailMail

from .common import SIGNATURE_PNG, CsComplaintCommon, local


@freeze_time(local("2026-04-08 10:00"))
class TestWorkflow(CsComplaintCommon):
    """The closed loop: every transition checks who and what (D3)."""

    def test_full_loop_is_tracked(self):
        complaint = self._create_complaint()
        self.assertRegex(complaint.name, r"^TS2026-\d{5}$")
        self.assertEqual(complaint.state, "new")
        self._end_request()
        complaint = self._advance(complaint, "closed")
        self.assertEqual(complaint.state, "closed")
        self.assertTrue(complaint.date_ack)
        self.assertTrue(complaint.date_resolved)
        self.assertTrue(complaint.date_closed)
        self.assertEqual(complaint.approved_by_id, self.manager)
        self.assertTrue(complaint.sla_met)
        self.assertEqual(complaint.sla_status, "on_track")
        tracked = self._tracked_states(complaint)
        for pair in [
            ("New", "Accepted"),
            ("Accepted", "Investigating"),
            ("Investigating", "Solution Proposed"),
            ("Solution Proposed", "Solution Approved"),
            ("Solution Approved", "Implementing"),
            ("Implementing", "Resolved"),
            ("Resolved", "Closed"),
        ]:
            self.assertIn(pair, tracked)

    def test_acknowledgement_sent_to_customer(self):
        complaint = self._create_complaint()
        self.customer_b.email = False
        no_email = self._create_complaint(partner=self.customer_b)
        self.assertTrue(complaint.is_ack_pending)
        self.assertFalse(no_email.is_ack_pending)
        # the customer follows with the public subtypes, the handler with all
        followers = complaint.message_follower_ids
        customer = followers.filtered(lambda f: f.partner_id == self.customer_a)
        handler = followers.filtered(lambda f: f.partner_id == self.agent_a.partner_id)
        self.assertTrue(customer.subtype_ids)
        self.assertFalse(customer.subtype_ids.filtered("internal"))
        defaults = self.env["mail.message.subtype"]._default_subtypes("cs.complaint")
        self.assertEqual(set(handler.subtype_ids.ids), set(defaults[0]))
        cron = self.env.ref("cs_complaint.ir_cron_complaint_ack")
        self.assertTrue(
            self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)]),
            "the acknowledgements are sent right after the registration",
        )
        message = self._notices(complaint)
        self.assertFalse(complaint.is_ack_pending)
        self.assertEqual(self.Complaint._cron_send_acknowledgements(), 0)
        self.assertEqual(len(message), 1)
        self.assertIn(complaint.name, message.subject)
        # the promised answer date: 5 working days, Wednesday 15 April
        self.assertIn("04/15/2026", message.body)
        self.assertEqual(self._recipients(message), self.customer_a)
        self.assertIn(message, complaint.message_ids)

    def test_acknowledgements_rendered_as_one_batch(self):
        """Five acknowledgements to customers of two languages: the body is
        compiled once per language, the e-mails are created in one call, and
        each customer reads the promised date in their own language."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.customer_b.write({"lang": "zh_CN", "email": "b@example.com"})
        self.Complaint._cron_send_acknowledgements()  # what was queued before
        complaints = self.Complaint.browse()
        for partner in (self.customer_a,) * 3 + (self.customer_b,) * 2:
            complaints |= self._create_complaint(partner=partner)
        compiled, created = [], []
        compile_, create = IrQWeb._compile, MailMail.create

        def counting_compile(qweb, template):
            if isinstance(template, etree._Element):
                compiled.append(qweb.env.context.get("lang"))
            return compile_(qweb, template)

        def counting_create(mails, vals_list):
            created.append(len(vals_list))
            return create(mails, vals_list)

        with (
            patch.object(IrQWeb, "_compile", counting_compile),
            patch.object(MailMail, "create", counting_create),
        ):
            self.assertEqual(self.Complaint._cron_send_acknowledgements(), 5)
        self.assertEqual(sorted(compiled), ["en_US", "zh_CN"])
        self.assertEqual(created, [5])
        for complaint in complaints:
            message = self._notices(complaint)
            self.assertEqual(len(message), 1)
            self.assertIn(complaint.name, message.subject)
            self.assertEqual(self._recipients(message), complaint.partner_id)
            promised = (
                "2026年04月15日"
                if complaint.partner_id.lang == "zh_CN"
                else "04/15/2026"
            )
            self.assertIn(promised, message.body)

    def test_accept_needs_category_and_agent(self):
        complaint = self._create_complaint()
        with self.assertRaisesText(UserError, "Choose the category"):
            complaint.with_user(self.agent_a).action_assess()
        complaint.category_id = self.cat_service
        with self.assertRaises(AccessError):
            complaint.with_user(self.internal_user).action_assess()
        complaint.with_user(self.agent_a).action_assess()
        self.assertEqual(complaint.state, "assessed")
        self.assertEqual(complaint.date_ack, local("2026-04-08 10:00"))
        with self.assertRaisesText(UserError, "cannot be accepted now"):
            complaint.with_user(self.agent_a).action_assess()

    def test_reject_needs_reason_and_supervisor(self):
        complaint = self._create_complaint()
        with self.assertRaises(AccessError):
            complaint.with_user(self.agent_a).action_reject()
        with self.assertRaisesText(UserError, "reason of the rejection"):
            complaint.with_user(self.supervisor).action_reject()
        complaint.reject_reason = "The product is out of warranty since 2024."
        complaint.with_user(self.supervisor).action_reject()
        self.assertEqual(complaint.state, "rejected")
        self.assertFalse(complaint.is_valid)
        notice = self._notices(complaint, "out of warranty")
        self.assertEqual(len(notice), 1)
        self.assertEqual(self._recipients(notice), self.customer_a)

    def test_proposal_needs_root_cause_responsible_and_solution(self):
        complaint = self._advance(self._create_complaint(), "investigating")
        complaint.write(
            {"root_cause": False, "solution": False, "department_id": False}
        )
        agent_complaint = complaint.with_user(self.agent_a)
        with self.assertRaisesText(UserError, "root cause"):
            agent_complaint.action_propose()
        complaint.root_cause = "Wrong seal"
        with self.assertRaisesText(UserError, "responsible department or persons"):
            agent_complaint.action_propose()
        complaint.responsible_employee_ids = self.emp_dept_member
        with self.assertRaisesText(UserError, "Describe the solution"):
            agent_complaint.action_propose()
        complaint.write({"solution": "New seal", "compensation_amount": 100})
        with self.assertRaisesText(UserError, "compensates the customer"):
            agent_complaint.action_propose()
        complaint.compensation_kind = "voucher"
        agent_complaint.action_propose()
        self.assertEqual(complaint.state, "proposed")
        # the supervisor sends it back for rework
        complaint.with_user(self.supervisor).action_investigate()
        self.assertEqual(complaint.state, "investigating")

    def test_approval_by_supervisor_or_manager(self):
        ordinary = self._advance(self._create_complaint(), "proposed")
        with self.assertRaises(AccessError):
            ordinary.with_user(self.agent_a).action_approve()
        ordinary.with_user(self.supervisor).action_approve()
        self.assertEqual(ordinary.approved_by_id, self.supervisor)

        serious = self._advance(self._create_complaint(severity="serious"), "proposed")
        with self.assertRaisesText(AccessError, "approve a serious or costly solution"):
            serious.with_user(self.supervisor).action_approve()
        serious.with_user(self.manager).action_approve()
        self.assertEqual(serious.state, "approved")

        costly = self._advance(
            self._create_complaint(),
            "proposed",
            compensation_amount=800,
            compensation_kind="cash",
        )
        with self.assertRaises(AccessError):
            costly.with_user(self.supervisor).action_approve()
        costly.with_user(self.manager).action_approve()
        self.assertEqual(costly.state, "approved")

    def test_resolve_needs_customer_acceptance(self):
        complaint = self._advance(
            self._create_complaint(), "implementing", customer_accepted=False
        )
        self.assertFalse(complaint.customer_accepted)
        with self.assertRaisesText(UserError, "customer's acceptance"):
            complaint.with_user(self.agent_a).action_resolve()
        # the customer signs (portal or the agent's tablet): accepted
        complaint._cs_sign_acceptance("Customer of A", SIGNATURE_PNG)
        self.assertTrue(complaint.customer_accepted)
        complaint.with_user(self.agent_a).action_resolve()
        self.assertEqual(complaint.state, "resolved")
        self.assertAlmostEqual(complaint.handling_hours, 0.0)
        notice = self._notices(complaint, "is resolved")
        self.assertEqual(len(notice), 1)
        self.assertIn("Replace the seal", notice.body)

    def test_close_needs_summary_and_supervisor(self):
        complaint = self._advance(self._create_complaint(), "resolved", summary=False)
        complaint.summary = False
        with self.assertRaises(AccessError):
            complaint.with_user(self.agent_a).action_close()
        with self.assertRaisesText(UserError, "summary and evaluation"):
            complaint.with_user(self.supervisor).action_close()
        complaint.summary = "Fitters trained"
        complaint.with_user(self.supervisor).action_close()
        self.assertEqual(complaint.state, "closed")

    def test_reopen(self):
        complaint = self._advance(self._create_complaint(), "closed")
        with self.assertRaises(AccessError):
            complaint.with_user(self.agent_a).action_reopen()
        complaint.with_user(self.supervisor).action_reopen()
        self.assertEqual(complaint.state, "investigating")
        self.assertEqual(complaint.reopen_count, 1)
        # the solution is worked again: the customer signs again
        self.assertFalse(complaint.customer_accepted)
        self.assertFalse(complaint.customer_signature)
        self.assertFalse(complaint.date_accepted)
        self.assertFalse(complaint.date_resolved)
        with self.assertRaisesText(UserError, "cannot be reopened now"):
            complaint.with_user(self.supervisor).action_reopen()

    def test_wrong_state_transitions(self):
        complaint = self._create_complaint(category_id=self.cat_service.id)
        manager = complaint.with_user(self.manager)
        for action in (
            manager.action_investigate,
            manager.action_propose,
            manager.action_approve,
            manager.action_implement,
            manager.action_resolve,
            manager.action_close,
            manager.action_reopen,
        ):
            with self.assertRaises(UserError):
                action()
        self.assertEqual(complaint.state, "new")

    def test_empty_description_refused(self):
        for description in ("", "<p><br></p>", "<p>   </p>"):
            with self.assertRaisesText(ValidationError, "description is empty"):
                self._create_complaint(description=description)

    def test_description_sanitized(self):
        complaint = self._create_complaint(
            description='<p onclick="steal()">Bad<script>alert(1)</script></p>'
        )
        self.assertNotIn("script", complaint.description)
        self.assertNotIn("onclick", complaint.description)
        self.assertIn("Bad", complaint.description)

    def test_only_administrators_delete(self):
        complaint = self._create_complaint()
        for user in (self.agent_a, self.supervisor, self.manager):
            with self.assertRaises(AccessError):
                complaint.with_user(user).unlink()
        complaint.with_user(self.admin_user).unlink()
        self.assertFalse(complaint.exists())

    def test_repeat_complaints_flagged(self):
        first = self._create_complaint(
            category_id=self.cat_service.id, date_received=local("2026-02-01 10:00")
        )
        second = self._create_complaint(category_id=self.cat_service.id)
        other_category = self._create_complaint(category_id=self.cat_product.id)
        other_customer = self._create_complaint(
            partner=self.customer_b, category_id=self.cat_service.id
        )
        self.assertFalse(first.is_repeat)
        self.assertTrue(second.is_repeat)
        self.assertEqual(second.repeat_of_id, first)
        self.assertFalse(other_category.is_repeat)
        self.assertFalse(other_customer.is_repeat)
        # outside the window
        self.company.cs_complaint_repeat_days = 30
        late = self._create_complaint(category_id=self.cat_product.id)
        self.assertTrue(late.is_repeat)
        old = self._create_complaint(
            partner=self.customer_b,
            category_id=self.cat_product.id,
            date_received=local("2026-01-01 10:00"),
        )
        again = self._create_complaint(
            partner=self.customer_b, category_id=self.cat_product.id
        )
        self.assertFalse(old.is_repeat)
        self.assertFalse(again.is_repeat)
        # categorised later, at assessment
        later = self._create_complaint()
        self.assertFalse(later.is_repeat)
        later.category_id = self.cat_service
        self.assertTrue(later.is_repeat)

    def test_phone_lookup_finds_caller(self):
        self.customer_b.phone = "+86 138-0013-8000"
        form_complaint = self.Complaint.new({"lookup_phone": "138 0013 8000"})
        form_complaint._onchange_lookup_phone()
        self.assertEqual(form_complaint.partner_id, self.customer_b)
        unknown = self.Complaint.new({"lookup_phone": "999 999 999"})
        warning = unknown._onchange_lookup_phone()
        self.assertIn("No customer", warning["warning"]["title"])


@freeze_time(local("2026-04-08 10:00"))
class TestPenalties(CsComplaintCommon):
    """Penalties within the configured ranges (D7), proposed by a supervisor
    and confirmed by a manager."""

    def _penalty(self, user=None, **vals):
        complaint = self._advance(self._create_complaint(), "investigating")
        values = {
            "complaint_id": complaint.id,
            "employee_id": self.emp_dept_member.id,
            "role": "direct",
            "amount": 300,
            "reason": "Wrong seal mounted",
        }
        values.update(vals)
        return (
            self.env["cs.complaint.penalty"]
            .with_user(user or self.supervisor)
            .create(values)
        )

    def test_amount_within_range(self):
        self.assertEqual(self._penalty().state, "proposed")
        for role, amount in (
            ("direct", 199),
            ("direct", 1001),
            ("first_responsible", 99),
            ("first_responsible", 600),
        ):
            with self.assertRaisesText(ValidationError, "must be between"):
                self._penalty(role=role, amount=amount)
        self._penalty(
            role="first_responsible", amount=500, employee_id=self.emp_dept_manager.id
        )
        self.company.cs_penalty_direct_max = 2000
        self.assertEqual(self._penalty(amount=1500).amount, 1500)

    def test_proposed_then_confirmed_by_manager(self):
        penalty = self._penalty()
        self.assertIn("Penalty proposed", penalty.complaint_id.message_ids[0].body)
        with self.assertRaises(AccessError):
            penalty.with_user(self.supervisor).action_confirm()
        penalty.with_user(self.manager).action_confirm()
        self.assertEqual(penalty.state, "confirmed")
        self.assertEqual(penalty.confirmed_by_id, self.manager)
        with self.assertRaisesText(UserError, "cannot be changed"):
            penalty.with_user(self.manager).amount = 400
        with self.assertRaisesText(UserError, "Only proposed penalties can be deleted"):
            penalty.with_user(self.supervisor).unlink()

    def test_agents_cannot_propose(self):
        with self.assertRaises(AccessError):
            self._penalty(user=self.agent_a)

    def test_invalid_ranges_refused(self):
        with self.assertRaisesText(ValidationError, "penalty range"):
            self.company.write(
                {"cs_penalty_direct_min": 800, "cs_penalty_direct_max": 200}
            )


@freeze_time(local("2026-04-08 10:00"))
class TestBatchCreate(QueryBudgetMixin, CsComplaintCommon):
    """Registering many complaints at once costs the same queries whatever
    their number (DESIGN: a batch create does not grow per record)."""

    def _create_batch(self, count, **vals):
        customers = self.customer_a | self.customer_a2 | self.customer_b
        vals_list = [
            dict(
                {
                    "partner_id": customers[i % 3].id,
                    "description": f"<p>Case {i}</p>",
                    "category_id": self.cat_service.id,
                    "user_id": self.agent_a.id,
                },
                **vals,
            )
            for i in range(count)
        ]
        complaints = self.Complaint.browse()

        def create():
            nonlocal complaints
            complaints = self.Complaint.create(vals_list)

        queries = self._queries(create)
        self.assertEqual(len(set(complaints.mapped("name"))), count)
        return queries

    def test_query_count_does_not_grow(self):
        for vals in (
            {},
            {"department_id": self.dept_after_sales.id},
            {"severity": "serious"},
        ):
            with self.subTest(vals=vals):
                self._create_batch(5, **vals)  # warm the caches of this variant
                self.assertQueriesDoNotGrow(
                    [self._create_batch(10, **vals), self._create_batch(40, **vals)], 45
                )
