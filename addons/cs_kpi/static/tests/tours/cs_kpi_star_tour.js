/** @odoo-module **/
// Copyright 2026 Customer Service Suite authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {openCustomerServiceMenu} from "@cs_member/../tests/tours/cs_tour_utils";
import {registry} from "@web/core/registry";

// the month and the nominee, created by cs_kpi/tests/test_ui_star.py
const MONTH = "Star tour month";
const NOMINEE = "Agent A2";
const REASON = "Star tour: stayed late for an angry customer";

/**
 * 月度服务明星 (D8): a colleague nominates someone for the star of the
 * month. Triggers use names, never labels.
 */
registry.category("web_tour.tours").add("cs_kpi_nominate_tour", {
    url: "/odoo",
    steps: () => [
        ...openCustomerServiceMenu(
            "cs_kpi.menu_cs_kpi",
            "cs_kpi.cs_kpi_nomination_menu"
        ),
        {
            content: "New nomination",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "Type the colleague's name",
            trigger: '.o_form_view div[name="employee_id"] input',
            run: `edit ${NOMINEE}`,
        },
        {
            content: "Choose the colleague",
            trigger: `.o-autocomplete--dropdown-item > a:contains(${NOMINEE})`,
            run: "click",
        },
        {
            content: "Say why",
            trigger: '.o_form_view div[name="reason"] textarea',
            run: `edit ${REASON}`,
        },
        {
            content: "Save the nomination",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "The nomination is saved",
            trigger: ".o_form_saved",
        },
    ],
});

/**
 * The manager opens the month's proposal (scorecards, praise,
 * nominations) and chooses the star.
 */
registry.category("web_tour.tours").add("cs_kpi_star_tour", {
    url: "/odoo",
    steps: () => [
        ...openCustomerServiceMenu("cs_kpi.menu_cs_kpi", "cs_kpi.cs_kpi_period_menu"),
        {
            content: "Open the month",
            trigger: `.o_list_view .o_data_row:contains(${MONTH}) .o_data_cell[name=name]`,
            run: "click",
        },
        {
            content: "Open the proposal of the star",
            trigger: '.o_form_view button[name="action_star_wizard"]',
            run: "click",
        },
        {
            content: "The nominee is a candidate",
            trigger: `.modal div[name="line_ids"] .o_data_row:contains(${NOMINEE})`,
        },
        {
            content: "Type the star's name",
            trigger: '.modal div[name="employee_id"] input',
            run: `edit ${NOMINEE}`,
        },
        {
            content: "Choose the star",
            trigger: `.o-autocomplete--dropdown-item > a:contains(${NOMINEE})`,
            run: "click",
        },
        {
            content: "The reward",
            trigger: '.modal div[name="amount"] input',
            run: "edit 150",
        },
        {
            content: "Choose",
            trigger: '.modal button[name="action_choose"]',
            run: "click",
        },
        {
            content: "The month shows its star",
            trigger: `.o_form_view div[name="star_employee_id"]:contains(${NOMINEE})`,
        },
    ],
});
