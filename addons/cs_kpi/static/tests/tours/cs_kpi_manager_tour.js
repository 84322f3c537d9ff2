/** @odoo-module **/
// Copyright 2026 Customer Service Suite authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";
import {
    openCustomerServiceMenu,
    screenshot,
} from "@cs_member/../tests/tours/cs_tour_utils";

const STATUS = ".o_form_view .o_statusbar_status button.o_arrow_button_current";
const BUTTONS = ".o_form_view .o_statusbar_buttons";

/**
 * The customer-service manager approves the solution of a serious complaint
 * (only a manager may), then closes the assessment month: computes it,
 * confirms it (认定) and publishes it (张榜公布), and looks at the
 * scorecards. The complaint and the month are created by
 * cs_kpi/tests/test_ui_tours.py.
 */
registry.category("web_tour.tours").add("cs_kpi_manager_tour", {
    url: "/odoo",
    steps: () => [
        ...openCustomerServiceMenu(
            "cs_complaint.menu_cs_complaints",
            "cs_complaint.cs_complaint_menu"
        ),
        {
            content: "Open the serious complaint waiting for approval",
            trigger:
                ".o_list_view .o_data_row:contains(KPI tour: burnt oven) .o_data_cell[name=subject]",
            run: "click",
        },
        {
            content: "Its solution is proposed",
            trigger: `${STATUS}[data-value="proposed"]`,
        },
        {
            content: "Approve the solution",
            trigger: `${BUTTONS} button[name=action_approve]`,
            run: "click",
        },
        {
            content: "The solution is approved",
            trigger: `${STATUS}[data-value="approved"]`,
        },
        {
            content: "Open the Assessment menu",
            trigger: 'button[data-menu-xmlid="cs_kpi.menu_cs_kpi"]',
            run: "click",
        },
        {
            content: "Open the assessment months",
            trigger: 'a[data-menu-xmlid="cs_kpi.cs_kpi_period_menu"]',
            run: "click",
        },
        {
            content: "Open April 2026",
            trigger:
                ".o_list_view .o_data_row:contains(2026-04) .o_data_cell[name=name]",
            run: "click",
        },
        {
            content: "The month is open",
            trigger: `${STATUS}[data-value="open"]`,
        },
        {
            content: "Compute the scorecards",
            trigger: `${BUTTONS} button[name=action_compute]`,
            run: "click",
        },
        {
            content: "The month is computed",
            trigger: `${STATUS}[data-value="computed"]`,
        },
        {
            content: "Confirm the results (认定)",
            trigger: `${BUTTONS} button[name=action_confirm]`,
            run: "click",
        },
        {
            content: "The month is confirmed",
            trigger: `${STATUS}[data-value="confirmed"]`,
        },
        {
            content: "Publish the ranking (张榜公布)",
            trigger: `${BUTTONS} button[name=action_publish]`,
            run: "click",
        },
        {
            content: "Yes, post it to the departments",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The month is published",
            trigger: `${STATUS}[data-value="published"]`,
        },
        ...screenshot("kpi_period", `${STATUS}[data-value="published"]`),
        {
            content: "Open the scorecards",
            trigger: ".o_form_view button[name=action_view_scorecards]",
            run: "click",
        },
        {
            content: "Unfold the first department",
            trigger: ".o_list_view .o_group_header:eq(0)",
            run: "click",
        },
        {
            content: "Unfold the second department",
            trigger: ".o_list_view .o_group_header:eq(1)",
            run: "click",
        },
        ...screenshot(
            "kpi_scorecards",
            ".o_list_view .o_data_row:contains(Agent A2) .o_data_cell[name=total_score]"
        ),
    ],
});
