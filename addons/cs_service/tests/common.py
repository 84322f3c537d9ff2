# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import datetime

import pytz

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.cs_callback.tests.common import TZ, CsCallbackCommon

__all__ = ["TZ", "CsServiceCommon", "local"]

SHANGHAI = pytz.timezone(TZ)


def local(value):
    """A Shanghai wall-clock time "YYYY-MM-DD HH:MM" as the UTC naive
    datetime Odoo stores."""
    moment = SHANGHAI.localize(datetime.strptime(value, "%Y-%m-%d %H:%M"))
    return moment.astimezone(pytz.utc).replace(tzinfo=None)


class CsServiceCommon(CsCallbackCommon):
    """Shared setup of the cs_service tests, on top of cs_callback's users,
    teams and customers (all in Asia/Shanghai).

    The company works Monday to Friday 09:00-12:00 and 13:00-18:00 in
    Shanghai (8 hours a day) with Monday 6 April 2026 (清明) as a public
    holiday. Replies are due within 2 working hours, dispatch within 6
    (urban: Beijing) or 7 (suburban). Two technicians (``tech_1``,
    ``tech_2``, plain internal users) and an employee who is no technician.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "After-sales hours (test)",
                "tz": TZ,
                "company_id": cls.company.id,
                "attendance_ids": [Command.clear()]
                + [
                    Command.create(
                        {
                            "name": f"{day} {period}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": stop,
                            "day_period": period,
                        }
                    )
                    for day in range(5)
                    for start, stop, period in (
                        (9, 12, "morning"),
                        (13, 18, "afternoon"),
                    )
                ],
            }
        )
        cls.env["resource.calendar.leaves"].create(
            {
                "name": "Qingming (test)",
                "calendar_id": cls.calendar.id,
                "date_from": local("2026-04-06 00:00"),
                "date_to": local("2026-04-06 23:59"),
            }
        )
        cls.company.write(
            {
                "resource_calendar_id": cls.calendar.id,
                "cs_service_reply_hours": 2.0,
                "cs_service_dispatch_hours_urban": 6.0,
                "cs_service_dispatch_hours_suburban": 7.0,
                "cs_service_urban_cities": "Beijing, 北京",
                "cs_service_at_risk_percent": 25.0,
                "cs_service_escalation_hours": 2.0,
                "cs_service_manager_id": cls.manager.id,
                "cs_service_callback_days": 3,
                "cs_service_portal_rate_limit": 3,
            }
        )
        cls.job_technician = cls.env["hr.job"].create(
            {"name": "Technician (test)", "cs_is_technician": True}
        )
        cls.job_clerk = cls.env["hr.job"].create({"name": "Clerk (test)"})
        cls.tech_user_1 = new_test_user(
            cls.env, "cs_tech_1", groups="base.group_user", tz=TZ
        )
        cls.tech_user_2 = new_test_user(
            cls.env, "cs_tech_2", groups="base.group_user", tz=TZ
        )
        Employee = cls.env["hr.employee"]
        cls.tech_1 = Employee.create(
            {
                "name": "Technician One",
                "user_id": cls.tech_user_1.id,
                "job_id": cls.job_technician.id,
            }
        )
        cls.tech_2 = Employee.create(
            {
                "name": "Technician Two",
                "user_id": cls.tech_user_2.id,
                "job_id": cls.job_technician.id,
            }
        )
        cls.clerk = Employee.create(
            {
                "name": "Clerk",
                "user_id": cls.internal_user.id,
                "job_id": cls.job_clerk.id,
            }
        )
        cls.customer_a.write(
            {"street": "1 Chang'an Avenue", "city": "Beijing", "phone": "010 6512 3456"}
        )
        cls.customer_b.write({"street": "8 Village Road", "city": "Huairou"})
        cls.product = cls.env["product.product"].create(
            {"name": "Air Conditioner KF-35 (test)"}
        )
        cls.part = cls.env["product.product"].create({"name": "Capacitor (test)"})
        cls.Request = cls.env["cs.service.request"]

    @classmethod
    def _create_request(cls, partner=None, user=None, env=None, **vals):
        env = env or cls.env
        values = {
            "partner_id": (partner or cls.customer_a).id,
            "problem": "<p>The air conditioner blows warm air.</p>",
            "user_id": (user or cls.agent_a).id,
            "product_id": cls.product.id,
            "serial_number": "KF35-0001",
        }
        values.update(vals)
        return env["cs.service.request"].create(values)

    @classmethod
    def _attach_signed_voucher(cls, request, user):
        """The scan of the paper voucher the customer signed, attached by
        ``user`` through the *Attach Signed Voucher* wizard."""
        action = request.with_user(user).action_attach_voucher()
        wizard = (
            cls.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
            .create(
                {
                    "file_data": base64.b64encode(b"%PDF-1.4 signed"),
                    "file_name": "signed voucher.pdf",
                }
            )
        )
        wizard.action_attach()
        return request.signed_voucher_id

    @classmethod
    def _advance(cls, request, state, technician=None):
        """Walk ``request`` up to ``state`` as its agent and its technician."""
        technician = technician or request.technician_id or cls.tech_1
        order = ["new", "dispatched", "on_site", "done", "closed"]
        agent = request.user_id or cls.agent_a
        for step in order[order.index(request.state) + 1 : order.index(state) + 1]:
            if step == "dispatched":
                request.with_user(agent).action_dispatch(technician=technician)
            elif step == "on_site":
                request.with_user(technician.user_id).action_start()
            elif step == "done":
                if not request.result:
                    request.with_user(technician.user_id).result = "Replaced the part"
                request.with_user(technician.user_id).action_done()
            elif step == "closed":
                if not request.signed_on and not request.signed_voucher_id:
                    cls._attach_signed_voucher(request, agent)
                request.with_user(agent).action_close()
            cls._end_request()
        return request
