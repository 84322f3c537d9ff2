# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

try:
    import chinese_calendar
except ImportError:  # pragma: no cover - declared in external_dependencies
    chinese_calendar = None


class CsHolidayImportWizard(models.TransientModel):
    """Loads a year of China's public holidays (as time off of a working
    schedule) and make-up working days (调休) from the ``chinesecalendar``
    package, which follows the State Council's yearly notice."""

    _name = "cs.holiday.import.wizard"
    _description = "Import China's Public Holidays"

    year = fields.Integer(required=True, default=lambda self: self._default_year())
    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Schedule",
        required=True,
        default=lambda self: self.env.company.resource_calendar_id,
    )

    def _default_year(self):
        # the year of the working schedule's time zone (China's by default)
        tz = self.env.company.resource_calendar_id.tz or "Asia/Shanghai"
        return datetime.now(pytz.timezone(tz)).year

    @api.model
    def _cs_known_years(self):
        """The years the installed package knows, as a range."""
        holidays = getattr(chinese_calendar, "holidays", None) or {}
        years = sorted({day.year for day in holidays})
        return range(years[0], years[-1] + 1) if years else range(0)

    @api.model
    def _cs_holiday_name(self, label):
        names = {
            "New Year's Day": self.env._("New Year's Day (元旦)"),
            "Spring Festival": self.env._("Spring Festival (春节)"),
            "Tomb-sweeping Day": self.env._("Tomb-sweeping Day (清明节)"),
            "Labour Day": self.env._("Labour Day (劳动节)"),
            "Dragon Boat Festival": self.env._("Dragon Boat Festival (端午节)"),
            "National Day": self.env._("National Day (国庆节)"),
            "Mid-autumn Festival": self.env._("Mid-autumn Festival (中秋节)"),
        }
        return names.get(label, label)

    @api.model
    def _cs_year_data(self, year):
        """(holiday periods, make-up days) of ``year``: periods as
        [(first day, last day, name)], make-up days as [(day, name)]."""
        if chinese_calendar is None or year not in self._cs_known_years():
            known = self._cs_known_years()
            raise UserError(
                self.env._(
                    "The chinesecalendar package installed here does not know "
                    "%(year)s yet (it knows %(first)s to %(last)s). Update it "
                    "once the State Council has published the holidays.",
                    year=year,
                    first=known.start if known else "-",
                    last=known.stop - 1 if known else "-",
                )
            )
        first, last = date(year, 1, 1), date(year, 12, 31)
        periods = []
        for day in chinese_calendar.get_holidays(first, last, include_weekends=False):
            _is_holiday, label = chinese_calendar.get_holiday_detail(day)
            name = self._cs_holiday_name(str(label))
            if (
                periods
                and periods[-1][2] == name
                and periods[-1][1] + timedelta(days=1) == day
            ):
                periods[-1] = (periods[-1][0], day, name)
            else:
                periods.append((day, day, name))
        makeup = [
            (
                day,
                self._cs_holiday_name(str(chinese_calendar.get_holiday_detail(day)[1])),
            )
            for day in chinese_calendar.get_workdays(first, last, include_weekends=True)
            if day.weekday() >= 5
        ]
        return periods, makeup

    def action_import(self):
        """Import the year into the schedule; importing it again changes
        nothing."""
        self.ensure_one()
        periods, makeup = self._cs_year_data(self.year)
        created = self.calendar_id._cs_import_china_year(periods, makeup)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(year)s imported into %(calendar)s: %(holidays)s public "
                    "holidays and %(makeup)s make-up working days added.",
                    year=self.year,
                    calendar=self.calendar_id.display_name,
                    holidays=created[0],
                    makeup=created[1],
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
