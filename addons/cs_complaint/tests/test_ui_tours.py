# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.cs_member.tests.tour_common import CsTourMixin, load_chinese

from .common import CsComplaintCommon


@tagged("post_install", "-at_install", "cs_tour")
class TestCustomerTours(CsTourMixin, HttpCase):
    """A portal customer files a complaint on /my/complaints and finds it in
    their list; a visitor uses /complaint. Each in Chinese and in English."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_chinese(cls.env, ["web", "portal", "cs_complaint"])
        cls.portal_user = new_test_user(
            cls.env, "cs_tour_portal", groups="base.group_portal", name="Tour Customer"
        )
        cls.public_user = cls.env.ref("base.public_user")
        cls.env["cs.complaint.category"].create({"name": "Tour category"})

    def _complaints(self, subject):
        return self.env["cs.complaint"].search([("subject", "=", subject)], order="id")

    def test_portal_tour(self):
        for lang in ("zh_CN", "en_US"):
            with self.subTest(lang=lang):
                self.portal_user.lang = lang
                before = self._complaints("Portal tour: broken parcel")
                self.start_tour(
                    "/my/complaints",
                    "cs_complaint_portal_tour",
                    login="cs_tour_portal",
                    screenshots=lang == "zh_CN",
                )
                complaint = self._complaints("Portal tour: broken parcel") - before
                if lang == "zh_CN":
                    # the customer saw the pages in Chinese
                    self.authenticate("cs_tour_portal", "cs_tour_portal")
                    self.assertIn("投诉", self.url_open("/my/complaints").text)
                self.assertEqual(len(complaint), 1)
                self.assertEqual(complaint.partner_id, self.portal_user.partner_id)
                self.assertEqual(complaint.channel, "portal")
                self.assertEqual(complaint.state, "new")

    def test_public_tour(self):
        for lang in ("zh_CN", "en_US"):
            with self.subTest(lang=lang):
                self.public_user.lang = lang
                before = self._complaints("Public tour: late delivery")
                self.start_tour("/complaint", "cs_complaint_public_tour")
                complaint = self._complaints("Public tour: late delivery") - before
                self.assertEqual(len(complaint), 1)
                self.assertEqual(complaint.channel, "web")


@tagged("post_install", "-at_install", "cs_tour")
class TestDepartmentTour(CsTourMixin, CsComplaintCommon, HttpCase):
    """A member of the after-sales department answers the complaint routed to
    them using only what the web client shows them, in Chinese and English."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_chinese(
            cls.env, ["web", "mail", "cs_member", "cs_callback", "cs_complaint"]
        )

    def test_department_member_replies_from_the_inbox(self):
        for lang in ("zh_CN", "en_US"):
            with self.subTest(lang=lang):
                self.dept_member_user.lang = lang
                complaint = self._create_complaint(
                    subject="Department tour: scratched table",
                    department_id=self.dept_after_sales.id,
                )
                self.start_tour(
                    "/odoo",
                    "cs_complaint_department_tour",
                    login="cs_dept_member",
                    screenshots=lang == "zh_CN",
                )
                self.assertEqual(complaint.reply_ids.user_id, self.dept_member_user)
                self.assertTrue(complaint.date_reply)
                # answered, it leaves the To Reply list of the next round


@tagged("post_install", "-at_install", "cs_tour")
class TestAgentTour(CsTourMixin, CsComplaintCommon, HttpCase):
    """An agent takes a call: finds the caller by their number, registers the
    complaint and prints its registration form, in Chinese and English."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_chinese(
            cls.env, ["web", "mail", "cs_member", "cs_callback", "cs_complaint"]
        )
        cls.agent_a.name = "Li Na 李娜"
        cls.caller = cls.env["res.partner"].create(
            {
                "name": "Tour Caller",
                "phone": "+86 186 5550 4321",
                "email": "tour.caller@example.com",
            }
        )
        cls.category = cls.env["cs.complaint.category"].create(
            {"name": "Agent tour category"}
        )

    def _printed_during_tour(self, lang):
        """Run the tour as agent A in ``lang``; return the reports rendered
        as PDF meanwhile, as (report name, record ids)."""
        Report = self.registry["ir.actions.report"]
        render = Report._render_qweb_pdf
        printed = []
        signal = self.tour_signal("registration_form_printed")

        def observed_render(report, report_ref, res_ids=None, data=None):
            name = report._get_report(report_ref).report_name
            printed.append((name, list(res_ids or [])))
            signal.set()
            return render(report, report_ref, res_ids, data=data)

        self.agent_a.lang = lang
        with patch.object(Report, "_render_qweb_pdf", observed_render):
            self.start_tour(
                "/odoo",
                "cs_complaint_agent_tour",
                login="cs_agent_a",
                screenshots=lang == "zh_CN",
            )
        return printed

    def test_agent_registers_and_prints_a_phone_complaint(self):
        subject = "Agent tour: noisy fridge"
        for lang in ("zh_CN", "en_US"):
            with self.subTest(lang=lang):
                before = self.Complaint.search([("subject", "=", subject)])
                printed = self._printed_during_tour(lang)
                complaint = self.Complaint.search([("subject", "=", subject)]) - before
                self.assertEqual(len(complaint), 1)
                self.assertEqual(complaint.partner_id, self.caller)
                self.assertEqual(complaint.channel, "phone")
                self.assertEqual(complaint.state, "new")
                self.assertEqual(complaint.user_id, self.agent_a)
                self.assertEqual(complaint.category_id, self.category)
                self.assertIn("hums loudly", complaint.description)
                self.assertEqual(complaint.customer_request, "A silent replacement")
                self.assertRegex(complaint.name, r"^TS\d{4}-")
                self.assertEqual(
                    printed,
                    [("cs_complaint.report_complaint_registration", complaint.ids)],
                )
