# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from .common import CsServiceCommon, local


@tagged("post_install", "-at_install")
class TestServiceWorkflow(CsServiceCommon):
    def test_service_create_number_address_zone(self):
        request = self._create_request()
        self.assertRegex(request.name, r"^FW\d{4}-\d{5}$")
        self.assertEqual(request.state, "new")
        self.assertEqual(request.street, "1 Chang'an Avenue")
        self.assertEqual(request.city, "Beijing")
        self.assertEqual(request.zone, "urban")
        self.assertEqual(self.customer_a.cs_service_zone, "urban")
        suburban = self._create_request(partner=self.customer_b)
        self.assertEqual(suburban.zone, "suburban")
        self.assertNotEqual(request.name, suburban.name)
        self.assertIn(self.customer_a, request.message_partner_ids)

    def test_service_form_find_by_phone(self):
        with Form(self.Request.with_user(self.agent_a)) as form:
            form.lookup_phone = "010-6512-3456"
            self.assertEqual(form.partner_id, self.customer_a)
            self.assertEqual(form.city, "Beijing")
            form.problem = "<p>Noise</p>"
        self.assertEqual(form.record.zone, "urban")

    def test_service_full_loop(self):
        request = self._create_request()
        request.with_user(self.agent_a).action_reply()
        self.assertTrue(request.date_replied)
        request.technician_id = self.tech_1
        request.with_user(self.agent_a).action_dispatch()
        self.assertEqual(request.state, "dispatched")
        self.assertTrue(request.date_dispatched)
        request.with_user(self.tech_user_1).action_start()
        self.assertEqual(request.state, "on_site")
        self.assertTrue(request.date_started)
        self.env["cs.service.line"].with_user(self.tech_user_1).create(
            {"request_id": request.id, "product_id": self.part.id, "hours": 1.5}
        )
        self.assertEqual(request.total_hours, 1.5)
        request.with_user(self.tech_user_1).result = "Replaced the capacitor"
        request.with_user(self.tech_user_1).action_done()
        self.assertEqual(request.state, "done")
        self.assertTrue(request.date_done)
        self._attach_signed_voucher(request, self.agent_a)
        request.with_user(self.agent_a).action_close()
        self.assertEqual(request.state, "closed")
        self.assertTrue(request.date_closed)

    def test_service_dispatch_refusals(self):
        request = self._create_request()
        with self.assertRaisesRegex(UserError, "technician"):
            request.with_user(self.agent_a).action_dispatch()
        with self.assertRaises(AccessError):
            request.with_user(self.tech_user_1).action_dispatch(technician=self.tech_1)
        with self.assertRaises(ValidationError):
            request.technician_id = self.clerk
        request.write({"street": False, "city": False})
        with self.assertRaisesRegex(UserError, "address"):
            request.with_user(self.agent_a).action_dispatch(technician=self.tech_1)
        request.city = "Beijing"
        request.with_user(self.agent_a).action_dispatch(technician=self.tech_1)
        with self.assertRaises(UserError):
            request.with_user(self.agent_a).action_dispatch(technician=self.tech_1)

    def test_service_start_done_refusals(self):
        request = self._create_request()
        with self.assertRaises(UserError):
            request.with_user(self.supervisor).action_start()
        self._advance(request, "dispatched", technician=self.tech_1)
        # another technician, or an agent, cannot start it
        with self.assertRaises(AccessError):
            request.with_user(self.agent_a).action_start()
        with self.assertRaises(UserError):
            request.with_user(self.tech_user_1).action_done()
        request.with_user(self.tech_user_1).action_start()
        with self.assertRaisesRegex(UserError, "result"):
            request.with_user(self.tech_user_1).action_done()
        with self.assertRaises(UserError):
            request.with_user(self.agent_a).action_close()
        # a supervisor may stand in for the technician
        request.result = "Fixed"
        request.with_user(self.supervisor).action_done()
        self.assertEqual(request.state, "done")

    def test_service_close_needs_signed_voucher(self):
        request = self._advance(self._create_request(), "done")
        with self.assertRaisesRegex(UserError, "signed"):
            request.with_user(self.agent_a).action_close()
        with self.assertRaises(AccessError):
            request.with_user(self.tech_user_1).action_close()
        self._advance(request, "closed")
        self.assertEqual(request.state, "closed")
        with self.assertRaises(UserError):
            request.with_user(self.agent_a).action_cancel()

    def test_service_cancel(self):
        request = self._advance(self._create_request(), "dispatched")
        with self.assertRaisesRegex(UserError, "why"):
            request.with_user(self.agent_a).action_cancel()
        request.cancel_reason = "The customer fixed it"
        with self.assertRaises(AccessError):
            request.with_user(self.tech_user_1).action_cancel()
        request.with_user(self.agent_a).action_cancel()
        self.assertEqual(request.state, "cancelled")
        self.assertFalse(request.activity_ids)
        with self.assertRaises(UserError):
            request.with_user(self.agent_a).action_dispatch()

    def test_service_work_lines_locked_after_done(self):
        request = self._advance(self._create_request(), "on_site")
        line = (
            self.env["cs.service.line"]
            .with_user(self.tech_user_1)
            .create(
                {"request_id": request.id, "note": "Cleaned the filter", "hours": 0.5}
            )
        )
        self._advance(request, "done")
        with self.assertRaises(UserError):
            line.with_user(self.tech_user_1).hours = 3
        with self.assertRaises(UserError):
            self.env["cs.service.line"].with_user(self.supervisor).create(
                {"request_id": request.id, "note": "Later"}
            )

    @freeze_time("2026-03-10 02:00:00")
    def test_service_dispatch_in_time_flag(self):
        # Tuesday 10:00 in Shanghai: urban dispatch due 17:00
        request = self._create_request(date_received=local("2026-03-10 10:00"))
        self._advance(request, "dispatched")
        self.assertTrue(request.dispatch_in_time)
        self.assertEqual(request.sla_status, "on_track")
        late = self._create_request(date_received=local("2026-03-09 09:00"))
        self._advance(late, "dispatched")
        self.assertFalse(late.dispatch_in_time)
        self.assertEqual(late.sla_status, "breached")

    def test_service_batch_create_does_not_grow_per_request(self):
        def count(n):
            vals = [
                {"partner_id": self.customer_b.id, "problem": f"<p>P{i}</p>"}
                for i in range(n)
            ]
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            self.Request.with_user(self.agent_a).create(vals)
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        count(1)  # warm the caches
        one, ten = count(1), count(10)
        # the sequence costs a query or two per number, nothing else grows
        self.assertLess(ten - one, 9 * 3, (one, ten))

    def test_service_repeat_visit_flagged(self):
        with freeze_time(local("2026-03-02 10:00")):
            first = self._advance(
                self._create_request(date_received=local("2026-03-02 10:00")), "done"
            )
        again = self._create_request(date_received=local("2026-03-20 10:00"))
        self.assertEqual(again.repeat_of_id, first)
        self.assertTrue(again.is_repeat)
        other_product = self._create_request(
            product_id=self.part.id, date_received=local("2026-03-20 10:00")
        )
        self.assertFalse(other_product.is_repeat)
        late = self._create_request(date_received=local("2026-04-10 10:00"))
        self.assertFalse(late.is_repeat)
